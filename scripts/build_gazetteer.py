#!/usr/bin/env python3
"""Build the actor gazetteer in ``data/gazetteer/`` from its sources.

Sources (see ``data/gazetteer/README.md`` for licences):

* ``data/gazetteer/sources/*_curated.tsv`` -- hand-edited facts (labels, aliases, demonyms, capitals,
  office holders, Wikidata QIDs);
* pycountry -- ISO 3166-1 alpha-3 codes and official names;
* ``data/gazetteer/sources/petrarch2/`` -- the PETRARCH 2 Phoenix dictionaries (MIT): spelling variants of
  state names, names of organisations, and the agent nouns with their CAMEO sector codes.

The output is deterministic: running the script twice writes identical files.

    python scripts/build_gazetteer.py                 # rewrite data/gazetteer/*.tsv
    python scripts/build_gazetteer.py --out /tmp/gaz  # write elsewhere (e.g. to compare)
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
from unidecode import unidecode

__all__ = [
    "SOURCES", "OUT", "read_tsv", "parse_petrarch_actors", "country_variants",
    "build_states", "build_organizations", "build_people", "build_agents", "build_roles", "build_features", "build_sectors",
    "build_all", "main",
]

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "gazetteer"
SOURCES = OUT / "sources"
SEP = "|"

# CAMEO agent codes (first three letters) -> sector names used by the project.
SECTORS = {
    "GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels", "OPP": "opposition",
    "BUS": "business", "MED": "media", "CVL": "civilians", "JUD": "judiciary", "LEG": "legislature",
    "HLH": "health", "UAF": "armed_group", "IMG": "armed_group", "EDU": "education", "SPY": "intelligence",
    "CRM": "criminals", "AGR": "agriculture", "LAB": "labour", "REF": "refugees", "PTY": "party",
    "ELI": "elites", "ENV": "environment", "NGO": "ngo", "HRI": "human_rights", "RAD": "radicals",
    "PPL": "civilians", "MUS": "religion", "CHR": "religion", "JEW": "religion", "BUD": "religion",
    "HIN": "religion", "REL": "religion",
}

# Words that make a PETRARCH synonym an official style of the state rather than a place in it.
_STYLE_WORDS = {"republic", "kingdom", "state", "states", "federation", "federal", "democratic", "islamic",
                "people's", "peoples", "union", "commonwealth", "principality", "emirate", "sultanate",
                "united", "socialist", "arab", "plurinational", "bolivarian", "grand", "duchy", "of", "the"}
# Organisation synonyms that name an office or a member, not the body.
_ROLE_WORDS = re.compile(r"\b(president|secretary|chief|head|minister|director|chairman|official|spokes\w*|"
                         r"envoy|countries|members?|linked|offshoot|operatives|affiliated)\b", re.I)


# ---------------------------------------------------------------------------------------------- reading

def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header line; lines starting with ``#`` are comments."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise ValueError(f"{path}:{lineno}: {len(cells)} columns, the header has {len(header)}")
        rows.append({k: v.strip() for k, v in zip(header, cells)})
    return rows


def split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split(SEP) if v.strip()] if cell else []


def join(values) -> str:
    return SEP.join(values)


def _dedupe(values, exclude=()) -> list[str]:
    """Keep the first of values equal after case-folding and accent stripping; drop those in exclude."""
    seen = {_key(v) for v in exclude}
    out = []
    for v in values:
        f = _key(v)
        if v and f not in seen:
            seen.add(f)
            out.append(v)
    return out


def _key(s: str) -> str:
    """Identity of a surface form: case and accents ignored, dots and "the" kept (UN and U.N. both stay)."""
    return unidecode(unicodedata.normalize("NFC", s)).casefold().strip()


def _fold(s: str) -> str:
    s = unidecode(unicodedata.normalize("NFC", s)).casefold()
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"\s+", " ", s.replace(".", "")).strip()


def petrarch_text(phrase: str) -> str:
    """``AL-QAEDA_IN_IRAQ_`` -> ``Al-Qaeda in Iraq``: title case, small words in lower case.

    Acronyms come out as "Unhcr"; the curated files spell acronyms, and the merge drops a PETRARCH
    spelling that equals a curated one apart from case, so the curated spelling wins.
    """
    words = [w for w in phrase.strip().strip("_").split("_") if w]
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if i and low in {"of", "the", "and", "in", "for", "de", "du", "da", "el", "al"}:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in low.split("-")))
    return " ".join(out)


# ---------------------------------------------------------------------------------------------- PETRARCH

_CODE = re.compile(r"\[([^\]]*)\]")


def parse_petrarch_actors(path: Path) -> list[tuple[str, list[str], list[str]]]:
    """Entries of a TABARI/PETRARCH ``.actors`` file: (head phrase, synonyms, codes), in file order.

    Codes keep their date restrictions as written, e.g. ``"UKR >911221"``.
    """
    text = path.read_bytes().decode("utf-8", errors="replace")
    entries: list[tuple[str, list[str], list[str]]] = []
    current: tuple[str, list[str], list[str]] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = _CODE.findall(line)
        body = _CODE.sub("", line).strip()
        if raw[:1] in (" ", "\t") and not body.startswith("+"):
            if current is not None:
                current[2].extend(c.strip() for c in codes)
            continue
        if body.startswith("+"):
            if current is not None:
                current[1].append(body[1:].strip())
                current[2].extend(c.strip() for c in codes)
            continue
        current = (body, [], [c.strip() for c in codes])
        entries.append(current)
    return entries


def _current_code(codes: list[str]) -> str | None:
    """The code of an entry that holds today: no date range, or an open-ended ``>date``."""
    for code in reversed(codes):
        parts = code.split()
        if len(parts) == 1 or (len(parts) == 2 and parts[1].startswith(">")):
            return parts[0]
    return None


def country_variants(path: Path) -> dict[str, list[str]]:
    """ISO3 -> names PETRARCH gives for the country as a whole (country entries only)."""
    out: dict[str, list[str]] = defaultdict(list)
    for head, syns, codes in parse_petrarch_actors(path):
        code = _current_code(codes)
        if not code or not re.fullmatch(r"[A-Z]{3}", code):
            continue
        for phrase in [head, *syns]:
            if "\ufffd" in phrase or not re.search(r"[A-Za-z]", phrase):
                continue
            out[code].append(phrase)
    return out


def petrarch_phrases(*paths: Path) -> set[str]:
    """Every head and synonym phrase of the given actor files, without trailing underscores."""
    found: set[str] = set()
    for path in paths:
        for head, syns, _codes in parse_petrarch_actors(path):
            for p in [head, *syns]:
                found.add(p.strip().rstrip("_").strip())
    return found


# ---------------------------------------------------------------------------------------------- states

def _classify_variant(phrase: str, names: list[str], demonyms: list[str]) -> str | None:
    """'alias', 'demonym' or None (a place in the state, an epithet, or too far from every name)."""
    text = petrarch_text(phrase)
    f = _fold(text)
    if not f or len(f) < 3:
        return None

    def best(cands):
        return max((difflib.SequenceMatcher(None, f, _fold(c)).ratio() for c in cands), default=0.0)

    rn, rd = best(names), best(demonyms)
    if max(rn, rd) >= 0.82:
        if abs(rn - rd) < 0.05:  # as close to a name as to a demonym: the ending decides
            return "demonym" if re.search(r"(an|ans|ese|ish|i|is|ic)$", f) else "alias"
        return "alias" if rn > rd else "demonym"
    words = set(f.split())
    if len(words) > 1 and words - _STYLE_WORDS and (words - _STYLE_WORDS) <= {w for n in names for w in _fold(n).split()}:
        return "alias"
    return None


def build_states(sources: Path = SOURCES) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Rows of states.tsv and of places.tsv (PETRARCH names of places inside a state, not used as its names)."""
    curated = read_tsv(sources / "states_curated.tsv")
    variants = country_variants(sources / "petrarch2" / "Phoenix.Countries.actors.txt")
    excluded = {_fold(r["name"]) for r in read_tsv(sources / "petrarch_excluded.tsv")}
    petrarch_code = {"XKX": "KSV"}  # PETRARCH uses the World Bank code for Kosovo

    taken: dict[str, str] = {}  # folded name -> key, to keep PETRARCH variants from crossing states
    for r in curated:
        for v in [r["label"], *split(r["aliases"]), *split(r["demonyms"]), *split(r["capitals"])]:
            taken.setdefault(_fold(v), r["key"])

    states, places = [], []
    for r in curated:
        iso3 = r["iso3"]
        country = pycountry.countries.get(alpha_3=iso3)
        official = getattr(country, "official_name", None) if country else None
        formal = official if official and "," not in official else r["label"]
        names = [r["label"], formal, *split(r["aliases"])]
        if country is not None:
            for extra in (country.name, getattr(country, "common_name", None)):
                # pycountry's short names defer to a curated name of another state ("Congo": DR Congo)
                if extra and "," not in extra and _fold(extra) not in excluded \
                        and taken.get(_fold(extra), r["key"]) == r["key"]:
                    names.append(extra)
        demonyms = split(r["demonyms"])
        extra_alias, extra_dem, srcs = [], [], ["curated", "pycountry" if country else ""]
        for phrase in variants.get(petrarch_code.get(iso3, iso3), []):
            text = petrarch_text(phrase)
            if _fold(text) in excluded or not text[:1].isalpha():
                continue
            owner = taken.get(_fold(text))
            if owner is not None:  # already a name of this state, or of another one
                continue
            kind = _classify_variant(phrase, names, demonyms)
            if kind == "alias":
                extra_alias.append(text)
            elif kind == "demonym":
                extra_dem.append(text)
            else:
                places.append({"name": text, "state": r["key"], "source": "petrarch"})
        if extra_alias or extra_dem:
            srcs.append("petrarch")
        demonyms = _dedupe([*demonyms, *extra_dem], exclude=[r["label"]])
        capitals = split(r["capitals"])
        aliases = _dedupe([*names[1:], *extra_alias], exclude=[r["label"], *demonyms, *capitals])
        states.append({
            "key": r["key"], "iso3": iso3, "label": r["label"], "formal_name": formal, "status": r["status"],
            "aliases": join(aliases), "demonyms": join(demonyms), "capitals": join(capitals),
            "qid": r["qid"], "sources": join(s for s in srcs if s),
        })
    states.sort(key=lambda x: x["key"])
    seen = set()
    uniq_places = []
    for p in sorted(places, key=lambda x: (x["state"], _fold(x["name"]))):
        k = (p["state"], _fold(p["name"]))
        if k not in seen:
            seen.add(k)
            uniq_places.append(p)
    return states, uniq_places


