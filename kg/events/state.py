"""What the event extractor knows about the document it is reading: one :class:`DocState` per Doc.

The ``gpol_events`` component (:class:`kg.events.extract.EventExtractor`) keeps only its
configuration (lexicon, gazetteer, word lists); everything it learns while reading a document
(the events found so far, the tokens whose event another event already tells, the protesters the
story told of, the events still waiting for a recipient from the context) lives here, is created
at the start of each call and is passed to whatever reads or adds to it.

>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline(coder="rules")("Peru condemned Chile.")
>>> st = DocState.of(doc)
>>> (st.events, st.suppressed, st.crowd, [s.text for s in st.dates])
([], set(), None, [])
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from spacy.tokens import Doc, Span

from ..actors.mentions import Mention
from ..model import Event
from .timex import find_anchor

__all__ = ["DocState", "mention_index"]


def mention_index(doc: Doc) -> dict[int, Mention]:
    """The actor mention each token belongs to, by token index."""
    index = {}
    for m in doc._.gpol_mentions or []:
        for i in range(m.start, m.end):
            index[i] = m
    return index


@dataclass
class DocState:
    """The per-document state of the event extractor."""

    doc: Doc
    #: the actor mention of each token (:func:`mention_index`)
    idx: dict[int, Mention]
    #: the date relative dates are read against (the publication date, else the text's latest)
    anchor: Date | None
    #: the doc's DATE entities (``doc.ents`` makes new Spans on every access: read once)
    dates: list[Span]
    #: the root token index of each of ``dates`` (a Span finds its root anew on every access)
    date_roots: list[int] = field(default_factory=list)
    #: the events found so far, in the order they were told
    events: list[Event] = field(default_factory=list)
    #: tokens whose event is told by another one (a demand's content, a reaction's object)
    suppressed: set[int] = field(default_factory=set)
    #: the protesters the story told of, (key, sector): "fired tear gas at the crowds" hits them
    crowd: tuple[str, str | None] | None = None
    #: events whose target is the actor of an event told before by a bare noun ("condemned the
    #: strike"), with the class of that noun and the noun's lemma
    anaphora: list[tuple[Event, str, str | None]] = field(default_factory=list)
    #: Host events with a thing hosted, no guest: the meeting's parties told before are the guests
    hosting: list[Event] = field(default_factory=list)
    #: directed events with no target named, with the other parties of their sentence
    open: list[tuple[Event, list[str]]] = field(default_factory=list)
    #: event nouns an acceptance answers ("accepted an invitation from Spain"), with who accepts
    answered: dict[int, list] = field(default_factory=dict)
    #: tokens of acts a side ordered its own forces to do ("ordered troops to shoot"): told as done
    ordered: set[int] = field(default_factory=set)
    #: ids of denials of the actor's own act, dropped unless the story names whom they answer
    denials: set[int] = field(default_factory=set)
    #: ids of open events that are dropped when the story gives no target (aid, sanctions)
    tentative: set[int] = field(default_factory=set)
    #: first-person words whose speaker is being looked for (a speaker found through them is none)
    speaking: set[int] = field(default_factory=set)
    #: the trigger token index of each event, by the event's id
    trigger_of: dict[int, int] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc) -> "DocState":
        """A fresh state for ``doc``."""
        dates = [e for e in doc.ents if e.label_ == "DATE"]
        anchor = doc._.gpol_anchor
        if anchor is None:
            anchor = find_anchor(e.text for e in dates)
        return cls(doc=doc, idx=mention_index(doc), anchor=anchor, dates=dates,
                   date_roots=[e.root.i for e in dates])
