"""Features of a candidate: what the coder sees of the act, its two participants and its sentence.

Features are named strings, hashed into a fixed number of columns (so that the model has no
vocabulary to ship): the proposer's reading (class, CAMEO code, modality), the act's lemma and
its place in the parse, how the actor's and recipient's mentions stand to it, how often the story
names each of them and what ties a person to politics (a gazetteer entry, a role, an
affiliation), the cues of
negation, plans, conditions, reported speech, habit and age in its sentence, and the words
around it, and the kinds of names and numbers in the sentence (spaCy's entity labels, the shape
of numbers: a score "2-0" or a sum of money tells sport or business). (The pretrained pipeline's contextual token vectors, ``doc.tensor``, were tried as
further dense features and lowered event F1 on the calibration split: 0.26 against 0.34.)

>>> from kg.nlp import load_pipeline
>>> from kg.coder.candidates import DocContext, propose
>>> doc = load_pipeline(coder="rules")("Kenya did not accuse Somalia.")
>>> ctx = DocContext.of(doc)
>>> names = sparse_features(propose(doc, ctx)[0], ctx)
>>> "lemma=accuse" in names and "cue:neg" in names
True
"""
from __future__ import annotations

import re
import zlib

from ..events.modality import word_list
from ..taxonomy import top_of
from .candidates import Candidate, DocContext

__all__ = ["HASH_BITS", "sparse_features", "hash_index"]

#: columns of the hashed sparse features: 2 ** HASH_BITS
HASH_BITS = 18
_YEAR = re.compile(r"^(19|20)\d\d$")
_REPORT = {"say", "tell", "according", "add", "state", "announce", "report", "quote", "claim"}


def hash_index(name: str, bits: int = HASH_BITS) -> int:
    """Column of a feature name (CRC-32, stable across processes and platforms)."""
    return zlib.crc32(name.encode("utf-8")) & ((1 << bits) - 1)


def _top(cls: str) -> str:
    if cls == "NONE":
        return "NONE"
    try:
        return top_of(cls)
    except KeyError:
        return "NONE"


def _mention_root(ctx: DocContext, key: str | None, sent: int, trigger: int) -> int | None:
    """Token of the mention of ``key`` nearest the trigger in its sentence, else None."""
    if key is None:
        return None
    s, e = ctx.sent_spans[sent]
    best = None
    for t in range(s, e):
        m = ctx.mention_at.get(t)
        if m is not None and (m.key == key or key in m.also):
            if best is None or abs(t - trigger) < abs(best - trigger):
                best = t
    return best


def _relation(doc, i: int | None, trigger: int) -> str:
    """How a mention's token stands to the trigger in the parse."""
    if i is None:
        return "absent"
    tok, trg = doc[i], doc[trigger]
    head = tok
    steps = 0
    while head.head.i != head.i and steps < 6:
        if head.head.i == trigger:
            return f"child:{head.dep_}" if steps == 0 else f"under:{head.dep_}"
        head = head.head
        steps += 1
    if trg.is_ancestor(tok):
        return "desc"
    if tok.is_ancestor(trg):
        return "anc"
    return "other:" + ("before" if i < trigger else "after")


