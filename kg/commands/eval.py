"""``kg eval GOLD``: run the extractor on a gold set and print precision, recall and F1.

Example::

    kg eval data/gold/dev.jsonl --errors 3
    kg eval data/gold/plover_gsr.jsonl --format json > out/eval.json
    kg eval data/corpus --split test --form longform --coder rules
    kg eval data/resolution/dev.jsonl          # a resolution gold set: cross-article resolution
"""
from __future__ import annotations

import sys

__all__ = ["add_parser", "run"]


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "eval", help="score the extractor against a gold set (JSONL, see docs/eval.md)",
        description="Run the extractor on each record of a gold JSONL file and report precision, "
                    "recall and F1 for actors and for (actor, PLOVER top type, recipient) events.")
    p.add_argument("gold", metavar="GOLD", nargs="+",
                   help="gold file or corpus folder, e.g. data/gold/dev.jsonl, data/corpus; resolution gold "
                        "files (records with 'mentions', e.g. data/resolution/dev.jsonl) are scored as one corpus")
    p.add_argument("--model", default=None, help="spaCy pipeline to use (default: the extractor's)")
    p.add_argument("--coder", metavar="PATH|rules", default=None,
                   help="event coder: a model trained with `kg train`, or 'rules' (default: the shipped model)")
    p.add_argument("--min-confidence", type=float, default=None, metavar="P",
                   help="the trained coder writes no event under this confidence, as in `kg build` "
                        "(default: the model's own threshold)")
    p.add_argument("--split", choices=("train", "dev", "test"), default=None,
                   help="score only the records of this split (corpus records carry one)")
    p.add_argument("--form", choices=("longform", "short"), default=None,
                   help="score only the records of this form")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    p.add_argument("--errors", type=int, default=0, metavar="N",
                   help="also list the first N false positives and negatives of each document")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..actors.score import is_resolution_file, score_resolution
    from ..evaluate import evaluate

    errors = max(0, args.errors or 0)
    if all(is_resolution_file(g) for g in args.gold):
        # cross-article resolution: B-cubed F1 of the mention clusters and actor-node precision
        res = score_resolution(args.gold, model=args.model, coder=args.coder)
        sys.stdout.write(res.to_json(errors) + "\n" if args.format == "json" else res.to_text(errors))
        return 0
    if len(args.gold) > 1:
        sys.stderr.write("kg eval: several gold paths are scored together only for resolution gold files\n")
        return 2
    args.gold = args.gold[0]
    report = evaluate(args.gold, model=args.model, coder=args.coder, split=args.split, form=args.form,
                      min_confidence=args.min_confidence)
    text = report.to_json(errors) + "\n" if args.format == "json" else report.to_text(errors)
    sys.stdout.write(text)
    return 0
