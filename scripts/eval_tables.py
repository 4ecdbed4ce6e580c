"""Print the README's evaluation tables (Markdown) from `kg eval --format json` outputs.

    kg eval data/gold/dev.jsonl --format json > dev.json
    kg eval data/gold/plover_gsr.jsonl --format json > plover.json
    python scripts/eval_tables.py dev.json plover.json
"""
from __future__ import annotations

import json
import sys


def main(dev_path: str, plover_path: str) -> None:
    dev, pl = (json.load(open(p, encoding="utf-8")) for p in (dev_path, plover_path))

    def prf(x: dict, bold: bool = False) -> str:
        f1 = f"**{x['f1']:.3f}**" if bold else f"{x['f1']:.3f}"
        return f"{x['precision']:.3f} / {x['recall']:.3f} / {f1}"

    print(f"| | dev set ({dev['documents']} paragraphs) | PLOVER gold standard ({pl['documents']} sentences) |")
    print("|---|---|---|")
    print(f"| actors P / R / F1 | {prf(dev['actors'], True)} | {prf(pl['actors'])} |")
    print(f"| events P / R / F1 | {prf(dev['events'], True)} | {prf(pl['events'], True)} |")
    print()
    print("Events by PLOVER type (precision / recall):")
    print()
    print("| type | dev P | dev R | PLOVER P | PLOVER R |")
    print("|---|---|---|---|---|")
    for name, d in dev["events_by_type"].items():
        p = pl["events_by_type"].get(name, {"precision": 0.0, "recall": 0.0})
        print(f"| {name} | {d['precision']:.2f} | {d['recall']:.2f} | {p['precision']:.2f} | {p['recall']:.2f} |")


if __name__ == "__main__":
    main(*sys.argv[1:3])
