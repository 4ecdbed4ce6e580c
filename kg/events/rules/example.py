"""Running a rule's example: the events the rule extractor tells in a sentence, with every rule of
:mod:`kg.events.rules` or without one of them.

>>> events("Peru condemned Chile.")
[('Condemn', ['peru'], ['chile'])]
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["events", "without_rule"]

REGISTRIES = ("TOKEN_RULES", "VERB_READING", "VERB_RULES", "NOUN_RULES", "DOCUMENT_RULES")


@contextmanager
def without_rule(rule: Callable) -> Iterator[None]:
    """The registries of :mod:`kg.events.rules` without ``rule`` while the block runs."""
    from .. import rules

    saved = {name: getattr(rules, name) for name in REGISTRIES}
    if not any(rule in lst for lst in saved.values()):
        raise ValueError(f"{rule.__name__} is no rule of kg.events.rules")
    try:
        for name, lst in saved.items():
            setattr(rules, name, [r for r in lst if r is not rule])
        yield
    finally:
        for name, lst in saved.items():
            setattr(rules, name, lst)


def events(text: str, without: Callable | None = None) -> list[tuple[str, list[str], list[str]]]:
    """(type, actors, recipients) of each event the rule extractor tells in ``text`` (no trained
    coder), optionally with the rule ``without`` taken out of the registries. A recipient taken
    from the context, not from a phrase of the trigger, is marked "(inferred)"."""
    from ...nlp import load_pipeline

    nlp = load_pipeline(coder="rules")
    if without is None:
        doc = nlp(text)
    else:
        with without_rule(without):
            doc = nlp(text)
    return [(e.type, e.actors, [f"{r} (inferred)" if e.recipient_inferred else r for r in e.recipients])
            for e in doc._.gpol_events]
