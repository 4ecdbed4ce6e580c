"""How many gold events the proposals could let the trained coder find.

The trained coder chooses among the candidates its two proposers give (kg/coder/candidates.py):
the rule extractor's readings and statements (a speaker towards the actors its statement names).
A gold event is out of its reach unless a candidate joins its actor and recipient. This script
runs the rule extractor over a gold set and sorts each gold event (actor, top type, recipient)
into:

* right:        the rules propose it with the gold type;
* other type:   the rules propose the pair (actor, recipient) with another type;
* story target: no rule joins the pair, but a target the shipped model's story ranker gives an
                act of the rules does (kg/coder/story.py), labelled with the gold type in training;
* statement:    no rule or story target joins the pair, but a statement candidate does, and is
                labelled with the gold type in training;
* no candidate: both sides are found as actors, but no proposal joins them;
* actor missing: the actor stage finds no actor for one side.

Usage (the figures in docs/coder.md)::

    python scripts/proposal_coverage.py data/corpus --split dev --form longform

Background events (coding rule R6) are left out, as kg eval does.
"""
from __future__ import annotations

import argparse
from collections import Counter

from kg.coder.model import DEFAULT_CODER, CoderModel
from kg.coder.train import label, prepare, with_story
from kg.evaluate import _match_actors, load_records, score_document


def _reached(p, story: bool) -> set:
    """The gold triples the statement candidates, or the story targets, of one prepared record
    reach (their label names the type)."""
    match = _match_actors(p.record, p.extraction)
    return {(match.get(c.actor), lab, match.get(c.recipient) if c.recipient else None)
            for c, (lab, _) in zip(p.candidates, p.labels)
            if lab != "NONE" and ((c.story is not None and c.recipient is not None) if story else c.origin == "speech")}


def main(argv=None) -> Counter:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("--split")
    ap.add_argument("--form")
    args = ap.parse_args(argv)
    # one parse: the rule stage's extraction is the rules coder's output, scored as kg eval does
    prepared = prepare(load_records(args.gold, split=args.split, form=args.form), with_labels=False)
    with_story(prepared, CoderModel.load(DEFAULT_CODER).story)
    for p in prepared:
        p.labels = label(p.record, p.extraction, p.ctx, p.candidates)
    counts: Counter = Counter()
    for p in prepared:
        doc = score_document(p.record, p.extraction)
        predicted = {t for t, _ in doc.event_fp}
        pairs = {(t[0], t[2]) for t in predicted}
        missed_actors = set(doc.actor_fn)
        statements, story = _reached(p, False), _reached(p, True)
        counts["right"] += doc.events.tp
        for (actor, top, recipient), _ in doc.event_fn:
            if (actor, recipient) in pairs:
                counts["other type"] += 1
            elif actor in missed_actors or (recipient is not None and recipient in missed_actors):
                counts["actor missing"] += 1
            elif (actor, top, recipient) in story:
                counts["story target"] += 1
            elif (actor, top, recipient) in statements:
                counts["statement"] += 1
            else:
                counts["no candidate"] += 1
    total = sum(counts.values())
    print(f"{total} gold events in {len(prepared)} documents")
    for k in ("right", "other type", "story target", "statement", "no candidate", "actor missing"):
        print(f"  {k:<14} {counts[k]:>5}  {counts[k] / max(total, 1):.1%}")
    return counts


if __name__ == "__main__":
    main()
