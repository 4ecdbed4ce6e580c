"""Candidates: every (actor, act, recipient) a sentence may hold, for the trained coder to decide.

Two proposers feed the coder:

* the rule extractor (``gpol_events``): its parse- and lexicon-driven readings become
  candidates, one per actor and recipient pair, and each pair with a recipient also gives a
  candidate without it, so that the coder decides whether the recipient is right or the act is
  aimed at nobody named;
* statements (:func:`speech_candidates`): a speaker named as the subject of a verb of saying
  ("'Maduro is now a dictator,' said McMaster"), towards each other actor the statement names
  but its own side and towards no one, with no class proposed. Whether the statement is an accusation, a demand, a
  refusal or no event at all, the coder reads from its words; pairs the rules already propose
  in the sentence are left to them.

Broader proposers were measured and left out (docs/coder.md): every verb with an actor as
subject and object, and every act the lexicon knows with every pair of nearby mentions, raised
recall on the corpus but lowered event F1 on the dense wire paragraphs of ``dev.jsonl`` from
0.667 to 0.549.

Each candidate is a plain, frozen record; :class:`DocContext` holds what the coder needs of the
whole document (its sentences, mentions by token, publication year).

>>> from kg.nlp import load_pipeline
>>> doc = load_pipeline(coder="rules")("Kenya accused Somalia of violating the ceasefire.")
>>> ctx = DocContext.of(doc)
>>> sorted((c.actor, c.recipient or "-", c.proposed) for c in propose(doc, ctx))
[('kenya', '-', 'Accuse'), ('kenya', 'somalia', 'Accuse')]
>>> doc = load_pipeline(coder="rules")('"Kenya is arming the militias," Somalia said.')
>>> sorted((c.actor, c.recipient or "-", c.proposed, c.origin) for c in speech_candidates(doc, DocContext.of(doc)))
[('somalia', '-', 'NONE', 'speech'), ('somalia', 'kenya', 'NONE', 'speech')]
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..events.modality import word_list
from ..events.syntax import is_commentator, side_of
from ..model import Event

__all__ = ["Candidate", "DocContext", "propose", "rule_candidates", "speech_candidates"]


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
    story: float | None = None  # the story ranker's probability that the recipient is the target
    source: Event | None = field(default=None, compare=False, hash=False, repr=False)

    @property
    def guessed(self) -> bool:
        """Whether its recipient is one the story suggests rather than one the text names."""
        return self.inferred and self.recipient is not None

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


def speech_candidates(doc: Doc, ctx: DocContext, proposed: list[Candidate] = ()) -> list[Candidate]:
    """A statement's speaker towards each other actor the statement names, and towards no one.

    The speaker is the actor named as the subject of a verb of ``data/syntax/speech_verbs.txt``
    (a person its head word or an appositive names, else its head word's actor, else the first
    actor named in the subject), or of the clause a participle of one hangs off ("issued a
    statement saying"). The others are the actors
    named in the verb's phrase (what was said, to whom, where), not inside the subject ("Iran's
    foreign ministry") nor elsewhere in the sentence, nor of the speaker's own side (its state, a
    body or a person who acts for it: "the ministry said the China Coast Guard had acted lawfully");
    pairs (and, without a recipient, speakers)
    the ``proposed`` candidates already hold in the sentence are left out."""
    speech = word_list("speech_verbs")
    pairs = {(c.sent, c.actor, c.recipient) for c in proposed}
    acting = {(c.sent, c.actor) for c in proposed}
    out: list[Candidate] = []
    for v in doc:
        if v.pos_ not in ("VERB", "AUX") or v.lemma_.lower() not in speech:
            continue
        subj, gov = next((c for c in v.children if c.dep_ == "nsubj"), None), v
        for _ in range(2):
            # "Britain condemned the attack, saying ...", "issued a statement saying ...": the
            # speaker of a participle is the subject of the clause it hangs off
            if subj is not None or gov.dep_ not in ("advcl", "acl", "conj", "xcomp") or gov.head.i == gov.i:
                break
            gov = gov.head
            if gov.pos_ == "NOUN" and gov.dep_ == "dobj":
                gov = gov.head
            subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
        if subj is None or is_commentator(subj):
            continue  # ("said a Ghanaian political scientist": no actor speaks)
        inside = range(subj.left_edge.i, subj.right_edge.i + 1)
        # "Kosovo's interior minister, Xhelal Svecla, said": the person an appositive names speaks
        named = [ctx.mention_at.get(t.i) for t in (subj, *(c for c in subj.children if c.dep_ == "appos"))]
        m = next((x for x in named if x is not None and x.kind == "Person"), None) or named[0] \
            or next((ctx.mention_at[t] for t in inside if t in ctx.mention_at), None)
        if m is None or m.key not in ctx.actors:
            continue
        sent = ctx.sent_of[v.i]
        start, end = ctx.sent_spans[sent]
        base = dict(sent=sent, trigger=v.i, actor=m.key, proposed="NONE", origin="speech")
        # the speaker's own side is who speaks, not whom the statement is aimed at ("Lavrov said
        # Moscow was ready to host the talks")
        own = side_of([m.key, *m.also], ctx.actors)
        seen: set[str] = set()
        for t in range(max(start, v.left_edge.i), min(end, v.right_edge.i + 1)):
            other = ctx.mention_at.get(t)
            if other is None or t != other.start or t in inside or other.key not in ctx.actors \
                    or other.key in seen or side_of([other.key], ctx.actors) & own \
                    or (sent, m.key, other.key) in pairs:
                continue
            seen.add(other.key)
            out.append(Candidate(recipient=other.key, **base))
        if (sent, m.key) not in acting:
            out.append(Candidate(recipient=None, **base))
    return out


def propose(doc: Doc, ctx: DocContext | None = None, story=None) -> list[Candidate]:
    """All candidates of a Doc the rule and actor stages have run on: the rules' readings (with
    the targets a :class:`~kg.coder.story.StoryRanker` ``story`` ranks best for the acts that name
    none), then the statements the rules leave unread."""
    ctx = ctx or DocContext.of(doc)
    rules = rule_candidates(doc, ctx)
    if story is not None:
        from .story import story_readings

        rules = story_readings(rules, ctx, story)
    return rules + speech_candidates(doc, ctx, rules)
