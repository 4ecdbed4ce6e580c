"""The project's annotated news corpus (``data/corpus/``): reading, selecting and checking it.

The corpus is the gold format of :mod:`kg.evaluate` (one JSON record per line) with three more
fields on every record: ``form`` (``longform`` or ``short``), ``split`` (``train``, ``dev`` or
``test``) and, on every event, ``evidence`` (the sentence that tells it, copied from the text) and
optionally ``background`` (``true`` for an earlier event the article recalls as context).

>>> recs = load_corpus(corpus_path(), split="test", form="longform")  # doctest: +SKIP
>>> check_record({"id": "x", "form": "short", "split": "train", "text": "Peru met Chile.",
...   "actors": [{"name": "Peru", "kind": "State", "iso3": "PER"},
...              {"name": "Chile", "kind": "State", "iso3": "CHL"}],
...   "events": [{"actor": "Peru", "type": "Consult", "recipient": "Chile",
...               "evidence": "Peru met Chile."}]})
[]
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .evaluate import EvalErrors, GoldFormatError, GoldRecord, load_gold

__all__ = ["FORMS", "SPLITS", "corpus_path", "iter_files", "load_corpus", "check_record",
           "check_files", "word_count"]

FORMS = ("longform", "short")
SPLITS = ("train", "dev", "test")
#: word-count bounds of a long-form article's text
LONGFORM_WORDS = (500, 1200)


def corpus_path() -> Path:
    """``data/corpus`` of the source tree, or the copy inside an installed wheel."""
    from .resources import data_path

    return data_path("corpus")


def word_count(text: str) -> int:
    return len(re.findall(r"\S+", text))


def iter_files(path) -> list[Path]:
    """The ``.jsonl`` files of the corpus under ``path`` (a file or a folder), sorted.

    The second, blind annotation pass (``agreement/``) is not part of the corpus."""
    path = Path(path)
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*.jsonl") if "agreement" not in p.relative_to(path).parts)


def check_record(rec: dict) -> list[str]:
    """What is wrong with one corpus record (an empty list when nothing is)."""
    problems: list[str] = []
    try:
        GoldRecord.from_dict(rec)
    except ValueError as exc:
        return [str(exc)]
    if rec.get("form") not in FORMS:
        problems.append(f"\"form\" must be one of {', '.join(FORMS)}, not {rec.get('form')!r}")
    if rec.get("split") not in SPLITS:
        problems.append(f"\"split\" must be one of {', '.join(SPLITS)}, not {rec.get('split')!r}")
    if rec.get("form") == "longform":
        n = word_count(rec["text"])
        lo, hi = LONGFORM_WORDS
        if not lo <= n <= hi:
            problems.append(f"a long-form text has {lo} to {hi} words, this one {n}")
    seen = set()
    for i, e in enumerate(rec.get("events") or []):
        ev = e.get("evidence")
        if not isinstance(ev, str) or not ev.strip():
            problems.append(f"events[{i}]: \"evidence\" (the sentence that tells the event) is missing")
        elif ev not in rec["text"]:
            problems.append(f"events[{i}]: the evidence is not copied exactly from the text: {ev[:60]!r}")
        if "background" in e and not isinstance(e["background"], bool):
            problems.append(f"events[{i}]: \"background\" must be true or false")
        if e.get("actor") == e.get("recipient"):
            problems.append(f"events[{i}]: actor and recipient are the same ({e.get('actor')!r})")
        triple = (e.get("actor"), e.get("type"), e.get("recipient"))
        if triple in seen:
            problems.append(f"events[{i}]: {triple} is coded twice (one event per actor, type and "
                            "recipient per record, rule R10)")
        seen.add(triple)
    return problems


def _read(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(EvalErrors.E141.format(path=path, line=lineno, detail=exc.msg)) from None


def check_files(paths: Iterable) -> list[str]:
    """Every problem of the corpus files, as ``file:line: message``; ids must be unique across them."""
    out: list[str] = []
    ids: dict[str, str] = {}
    texts: dict[str, str] = {}
    for path in paths:
        path = Path(path)
        try:
            for lineno, rec in _read(path):
                where = f"{path}:{lineno}"
                out += [f"{where}: {p}" for p in check_record(rec)]
                rid = rec.get("id") if isinstance(rec, dict) else None
                if rid in ids:
                    out.append(f"{where}: duplicate id {rid!r} (first at {ids[rid]})")
                elif rid:
                    ids[rid] = where
                text = " ".join(str(rec.get("text", "")).split()) if isinstance(rec, dict) else ""
                if text and text in texts:
                    out.append(f"{where}: the same text as {texts[text]}")
                elif text:
                    texts[text] = where
        except GoldFormatError as exc:
            out.append(str(exc))
    return out


def load_corpus(path=None, *, split: str | None = None, form: str | None = None) -> list[GoldRecord]:
    """The corpus records under ``path`` (default: the project's corpus), selected by split and form.

    Raises :class:`~kg.evaluate.GoldFormatError` naming the file and line of a bad record."""
    files = iter_files(path or corpus_path())
    if not files:
        raise GoldFormatError(EvalErrors.E140.format(path=path))
    return [rec for f in files for rec in load_gold(f)
            if (split is None or rec.extra.get("split") == split)
            and (form is None or rec.extra.get("form") == form)]


def _main(argv: list[str] | None = None) -> int:
    import argparse
    import sys

    p = argparse.ArgumentParser(prog="python -m kg.corpus", description="Check corpus files.")
    p.add_argument("command", choices=["check"])
    p.add_argument("paths", nargs="*")
    args = p.parse_args(argv)
    files = [f for path in (args.paths or [corpus_path()]) for f in iter_files(path)]
    problems = check_files(files)
    for line in problems:
        print(line, file=sys.stderr)
    print(f"{len(files)} file(s), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(_main())
