"""Candidates: every (actor, act, recipient) a sentence may hold, for the trained coder to decide.

The proposer is the rule extractor (``gpol_events``): its parse- and lexicon-driven readings
become candidates, one per actor and recipient pair, and each pair with a recipient also gives
a candidate without it, so that the coder decides whether the recipient is right or the act is
aimed at nobody named. Broader proposers were measured and left out (docs/coder.md): every verb
with an actor as subject and object, and every act the lexicon knows with every pair of nearby
mentions, raised recall on the corpus but lowered event F1 on the dense wire paragraphs of
``dev.jsonl`` from 0.667 to 0.549.

Each candidate is a plain, frozen record; :class:`DocContext` holds what the coder needs of the
whole document (its sentences, mentions by token, publication year).

>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline(coder="rules")("Kenya accused Somalia of violating the ceasefire.")
>>> ctx = DocContext.of(doc)
>>> sorted((c.actor, c.recipient or "-", c.proposed) for c in propose(doc, ctx))
[('kenya', '-', 'Accuse'), ('kenya', 'somalia', 'Accuse')]
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..model import Event

__all__ = ["Candidate", "DocContext", "propose", "rule_candidates"]


@dataclass(frozen=True)
class Candidate:
    """One possible event: who, by which act (a token), to whom, proposed by whom."""

    sent: int  # index of the sentence in the Doc
    trigger: int  # token index of the act (verb or event noun)
    actor: str  # actor key
    recipient: str | None
    proposed: str  # event class the proposer suggests ("NONE" when it suggests none)
    modality: str = "Asserted"  # the proposer's modality
    cameo: str | None = None
    origin: str = "rules"  # the proposer
    inferred: bool = False  # the recipient was taken from the context, not from a phrase
    dropped: bool = False  # the proposer named a recipient that this candidate leaves out
    source: Event | None = field(default=None, compare=False, hash=False, repr=False)

    @property
    def group(self) -> tuple:
        """Candidates of one group are readings of one act by one actor: with each recipient the
        proposer found, or with none (:func:`kg.coder.model.select` chooses among them)."""
        return (self.sent, self.trigger, self.actor, self.origin)


@dataclass
class DocContext:
    """What the coder needs of the whole document, computed once."""

    doc: Doc
    sent_of: list[int]  # sentence index of each token
    sent_spans: list[tuple[int, int]]  # token [start, end) of each sentence
    mention_at: dict[int, object]  # token index -> Mention
    year: int | None  # year of publication
    actors: dict

    @classmethod
    def of(cls, doc: Doc) -> "DocContext":
        sent_of = [0] * len(doc)
        spans = []
        for i, s in enumerate(doc.sents):
            spans.append((s.start, s.end))
            for t in range(s.start, s.end):
                sent_of[t] = i
        mention_at = {t: m for m in doc._.gpol_mentions or [] for t in range(m.start, m.end)}
        anchor = doc._.gpol_anchor
        return cls(doc, sent_of, spans, mention_at, getattr(anchor, "year", None),
                   dict(doc._.gpol_actors or {}))


def _trigger_of(ev: Event, ctx: DocContext) -> int | None:
    if ev.trigger_index is not None and ev.trigger_index < len(ctx.doc):
        return ev.trigger_index
    span = ctx.doc.char_span(ev.char_start, ev.char_end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if tok.text == ev.trigger:
            return tok.i
    return span.root.i


def rule_candidates(doc: Doc, ctx: DocContext) -> list[Candidate]:
    """The rule extractor's events as candidates, with a recipient-less alternative of each."""
    out: list[Candidate] = []
    for ev in doc._.gpol_events or []:
        t = _trigger_of(ev, ctx)
        if t is None:
            continue
        for a in ev.actors:
            for r in ev.recipients or [None]:
                if r == a:
                    continue
                base = dict(sent=ctx.sent_of[t], trigger=t, actor=a, proposed=ev.type, modality=ev.modality,
                            cameo=ev.cameo, origin="rules", source=ev)
                out.append(Candidate(recipient=r, inferred=ev.recipient_inferred, **base))
                if r is not None:
                    out.append(Candidate(recipient=None, dropped=True, **base))
    return out


def propose(doc: Doc, ctx: DocContext | None = None) -> list[Candidate]:
    """All candidates of a Doc the rule and actor stages have run on."""
    return rule_candidates(doc, ctx or DocContext.of(doc))
