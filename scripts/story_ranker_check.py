"""How often the story ranker's target is right, against the rules' own.

For each act the rules gave a target inferred from the story (no phrase of its sentence names
one) whose actor and type are an annotated event of the record, and whose annotated target is an
actor the story has named by then (kg/coder/story.py: ``story_pool``), this script asks whether the
rules' target and the shipped ranker's best are the annotated one, by form of record.

Usage (the figures in docs/coder.md)::

    python scripts/story_ranker_check.py data/corpus --split dev
"""
from __future__ import annotations

import argparse
from collections import Counter

from kg.coder.features import _top
from kg.coder.model import DEFAULT_CODER, CoderModel
from kg.coder.story import is_open, story_pool
from kg.coder.train import prepare
from kg.evaluate import _match_actors, load_records


def main(argv=None) -> Counter:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("--split")
    ap.add_argument("--coder", default=str(DEFAULT_CODER), help="a model trained with kg train")
    args = ap.parse_args(argv)
    ranker = CoderModel.load(args.coder).story
    counts: Counter = Counter()
    for p in prepare(load_records(args.gold, split=args.split), with_labels=False):
        form = p.record.extra.get("form") or "all"
        match = _match_actors(p.record, p.extraction)
        gold = {(e.actor, e.type, e.recipient) for e in p.record.events}
        acted = {(e.actor, e.type) for e in p.record.events}
        acts = [c for c in p.candidates if is_open(c)]
        for act, pool in zip(acts, story_pool(acts, p.candidates, p.ctx)):
            actor, top = match.get(act.actor), _top(act.proposed)
            if not act.inferred or act.recipient is None or (actor, top) not in acted \
                    or not any((actor, top, match.get(k)) in gold for k, _ in pool):
                continue
            counts[form, "acts"] += 1
            counts[form, "rules right"] += (actor, top, match.get(act.recipient)) in gold
            counts[form, "ranker right"] += (actor, top, match.get(ranker.score(pool)[0][0])) in gold
    for form in sorted({f for f, _ in counts}):
        n = counts[form, "acts"]
        print(f"{form:<9} acts {n:>4}  rules right {counts[form, 'rules right']:>4}  "
              f"ranker right {counts[form, 'ranker right']:>4}")
    return counts


if __name__ == "__main__":
    main()
