"""Print the README's evaluation tables (Markdown) from `kg eval --format json` outputs.

    kg eval data/gold/dev.jsonl --format json > dev.json
    kg eval data/gold/plover_gsr.jsonl --format json > plover.json
    kg eval data/gold/holdout.jsonl --format json > holdout.json
    python scripts/eval_tables.py dev.json plover.json [holdout.json]
"""
from __future__ import annotations

import json
import sys


def main(dev_path: str, plover_path: str, holdout_path: str | None = None) -> None:
    dev, pl = (json.load(open(p, encoding="utf-8")) for p in (dev_path, plover_path))
    ho = json.load(open(holdout_path, encoding="utf-8")) if holdout_path else None

    def prf(x: dict, bold: bool = False) -> str:
        f1 = f"**{x['f1']:.3f}**" if bold else f"{x['f1']:.3f}"
        return f"{x['precision']:.3f} / {x['recall']:.3f} / {f1}"

    head = f"| | dev set ({dev['documents']} paragraphs) | PLOVER gold standard ({pl['documents']} sentences) |"
    rule = "|---|---|---|"
    if ho:
        head += f" holdout ({ho['documents']} paragraphs, unseen) |"
        rule += "---|"
    print(head)
    print(rule)
    for what, key in (("actors", "actors"), ("events", "events")):
        row = f"| {what} P / R / F1 | {prf(dev[key], True)} | {prf(pl[key], key == 'events')} |"
        if ho:
            row += f" {prf(ho[key], True)} |"
        print(row)
    print()
    print("Events by PLOVER type (precision / recall):")
    print()
    cols = "| type | dev P | dev R | PLOVER P | PLOVER R |" + (" holdout P | holdout R |" if ho else "")
    print(cols)
    print("|---" * (cols.count("|") - 1) + "|")
    zero = {"precision": 0.0, "recall": 0.0}
    for name, d in dev["events_by_type"].items():
        p = pl["events_by_type"].get(name, zero)
        row = f"| {name} | {d['precision']:.2f} | {d['recall']:.2f} | {p['precision']:.2f} | {p['recall']:.2f} |"
        if ho:
            h = ho["events_by_type"].get(name, zero)
            row += f" {h['precision']:.2f} | {h['recall']:.2f} |"
        print(row)


if __name__ == "__main__":
    main(*sys.argv[1:4])
