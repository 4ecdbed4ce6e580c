"""Recipients from the story: whom an act that names no target is aimed at.

News names the target of a reaction once, early, and then tells the reactions with none
("Iran condemned the agreements"; "Kigali denies providing any support"). The rule extractor
takes the other party of the sentence, else the actor of the story's lead
(:func:`kg.events.rules.recipients.context_recipients`). Here a learned ranker scores every
actor the story has named by then (not the act's own side, nor who does the act with it) as the
target, from where and how often the story names it and how it stands to the act's actor in the
events told before (whom the actor acted on, who acted on the actor, the lead's actor and target,
the last act's, whether the rules chose it); when it ranks another actor above the rules' choice,
that actor becomes the act's target (:func:`story_readings`), and the coder decides the event
as for any other candidate, with the ranker's probability among its features.

>>> from kg.nlp import load_pipeline
>>> from kg.coder.candidates import DocContext, rule_candidates
>>> doc = load_pipeline(coder="rules")("Ethiopia accused Eritrea of arming rebels. Sudan condemned the move.")
>>> ctx = DocContext.of(doc)
>>> open_act = next(c for c in rule_candidates(doc, ctx) if c.actor == "sudan" and not c.dropped)
>>> pool = story_pool([open_act], rule_candidates(doc, ctx), ctx)[0]
>>> sorted(key for key, _ in pool)
['eritrea', 'ethiopia']
>>> "lead_actor" in dict(pool)["ethiopia"]
True
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import replace

import numpy as np

from ..events.syntax import side_of
from .candidates import Candidate, DocContext
from .features import _top, hash_index

__all__ = ["STORY_BITS", "is_open", "story_pool", "story_readings", "StoryRanker"]

#: columns of the ranker's hashed features: 2 ** STORY_BITS
STORY_BITS = 14


def is_open(c: Candidate) -> bool:
    """An act of the rules whose target no phrase names: inferred by the rules, or none."""
    return c.origin == "rules" and not c.dropped and (c.recipient is None or c.inferred)


def _bin(n: int, edges=(0, 1, 2, 3, 5, 10, 20)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def story_pool(acts: list[Candidate], proposed: list[Candidate], ctx: DocContext,
               ) -> list[list[tuple[str, list[str]]]]:
    """For each act, every actor the story has named up to its sentence (its own side left out),
    with the ranker's feature names. ``proposed`` are the rules' candidates of the document: the
    events told before each act."""
    mentions: dict[str, list[int]] = defaultdict(list)
    here_tokens: dict[tuple[int, str], list[int]] = defaultdict(list)
    role: dict[tuple[int, str], str] = {}  # how an actor's first mention in a sentence stands in it
    doc = ctx.doc
    for m in doc._.gpol_mentions or []:
        if m.key not in ctx.actors:
            continue
        s = ctx.sent_of[m.start]
        mentions[m.key].append(s)
        here_tokens[(s, m.key)].append(m.start)
        if (s, m.key) not in role:
            root = doc[m.start:m.end].root
            dep = root.dep_ if root.dep_ != "pobj" else f"pobj:{root.head.lemma_.lower()}"
            role[(s, m.key)] = "main_subject" if root.dep_.startswith("nsubj") and root.head.dep_ == "ROOT" \
                else f"dep={dep}"
    for v in mentions.values():
        v.sort()
    told = sorted({(c.sent, c.trigger, c.actor, c.recipient, _top(c.proposed), c.inferred)
                   for c in proposed if c.origin == "rules" and not c.dropped},
                  key=lambda t: (t[0], t[1], t[2], t[3] or ""))
    doers: dict[tuple[int, int], set[str]] = defaultdict(set)
    for t in told:
        doers[(t[0], t[1])].add(t[2])
    out = []
    for act in acts:
        # its own side, and who does the act with it and their sides ("Trump and Putin met")
        me = side_of([act.actor, *doers[(act.sent, act.trigger)]], ctx.actors)
        with_others = len(doers[(act.sent, act.trigger)]) > 1
        kind_me = getattr(ctx.actors.get(act.actor), "kind", "?")
        ttype = _top(act.proposed)
        before = [t for t in told if (t[0], t[1]) < (act.sent, act.trigger) and t[2] not in me]
        lead = next((t for t in before if not t[5]), None)
        last = before[-1] if before else None
        mine = [t for t in told if (t[0], t[1]) < (act.sent, act.trigger) and t[2] in me]
        counts = {k: bisect_right(v, act.sent) for k, v in mentions.items()}
        # not the act's own side: itself, its state or body, who else acts for them, who acts with it
        pool = [k for k, n in counts.items() if n and not side_of([k], ctx.actors) & me]
        last_seen = {k: mentions[k][counts[k] - 1] for k in pool}
        by_recency = {k: i for i, k in enumerate(sorted(pool, key=lambda k: (act.sent - last_seen[k], -counts[k])))}
        by_salience = {k: i for i, k in enumerate(sorted(pool, key=lambda k: (-counts[k], act.sent - last_seen[k])))}
        entries = []
        for k in pool:
            who = ctx.actors.get(k)
            kind = getattr(who, "kind", "?")
            d = act.sent - last_seen[k]
            f = [f"d={_bin(d)}", f"rec={min(by_recency[k], 3)}", f"sal={min(by_salience[k], 3)}",
                 f"n={_bin(counts[k])}", f"first={_bin(mentions[k][0])}", f"kind={kind}",
                 f"kinds={kind_me}>{kind}"]
            if d == 0:
                f += ["here_before" if min(here_tokens[(act.sent, k)]) < act.trigger else "here_after",
                      f"here_{role[(act.sent, k)]}"]
            if with_others:
                f.append("with_others")  # "Trump and Putin met": aimed at each other, coded towards no one
            if k == act.recipient:
                f.append("rule")
            if lead is not None:
                if k == lead[2]:
                    f.append("lead_actor")
                if k == lead[3]:
                    f.append("lead_rcp")
            if last is not None:
                if k == last[2]:
                    f.append("last_actor")
                if k == last[3]:
                    f.append("last_rcp")
            if any(t[2] == k and t[3] in me for t in before):
                f.append("acted_on_me")
            if any(t[3] == k for t in mine):
                f.append("i_acted_on")
            if any(t[3] == k and t[4] == ttype for t in before):
                f.append("same_type_rcp")
            if any(t[2] == k and t[4] == ttype for t in before):
                f.append("same_type_actor")
            aff = getattr(who, "affiliation", None)
            if kind == "Person" and aff in pool:
                f.append("person_of_named")
            if any(getattr(ctx.actors.get(o), "affiliation", None) == k for o in pool):
                f.append("has_named_member")
            f += [f"{ttype}|{x}" for x in list(f)]
            f.append("bias")
            entries.append((k, f))
        out.append(entries)
    return out


class StoryRanker:
    """A logistic regression over the hashed features of (act, possible target) pairs."""

    def __init__(self, coef: np.ndarray, bias: float):
        self.coef, self.bias = np.asarray(coef, dtype=np.float32), float(bias)
        self.bits = int(len(self.coef)).bit_length() - 1  # 2 ** bits columns

    def score(self, entries: list[tuple[str, list[str]]]) -> list[tuple[str, float]]:
        """Each possible target with its probability, best first."""
        out = []
        for k, names in entries:
            z = self.bias + sum(float(self.coef[i]) for i in {hash_index(n, self.bits) for n in names})
            out.append((k, 1.0 / (1.0 + np.exp(-z))))
        return sorted(out, key=lambda x: -x[1])


def story_readings(cands: list[Candidate], ctx: DocContext, ranker: StoryRanker) -> list[Candidate]:
    """``cands`` with the target the rules inferred for each act replaced by the one the ranker
    ranks best, when that is another (marked inferred, with the ranker's probability; the rules'
    own choice keeps its reading and gets its probability when the ranker agrees). An act the rules
    gave several inferred targets (each party of a mediation) keeps them. Acts the rules
    leave with no target keep none: adding the ranker's best as a further reading of them was
    measured, and wrote more wrong events than right ones (docs/coder.md)."""
    # (an act the rules gave several inferred targets, the parties of a mediation, keeps them)
    inferred = Counter(c.group for c in cands if is_open(c) and c.recipient is not None)
    acts = [c for c in cands if is_open(c) and c.recipient is not None and inferred[c.group] == 1]
    if not acts:
        return cands
    best: dict[int, Candidate] = {}
    for act, pool in zip(acts, story_pool(acts, cands, ctx)):
        ranked = ranker.score(pool)
        own = dict(ranked).get(act.recipient, 0.0)
        key, p = ranked[0] if ranked else (act.recipient, own)
        best[id(act)] = replace(act, recipient=key, story=p) if p > own else replace(act, story=own)
    return [best.get(id(c), c) for c in cands]