# ---------------------------------------------------------------------------------------------- organisations

def build_organizations(sources: Path = SOURCES) -> list[dict[str, str]]:
    """Rows of organizations.tsv: curated rows plus the PETRARCH spellings each row cites (checked to exist)."""
    pdir = sources / "petrarch2"
    known = petrarch_phrases(pdir / "Phoenix.International.actors.txt", pdir / "Phoenix.MilNonState.actors.txt")
    rows = []
    for r in read_tsv(sources / "organizations_curated.tsv"):
        extra = []
        for phrase in split(r["petrarch"]):
            if phrase.rstrip("_") not in known:
                raise ValueError(f"organizations_curated.tsv: {r['key']}: {phrase!r} is not in the PETRARCH dictionaries")
            if not _ROLE_WORDS.search(phrase.replace("_", " ")):
                extra.append(petrarch_text(phrase))
        aliases = _dedupe([*split(r["aliases"]), *extra], exclude=[r["label"]])
        rows.append({
            "key": r["key"], "label": r["label"], "aliases": join(aliases), "type": r["type"],
            "parent": r["parent"], "iso3": r["iso3"], "qid": r["qid"],
            "sources": "curated|petrarch" if extra else "curated",
        })
    rows.sort(key=lambda x: x["key"])
    return rows