def sparse_features(c: Candidate, ctx: DocContext) -> list[str]:
    """The named features of one candidate."""
    doc = ctx.doc
    trg = doc[c.trigger]
    s, e = ctx.sent_spans[c.sent]
    top = _top(c.proposed)
    lemma = trg.lemma_.lower()
    kinds = ctx.actors
    akind = getattr(kinds.get(c.actor), "kind", "?")
    rkind = getattr(kinds.get(c.recipient), "kind", "?") if c.recipient else "NONE"
    f = [
        "bias", f"origin={c.origin}", f"prop={c.proposed}", f"top={top}", f"mod={c.modality}",
        f"cameo2={(c.cameo or '')[:2]}", f"cameo={c.cameo}", f"lemma={lemma}", f"lemma|top={lemma}|{top}",
        f"pos={trg.pos_}", f"tag={trg.tag_}", f"dep={trg.dep_}", f"head={trg.head.lemma_.lower()}",
        f"head|dep={trg.head.lemma_.lower()}|{trg.dep_}",
        f"akind={akind}", f"rkind={rkind}", f"kinds={akind}|{rkind}", f"top|rkind={top}|{rkind}",
        f"inferred={c.inferred}", f"dropped={c.dropped}", f"top|dropped={top}|{c.dropped}",
    ]
    if c.story is not None:
        # the story ranker's belief that this target, which no phrase names, is the act's
        band = f"story={min(int(c.story * 5), 4)}"
        here = _mention_root(ctx, c.recipient, c.sent, c.trigger) is not None
        # the rules' own inferred target, or another the ranker put forward
        own = c.recipient is None or c.source is None or c.recipient in (c.source.recipients or ())
        f += [band, f"{band}|top={top}", f"{band}|here={here}", f"{band}|own={own}", f"top|own={top}|{own}"]
    if c.source is not None and c.source.claimed_by:
        f.append("claimed")
    if c.source is not None and c.source.confidence is not None:
        # how directly the proposer read the act (its own score: a verb's subject and object
        # above a clause's or the story's)
        conf = f"rconf={round(c.source.confidence, 2)}"
        f += [conf, f"{conf}|top={top}"]
    # how the story stands to the two participants: how often each is named, and what ties a
    # person to politics (a gazetteer entry, a role, an affiliation)
    for side, key in (("a", c.actor), ("r", c.recipient)):
        actor = kinds.get(key) if key else None
        if actor is None:
            continue
        n = len(actor.mentions)
        f.append(f"{side}named={'1' if n <= 1 else '2-3' if n <= 3 else '4-9' if n <= 9 else '10+'}")
        if actor.kind == "Person":
            f.append(f"{side}tie={'qid' if actor.qid else 'role' if actor.role else 'aff' if actor.affiliation else 'none'}")
    # where the two participants stand
    ai = _mention_root(ctx, c.actor, c.sent, c.trigger)
    ri = _mention_root(ctx, c.recipient, c.sent, c.trigger)
    arel, rrel = _relation(doc, ai, c.trigger), _relation(doc, ri, c.trigger)
    f += [f"arel={arel}", f"rrel={rrel}", f"arel|top={arel}|{top}", f"rrel|top={rrel}|{top}"]
    if ai is not None:
        m = ctx.mention_at[ai]
        f += [f"ahow={m.how}", f"aword={doc[ai].lower_}"]
    if ri is not None:
        f.append(f"rhow={ctx.mention_at[ri].how}")
    # the act's own modifiers
    for ch in trg.children:
        if ch.dep_ in ("neg", "aux", "auxpass", "mark", "advmod", "prt", "prep", "dobj", "xcomp", "ccomp"):
            f.append(f"ch:{ch.dep_}={ch.lemma_.lower()}")
    # cues in the sentence
    neg, modal, cond = word_list("negators"), word_list("modal_auxiliaries"), word_list("conditional_markers")
    hypo, speech = word_list("hypothetical_governors"), word_list("speech_verbs")
    anc = {t.lemma_.lower() for t in trg.ancestors}
    for a in anc:
        f.append(f"anc={a}")
        if a in hypo:
            f.append("cue:hypo_gov")
        if a in speech or a in _REPORT:
            f.append("cue:reported")
    for t in doc[s:e]:
        low = t.lower_
        if low in neg:
            f.append("cue:neg" if t.head.i == c.trigger else "cue:neg_sent")
        if low in modal:
            f.append("cue:modal" if t.head.i == c.trigger else "cue:modal_sent")
        if low in cond:
            f.append("cue:cond")
        if t.lemma_.lower() in ("deny", "reject", "dismiss"):
            f.append(f"cue:deny={t.head.i == c.trigger or t.i == trg.head.i}")
        if _YEAR.match(t.text) and ctx.year:
            age = ctx.year - int(t.text)
            f.append("cue:year_old" if age >= 2 else ("cue:year_last" if age == 1 else "cue:year_now"))
        if t.tag_ == "VBN" and any(a.lower_ == "had" for a in t.children if a.dep_ == "aux"):
            f.append("cue:pluperfect")
        if low in ("ago", "since", "former", "formerly", "previously", "earlier"):
            f.append(f"cue:past={low}")
        if t.text in ('"', "\u201c", "\u201d"):
            f.append("cue:quote")
        if low in ("often", "usually", "rarely", "seldom", "typically", "routinely", "always", "never"):
            f.append("cue:habitual")
    # the kinds of names and numbers the sentence holds (a score, a sum of money, a competition)
    sent = doc[s:e]
    for ent in sent.ents:
        f.append(f"ent={ent.label_}")
    for tok in sent:
        if tok.like_num or tok.is_digit or any(ch.isdigit() for ch in tok.text):
            f.append(f"shape={tok.shape_}")
    if ai is not None and doc[ai].ent_type_:
        f.append(f"aent={doc[ai].ent_type_}")
    # the words around the act and the sentence's content words
    for t in doc[max(s, c.trigger - 4):min(e, c.trigger + 5)]:
        if t.i != c.trigger and not t.is_punct:
            f.append(f"w={t.lemma_.lower()}")
    for t in doc[s:e]:
        if t.pos_ in ("VERB", "NOUN", "ADJ") and t.i != c.trigger:
            f.append(f"s={t.lemma_.lower()}")
    f.append(f"sentpos={min(c.sent, 12)}")
    f.append(f"sentlen={min((e - s) // 10, 6)}")
    f.append(f"nsent={min(len(ctx.sent_spans) // 10, 5)}")
    return f
