#!/usr/bin/env python3
"""Build ``data/gazetteer/regions.tsv``: the state each first-level region lies in.

Source: the ISO 3166-2 subdivisions as packaged by the ``pycountry`` library (a dependency of the
project; pycountry is LGPL-2.1, the ISO 3166 names are facts). Each row is one region: its name as
ISO 3166-2 writes it (and its ASCII folding when that differs: "Nord-Kivu", "Tanganyika"), the key
of its state in ``states.tsv``, its ISO 3166-2 code and its type. Only first-level regions of the
kinds that news names as places of conflict are kept (provinces, regions, states, governorates,
departments, prefectures...: not districts, municipalities or boroughs), and no name that is the
name of a state ("Georgia", a U.S. state), only words of direction ("Central", "North West") or a
word of a sea or river ("Red Sea", a Sudanese state, is the sea in news).

The event extractor reads the table through ``kg.actors.gazetteer.Gazetteer.locate`` after the
PETRARCH place names and the GeoNames towns: "Borno militants", "clashes in Cabo Delgado".
The output is deterministic.

    python scripts/build_regions.py                # rewrite data/gazetteer/regions.tsv
    python scripts/build_regions.py --out /tmp/r.tsv
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

import pycountry
from unidecode import unidecode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_cities import _state_keys, write_tsv  # noqa: E402  (one ISO mapping and writer for both)

ROOT = Path(__file__).resolve().parent.parent
STATES = ROOT / "data" / "gazetteer" / "states.tsv"
OUT = ROOT / "data" / "gazetteer" / "regions.tsv"
# first-level kinds of region (pycountry's ``type``) kept
KINDS = {"Province", "Region", "State", "Governorate", "Regional state", "Autonomous region",
         "Autonomous community", "Republic", "Department", "Prefecture", "Land", "Voivodship",
         "Administrative region", "Autonomous republic", "Autonomous province", "Federal district",
         "Territory", "Union territory", "Oblast", "Special administrative region", "Emirate",
         "Autonomous city", "Country", "Division", "Zone", "Capital territory"}

# names made only of these words are directions, not places a story names ("Central", "North West",
# "Upper East", "Coast"): left out
GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
           "centre", "center", "capital", "coast", "coastal", "upper", "lower", "middle", "far", "island",
           "islands", "lake", "lakes", "mountain", "mountains", "plateau", "plains", "highlands",
           "lowlands", "littoral", "maritime", "border", "interior", "river", "valley", "north-east",
           "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest",
           "region", "province", "district", "city", "the", "of", "and", "greater", "inner", "outer"}

# names with these words name a sea, river or desert before a region ("Red Sea", "River Nile",
# "Rivers", "Gulf"): left out
FEATURE_WORDS = {"sea", "gulf", "ocean", "river", "rivers", "lake", "lakes", "bay", "strait",
                 "desert", "coast", "islands", "mountains", "canal", "delta"}  # (not "nile": "Upper Nile")

__all__ = ["build_rows", "main"]


def _state_names(states: Path = STATES) -> set[str]:
    """The folded names of all states of the gazetteer (labels, formal names, aliases)."""
    with states.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {_fold(n) for r in rows for n in [r["label"], r["formal_name"], *r["aliases"].split("|")] if n}


def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", unidecode(name).casefold()).strip()


def build_rows(subdivisions, keys: dict[str, str], state_names: set[str]) -> list[dict[str, str]]:
    """One row per (name, region) of the first-level regions of the kinds in ``KINDS``."""
    rows = []
    for s in subdivisions:
        state = keys.get(s.country_code)
        if state is None or getattr(s, "parent_code", None) or s.type not in KINDS:
            continue
        base = re.sub(r"\s*\(.*?\)\s*$", "", s.name).strip()  # "Al Qāhirah (Cairo)" -> "Al Qāhirah"
        names = {base, unidecode(base).strip()}
        for n in sorted(names):
            if n and "\t" not in n and _fold(n) not in state_names \
                    and not set(_fold(n).replace("-", " ").split()) <= GENERIC \
                    and not set(_fold(n).replace("-", " ").split()) & FEATURE_WORDS:
                rows.append({"name": n, "state": state, "code": s.code, "type": s.type})
    rows.sort(key=lambda r: (r["name"].casefold(), r["state"], r["code"]))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT, help="file to write (default: %(default)s)")
    args = ap.parse_args(argv)
    rows = build_rows(pycountry.subdivisions, _state_keys(), _state_names())
    write_tsv(args.out, ["name", "state", "code", "type"], rows)
    print(f"{args.out}: {len(rows)} rows from {len(pycountry.subdivisions)} ISO 3166-2 subdivisions "
          f"(pycountry {getattr(pycountry, '__version__', '?')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
