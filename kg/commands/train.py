"""``kg train``: learn an event coder from gold records (the project's corpus, or your own).

Example::

    kg train                                   # the shipped model, from data/corpus (train + dev splits)
    kg train my-gold.jsonl -o my-coder.npz     # your own annotations in the gold format
    kg build news/ -o graph.trig --coder my-coder.npz
"""
from __future__ import annotations

import sys

__all__ = ["add_parser", "run"]


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "train", help="train an event coder from gold records (docs/coder.md)",
        description="Train the event coder on gold records in the format of docs/eval.md. Records "
                    "with a \"split\" field train on 'train' and calibrate on 'dev' ('test' is never "
                    "read); without one, a seeded fifth of the records is held out for calibration. "
                    "The training records are also scored in folds, each by a model fitted on the others, "
                    "and the calibration learns from those held-out scores too.")
    p.add_argument("gold", nargs="*", metavar="GOLD",
                   help="gold files or corpus folders (default: the project's data/corpus)")
    p.add_argument("-o", "--out", default=None,
                   help="model file to write (default: the shipped model, data/models/coder.npz)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--model", default=None, help="spaCy pipeline to parse with (default: the extractor's)")
    p.add_argument("--C", type=float, default=0.3, help="inverse regularisation strength (default 0.3)")
    p.add_argument("--folds", type=int, default=5, metavar="K",
                   help="folds of the training records scored held-out for the calibration (default 5; "
                        "1: the calibration records alone)")
    p.add_argument("--max-records", type=int, default=None, metavar="N",
                   help="use at most N training records (a quick trial)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..coder.train import split_records, train
    from ..coder.model import DEFAULT_CODER
    from ..evaluate import load_records

    paths = args.gold or [None]
    records = []
    for path in paths:
        if path is None:
            from ..corpus import corpus_path

            path = corpus_path()
        records += load_records(path)
    tr, cal = split_records(records, seed=args.seed)
    if args.max_records:
        tr = tr[:args.max_records]
        cal = cal[:max(1, args.max_records // 4)]
    train(tr, cal, args.out or DEFAULT_CODER, seed=args.seed, model=args.model, C=args.C, folds=args.folds,
          meta={"sources": [str(p) for p in paths]}, log=lambda m: print(f"kg train: {m}", file=sys.stderr))
    return 0
