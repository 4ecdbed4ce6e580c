"""Candidates: every (actor, act, recipient) a sentence may hold, for the trained coder to decide.

Three proposers, all reading what earlier stages left on the Doc:

- :func:`rule_candidates`: the rule extractor's events (``gpol_events``), one candidate per
  actor and recipient pair, and for each pair with a recipient a second candidate without it
  (the coder decides whether the recipient is right, or the act is aimed at nobody named);
- :func:`syntax_candidates`: a verb with an actor mention as its subject and another as its
  object or prepositional object, which the lexicon may not know ("Kenya hammered out a deal
  with Somalia");
- :func:`clause_candidates`: every verb or event noun the lexicon knows, with every pair of
  actor mentions (and each mention alone) near it in the parse that no other proposer took:
  the coder, not a rule, decides who acts and on whom ("He said he had spoken to both generals").

Each candidate is a plain, frozen record; :class:`DocContext` holds what the coder needs of the
whole document (its sentences, mentions by token, publication year).

>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline(coder="rules")("Kenya accused Somalia of violating the ceasefire.")
>>> ctx = DocContext.of(doc)
>>> sorted({(c.actor, c.recipient, c.proposed) for c in propose(doc, ctx)})[:2]
[('kenya', None, 'Accuse'), ('kenya', 'somalia', 'Accuse')]
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import Event

__all__ = ["Candidate", "DocContext", "propose", "rule_candidates", "syntax_candidates"]

_SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent"}
_OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}


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
    origin: str = "rules"  # "rules" or "syntax"
    inferred: bool = False  # the recipient was taken from the context, not from a phrase
    dropped: bool = False  # the proposer named a recipient that this candidate leaves out
    source: Event | None = field(default=None, compare=False, hash=False, repr=False)

    @property
    def group(self) -> tuple:
        """Candidates of one group are alternatives: at most one of them is coded."""
        return (self.sent, self.trigger, self.actor, self.origin)


@dataclass
class DocContext:
    """What the coder needs of the whole document, computed once."""

    doc: Doc
    sent_of: list[int]  # sentence index of each token
    sent_spans: list[tuple[int, int]]  # token [start, end) of each sentence
    mention_at: dict[int, object]  # token index -> Mention
    keys_in_sent: list[set[str]]  # actor keys mentioned in each sentence
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
        mention_at = {}
        keys = [set() for _ in spans]
        for m in doc._.gpol_mentions or []:
            for t in range(m.start, m.end):
                mention_at[t] = m
            if m.start < len(doc):
                keys[sent_of[m.start]].add(m.key)
                keys[sent_of[m.start]].update(m.also)
        anchor = doc._.gpol_anchor
        return cls(doc, sent_of, spans, mention_at, keys, getattr(anchor, "year", None),
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


def _mention_keys(tok: Token, ctx: DocContext) -> list[str]:
    """Actor keys of the noun phrase headed by ``tok`` and its conjuncts."""
    out = []
    for t in (tok, *tok.conjuncts):
        m = ctx.mention_at.get(t.i)
        if m is None:  # "the government of Kenya": the mention inside the phrase
            m = next((ctx.mention_at[c.i] for c in t.children
                      if c.i in ctx.mention_at and c.dep_ in ("compound", "poss", "amod", "nmod")), None)
            if m is None:
                for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"):
                    m = next((ctx.mention_at[g.i] for g in prep.children if g.i in ctx.mention_at), None)
        if m is not None:
            out.extend([m.key, *m.also])
    return list(dict.fromkeys(out))


def syntax_candidates(doc: Doc, ctx: DocContext, covered: set[tuple[int, str]]) -> list[Candidate]:
    """Verbs with an actor as subject and an actor as (prepositional) object that no rule took."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        subjects, objects = [], []
        for c in tok.children:
            if c.dep_ in ("nsubj",):
                subjects += _mention_keys(c, ctx)
            elif c.dep_ == "agent":
                subjects += [k for g in c.children for k in _mention_keys(g, ctx)]
            elif c.dep_ in _OBJECT_DEPS or c.dep_ == "nsubjpass":
                objects += _mention_keys(c, ctx)
            elif c.dep_ == "prep":
                objects += [k for g in c.children if g.dep_ == "pobj" for k in _mention_keys(g, ctx)]
        for a in dict.fromkeys(subjects):
            if (tok.i, a) in covered:
                continue
            for r in [*dict.fromkeys(k for k in objects if k != a), None]:
                out.append(Candidate(sent=ctx.sent_of[tok.i], trigger=tok.i, actor=a, recipient=r,
                                     proposed="NONE", origin="syntax", dropped=r is None and bool(objects)))
    return out


#: how far (in dependency edges) a mention may stand from the act to be proposed as its party
MAX_DISTANCE = 4


def _distance(a: Token, b: Token) -> int:
    """Number of dependency edges between two tokens of one sentence."""
    up_a = {a.i: 0}
    for n, t in enumerate(a.ancestors, start=1):
        up_a[t.i] = n
    if b.i in up_a:
        return up_a[b.i]
    for n, t in enumerate(b.ancestors, start=1):
        if t.i in up_a:
            return n + up_a[t.i]
    return 99


def clause_candidates(doc: Doc, ctx: DocContext, covered: set[tuple[int, str]]) -> list[Candidate]:
    """Acts the lexicon knows, with the actor mentions near them, that no other proposer took."""
    from ..events.lexicon import Lexicon

    lex = Lexicon.load()
    out: list[Candidate] = []
    for tok in doc:
        if tok.pos_ == "VERB":
            entry = lex.verb(tok.lemma_.lower())
            cls = entry.cls if entry is not None else None
        elif tok.pos_ == "NOUN":
            nouns = lex.noun(tok.lemma_.lower())
            cls = nouns[0].cls if nouns else None
        else:
            continue
        if cls is None:
            continue
        s, e = ctx.sent_spans[ctx.sent_of[tok.i]]
        near: dict[str, int] = {}
        for i in range(s, e):
            m = ctx.mention_at.get(i)
            if m is None or i != m.start:
                continue
            root = doc[m.start:m.end].root
            d = _distance(root, tok)
            for k in (m.key, *m.also):
                if d <= MAX_DISTANCE and d < near.get(k, 99):
                    near[k] = d
        for a in near:
            if (tok.i, a) in covered:
                continue
            for r in [*(k for k in near if k != a), None]:
                out.append(Candidate(sent=ctx.sent_of[tok.i], trigger=tok.i, actor=a, recipient=r,
                                     proposed=cls, origin="clause"))
    return out


def propose(doc: Doc, ctx: DocContext | None = None) -> list[Candidate]:
    """All candidates of a Doc the rule and actor stages have run on."""
    ctx = ctx or DocContext.of(doc)
    rules = rule_candidates(doc, ctx)
    covered = {(c.trigger, c.actor) for c in rules}
    syntax = syntax_candidates(doc, ctx, covered)
    covered |= {(c.trigger, c.actor) for c in syntax}
    return rules + syntax + clause_candidates(doc, ctx, covered)
