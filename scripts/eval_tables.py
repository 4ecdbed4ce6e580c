"""Print the README's evaluation tables (Markdown) from `kg eval --format json` outputs.

The outputs are files `eval-<coder>-<set>.json` in one folder, for the coders `trained` and
`rules` and the sets `lf-test`, `short-test`, `holdout`, `dev` and `plover`:

    kg eval data/corpus --split test --form longform --format json > out/eval-trained-lf-test.json
    kg eval data/corpus --split test --form longform --coder rules --format json > out/eval-rules-lf-test.json
    ...
    python scripts/eval_tables.py out
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

SETS = [("lf-test", "corpus long-form test split"), ("short-test", "corpus short test split"),
        ("holdout", "`holdout.jsonl`"), ("dev", "`dev.jsonl`"), ("plover", "PLOVER records")]
CODERS = ("trained", "rules")
TOP_TYPES = ("Agree", "Consult", "Support", "Concede", "Cooperate", "Aid", "Retreat", "Request",
             "Accuse", "Reject", "Threaten", "Protest", "Sanction", "Mobilize", "Coerce", "Assault")


def prf(x: dict, bold: bool = False) -> str:
    f1 = f"**{x['f1']:.3f}**" if bold else f"{x['f1']:.3f}"
    return f"{x['precision']:.3f} / {x['recall']:.3f} / {f1}"


def main(folder: str) -> None:
    runs = {(c, s): json.loads((Path(folder) / f"eval-{c}-{s}.json").read_text(encoding="utf-8"))
            for c in CODERS for s, _ in SETS if (Path(folder) / f"eval-{c}-{s}.json").exists()}
    print("| gold set | records | events: trained coder P / R / F1 | events: rules P / R / F1 | "
          "confidence ECE (trained / rules) |")
    print("|---|---|---|---|---|")
    for s, name in SETS:
        t, r = runs.get(("trained", s)), runs.get(("rules", s))
        if not t or not r:
            continue
        print(f"| {name} | {t['documents']} | {prf(t['events'], True)} | {prf(r['events'])} | "
              f"{t['calibration']['ece']:.3f} / {r['calibration']['ece']:.3f} |")
    print()
    shown = [s for s, _ in SETS[:3] if ("trained", s) in runs and ("rules", s) in runs]
    print("| type | " + " | ".join(f"{s} trained P / R | {s} rules P / R" for s in shown) + " |")
    print("|---|" + "---|---|" * len(shown))
    for ty in TOP_TYPES:
        cells = []
        for s in shown:
            for c in CODERS:
                x = runs[(c, s)]["events_by_type"].get(ty, {"precision": 0, "recall": 0})
                cells.append(f"{x['precision']:.2f} / {x['recall']:.2f}")
        print(f"| {ty} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "out")