# ---------------------------------------------------------------------------------------------- people

def _default_short(label: str) -> list[str]:
    last = label.split()[-1]
    m = re.match(r"(?i)(al|el)-(.+)", last)
    return [last, m.group(2)] if m else [last]


def build_people(sources: Path = SOURCES) -> list[dict[str, str]]:
    """Rows of people.tsv (curated; short names derived where not given)."""
    rows = []
    for r in read_tsv(sources / "people_curated.tsv"):
        short = [] if r["short"] == "-" else (split(r["short"]) or _default_short(r["label"]))
        rows.append({
            "key": r["key"], "label": r["label"], "aliases": join(_dedupe(split(r["aliases"]), exclude=[r["label"]])),
            "short": join(short), "role": r["role"], "affiliation": r["affiliation"], "qid": r["qid"],
            "sources": "curated",
        })
    rows.sort(key=lambda x: x["key"])
    return rows


# ---------------------------------------------------------------------------------------------- agents, roles

def _expand_macros(text: str) -> tuple[dict[str, list[str]], list[str]]:
    macros: dict[str, list[str]] = {}
    body = []
    for line in text.splitlines():
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line.strip())
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
        else:
            body.append(line)
    return macros, body


def build_agents(sources: Path = SOURCES) -> list[dict[str, str]]:
    """Rows of agents.tsv: lower-case agent nouns -> sector, from PETRARCH plus the curated additions."""
    text = (sources / "petrarch2" / "Phoenix.agents.txt").read_bytes().decode("utf-8", errors="replace")
    macros, body = _expand_macros(text)
    found: dict[str, tuple[str, str]] = {}
    for line in body:
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(.+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]+)\]", line)
        if not m or "\ufffd" in line:
            continue
        phrase, code = m.group(1).strip(), m.group(3)
        sector = SECTORS.get(code[:3])
        if not sector:
            continue
        forms = [phrase]
        for name, words in macros.items():
            if name in phrase:
                forms = [f.replace(name, w if phrase.strip() == name else f"_{w}_") for f in forms for w in words]
        for f in forms:
            noun = re.sub(r"\s+", " ", f.replace("_", " ")).strip().lower()
            if not noun or not re.fullmatch(r"[a-z][a-z .'\-]*", noun):
                continue
            found.setdefault(noun, (sector, code))
    rows = {n: {"noun": n, "sector": s, "code": c, "source": "petrarch"} for n, (s, c) in found.items()}
    for r in read_tsv(sources / "agents_curated.tsv"):
        rows[r["noun"]] = {"noun": r["noun"], "sector": r["sector"], "code": "", "source": "curated"}
    return [rows[k] for k in sorted(rows)]


