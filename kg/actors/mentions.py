"""Mention records and the Doc extensions the actor stage writes.

>>> from kg.actors.mentions import Mention
>>> Mention(0, 2, "vladimir-putin", "Person", "Vladimir Putin").kind
'Person'
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

__all__ = ["Mention", "register_extensions"]


@dataclass
class Mention:
    """A span of tokens ``[start, end)`` that refers to the actor ``key``."""

    start: int
    end: int
    key: str
    kind: str
    text: str
    sector: str | None = None
    how: str = "ner"  # gazetteer | ner | name-part | title | pronoun | group | plural
    also: tuple[str, ...] = ()  # further actors of a plural reference ("both sides")


def register_extensions() -> None:
    """Register ``doc._.gpol_mentions``, ``gpol_actors``, ``gpol_places``, ``gpol_events``, ``gpol_anchor``, ``gpol_source``
    (the original text when the Doc's text was recased: same length, same offsets) and
    ``gpol_home`` (the story's own state when it has a dateline: the dateline's, or the one its
    lead is set in when it was filed from a neighbour)."""
    for name, default in (("gpol_mentions", None), ("gpol_actors", None), ("gpol_places", None),
                          ("gpol_events", None), ("gpol_anchor", None), ("gpol_source", None),
                          ("gpol_home", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
