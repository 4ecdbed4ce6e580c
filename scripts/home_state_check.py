"""How often the actor stage finds a datelined story's own state: the state "the army", "the
government" and "the capital" stand for (``doc._.gpol_home``).

Reads ``data/home_state/leads.jsonl`` (or the file given): story leads filed from a neighbour's
capital about another state ("neighbour") and leads about the dateline's own state that name
foreign ones ("home"), each with the state it is about. Prints, for each batch and kind, how many
leads get the right state, then the ones that do not.

Usage (the figures in data/home_state/README.md)::

    python scripts/home_state_check.py [data/home_state/leads.jsonl]
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from kg.actors.gazetteer import Gazetteer
from kg.model import Article
from kg.pipeline import Extractor

DEFAULT = Path(__file__).resolve().parent.parent / "data" / "home_state" / "leads.jsonl"


def check(path: str | Path = DEFAULT) -> tuple[Counter, Counter, list[tuple[dict, str | None]]]:
    """(right, total) counts by (batch, kind), and the leads given a wrong state with that state."""
    gaz = Gazetteer.load()
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]

    def key(name: str) -> str | None:
        return next((e.key for e in gaz.lookup(name) if e.kind == "State"), None)

    right, total, wrong = Counter(), Counter(), []
    arts = [Article(id=r["id"], text=r["text"]) for r in records]
    for r, (_, doc) in zip(records, Extractor(coder="rules").parse_many(arts)):
        group = (r["batch"], r["kind"])
        total[group] += 1
        if doc._.gpol_home == key(r["own_state"]):
            right[group] += 1
        else:
            wrong.append((r, doc._.gpol_home))
    return right, total, wrong


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    right, total, wrong = check(args[0] if args else DEFAULT)
    for group in sorted(total):
        print(f"batch {group[0]}, {group[1]:<9}: {right[group]:>2} / {total[group]} right")
    for r, got in wrong:
        print(f"  {r['id']} ({r['kind']}): {got} for {r['own_state']} | {r['text'][:90]}")


if __name__ == "__main__":
    main()