def build_roles(sources: Path = SOURCES) -> list[dict[str, str]]:
    """Rows of roles.tsv (curated)."""
    rows = read_tsv(sources / "roles_curated.tsv")
    return sorted(({"title": r["title"].lower(), "role": r["role"], "kind": r["kind"]} for r in rows),
                  key=lambda x: x["title"])


def build_sectors(sources: Path = SOURCES, agents: list[dict[str, str]] | None = None) -> list[dict[str, str]]:
    """Rows of sectors.tsv (curated): whether a sector's members act as their state, else the label
    of the group they form (none for civilians: victims are no node of their own)."""
    rows = read_tsv(sources / "sectors_curated.tsv")
    for r in rows:
        if r["state_agent"] not in ("yes", "no") or (r["state_agent"] == "yes" and r["group"]):
            raise ValueError(f"sectors: {r['sector']}: state_agent is yes (with no group) or no")
    missing = sorted({a["sector"] for a in agents or []} - {r["sector"] for r in rows})
    if missing:
        raise ValueError(f"sectors: agents.tsv uses sectors that sectors_curated.tsv lacks: {missing}")
    return [{"sector": r["sector"], "code": r["code"], "state_agent": r["state_agent"], "group": r["group"]}
            for r in rows]


def build_features(sources: Path = SOURCES) -> list[dict[str, str]]:
    """Rows of features.tsv (curated): seas, straits, rivers named after a state, which are places."""
    rows = read_tsv(sources / "features_curated.tsv")
    names = [r["name"].strip() for r in rows]
    if len(set(names)) != len(names) or not all(names):
        raise ValueError("features: names must be unique and non-empty")
    return [{"name": n, "source": "curated"} for n in sorted(names)]


