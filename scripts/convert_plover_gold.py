#!/usr/bin/env python3
"""Convert the PLOVER gold-standard records to the project's gold JSONL (docs/eval.md).

Input: ``PLOVER_GSR_CAMEO.json`` of the Open Event Data Alliance (CC BY-SA 4.0); output:
``data/gold/plover_gsr.jsonl`` (CC BY-SA 4.0, same attribution). Rules:

* the DOCUMENT record is skipped; old labels FIGHT→Assault, DEMAND→Request, DISAPPROVE and
  INVESTIGATE→Accuse; the others become their title-case top class (AGREE→Agree, ...);
* each source and target entry becomes an actor named by its ``actorText``; a CAMEO code that
  pycountry knows as ISO alpha-3 makes a State with that ``iso3``; other codes are looked up in
  ``data/gold/cameo_codes.tsv`` (JAP→JPN, IGO→Organization, ...); the role code (GOV, MIL, REB...)
  is kept as ``sector``;
* one event per source × target pair (recipient null when there is no target); a record without a
  source actor keeps its text but has no event;
* a repeated ``id`` gets a suffix (``-2``) and keeps the original as ``plover_id``;
* ``id``, ``text``, ``mode``, ``context``, the original label and the comment are kept; the record's
  ``date`` becomes ``published``.

Run from the project root::

    .venv/bin/python scripts/convert_plover_gold.py            # writes data/gold/plover_gsr.jsonl
    .venv/bin/python scripts/convert_plover_gold.py -o /tmp/x.jsonl --input path/to/PLOVER_GSR_CAMEO.json
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = Path("/work/shared/data/plover/PLOVER_GSR_CAMEO.json")
DEFAULT_OUTPUT = ROOT / "data" / "gold" / "plover_gsr.jsonl"
CODES = ROOT / "data" / "gold" / "cameo_codes.tsv"
SOURCE = "PLOVER gold standard records (Open Event Data Alliance, CC BY-SA 4.0)"

OLD_LABELS = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
TOP = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
       "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def load_code_table(path: Path = CODES) -> dict[str, tuple[str | None, str]]:
    """code -> (iso3 or None, kind), from the readable TSV (``#`` lines are comments)."""
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        return {r["code"]: (r["iso3"] or None, r["kind"]) for r in rows}


def top_type(label: str) -> str:
    """PLOVER upper-case label (old or new) -> title-case top class name."""
    label = OLD_LABELS.get(label, label)
    if label not in TOP:
        raise ValueError(f"unknown PLOVER event label {label!r}")
    return label.title()


def actor_of(entry: dict, table) -> dict:
    code = (entry.get("code") or "").strip().upper()
    sector = (entry.get("sector") or "").strip()
    sector = None if not sector or set(sector) == {"*"} else sector
    if code in table:
        iso3, kind = table[code]
    elif len(code) == 3 and pycountry.countries.get(alpha_3=code):
        iso3, kind = code, "State"
    else:
        raise ValueError(f"CAMEO code {code!r} is neither ISO alpha-3 nor in {CODES.name}")
    return {"name": " ".join(entry["actorText"].split()), "kind": kind, "iso3": iso3, "sector": sector,
            "cameo": code}


def _entries(value) -> list[dict]:
    return [e for e in value if isinstance(e, dict) and e.get("actorText")] if isinstance(value, list) else []


def convert_record(rec: dict, table) -> dict:
    actors: dict[str, dict] = {}

    def add(entry):
        a = actor_of(entry, table)
        name = a["name"]
        if name in actors and (actors[name]["iso3"], actors[name]["kind"]) != (a["iso3"], a["kind"]):
            name = a["name"] = f"{name} ({a['cameo']})"
        actors.setdefault(name, a)
        return name

    sources = [add(e) for e in _entries(rec.get("source"))]
    targets = [add(e) for e in _entries(rec.get("target"))] or [None]
    etype = top_type(rec["event"])
    mode = rec.get("mode") or None
    events = [{"actor": s, "type": etype, "recipient": t, "modality": "Asserted"}
              for s in dict.fromkeys(sources) for t in dict.fromkeys(targets) if s != t]
    out = {"id": rec["id"], "text": " ".join(rec["text"].split()), "published": rec.get("date"),
           "source": SOURCE, "plover_event": rec["event"], "mode": mode, "context": rec.get("context") or None,
           "actors": list(actors.values()), "events": events}
    if rec.get("comment"):
        out["comment"] = rec["comment"]
    return out


def convert(input_path: Path, output_path: Path) -> Counter:
    data = json.loads(Path(input_path).read_text(encoding="utf-8"))
    table = load_code_table()
    counts = Counter()
    lines = []
    seen: Counter = Counter()
    for rec in data:
        if rec.get("event") == "DOCUMENT":
            counts["skipped DOCUMENT records"] += 1
            continue
        out = convert_record(rec, table)
        seen[rec["id"]] += 1
        if seen[rec["id"]] > 1:  # the source file repeats a few ids: keep both, make the id unique
            out = {"id": f"{rec['id']}-{seen[rec['id']]}", "plover_id": rec["id"], **{k: v for k, v in out.items() if k != "id"}}
            counts["duplicate ids renamed"] += 1
        counts["records"] += 1
        counts["events"] += len(out["events"])
        counts["actors"] += len(out["actors"])
        if not out["events"]:
            counts["records without a source actor (no event)"] += 1
        for e in out["events"]:
            counts["type " + e["type"]] += 1
        lines.append(json.dumps(out, ensure_ascii=False))
    Path(output_path).parent.mkdir(parents=True, exist_ok=True)
    Path(output_path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return counts


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    p.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = p.parse_args(argv)
    if not args.input.is_file():
        print(f"convert_plover_gold: {args.input}: no such file", file=sys.stderr)
        return 1
    try:
        counts = convert(args.input, args.output)
    except (ValueError, KeyError) as exc:
        print(f"convert_plover_gold: {args.input}: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}")
    for key in sorted(counts, key=lambda k: (k.startswith("type "), k)):
        print(f"  {key}: {counts[key]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