# ---------------------------------------------------------------------------------------------- writing

HEADERS = {
    "states.tsv": ["key", "iso3", "label", "formal_name", "status", "aliases", "demonyms", "capitals", "qid", "sources"],
    "places.tsv": ["name", "state", "source"],
    "organizations.tsv": ["key", "label", "aliases", "type", "parent", "iso3", "qid", "sources"],
    "people.tsv": ["key", "label", "aliases", "short", "role", "affiliation", "qid", "sources"],
    "agents.tsv": ["noun", "sector", "code", "source"],
    "roles.tsv": ["title", "role", "kind"],
    "features.tsv": ["name", "source"],
    "sectors.tsv": ["sector", "code", "state_agent", "group"],
}


def write_tsv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    lines = ["\t".join(header)]
    for r in rows:
        cells = [r.get(h, "") or "" for h in header]
        if any("\t" in c or "\n" in c for c in cells):
            raise ValueError(f"{path.name}: a cell holds a tab or newline: {cells}")
        lines.append("\t".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_all(out: Path = OUT, sources: Path = SOURCES) -> dict[str, int]:
    """Write every gazetteer file into ``out``; returns the row count of each file."""
    out.mkdir(parents=True, exist_ok=True)
    states, places = build_states(sources)
    orgs = build_organizations(sources)
    people = build_people(sources)
    keys = {r["key"] for r in states} | {r["key"] for r in orgs}
    for r in orgs:
        if r["parent"] and r["parent"] not in keys:
            raise ValueError(f"organizations: {r['key']}: unknown parent {r['parent']!r}")
    for r in people:
        if r["affiliation"] not in keys:
            raise ValueError(f"people: {r['key']}: unknown affiliation {r['affiliation']!r}")
    all_keys = [r["key"] for r in states] + [r["key"] for r in orgs] + [r["key"] for r in people]
    dupes = sorted({k for k in all_keys if all_keys.count(k) > 1})
    if dupes:
        raise ValueError(f"keys used twice: {dupes}")
    agents = build_agents(sources)
    tables = {"states.tsv": states, "places.tsv": places, "organizations.tsv": orgs, "people.tsv": people,
              "agents.tsv": agents, "roles.tsv": build_roles(sources),
              "features.tsv": build_features(sources), "sectors.tsv": build_sectors(sources, agents)}
    for name, rows in tables.items():
        write_tsv(out / name, HEADERS[name], rows)
    return {name: len(rows) for name, rows in tables.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT, help="folder to write the .tsv files into (default: %(default)s)")
    ap.add_argument("--sources", type=Path, default=SOURCES, help="folder of the sources (default: %(default)s)")
    args = ap.parse_args(argv)
    try:
        counts = build_all(args.out, args.sources)
    except (ValueError, OSError) as exc:
        print(f"build_gazetteer: {exc}", file=sys.stderr)
        return 1
    for name, n in counts.items():
        print(f"{args.out / name}: {n} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
