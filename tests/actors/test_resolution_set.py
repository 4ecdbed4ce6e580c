"""The mechanical rules of the resolution gold files (data/resolution/README.md), checked on every
``data/resolution/*.jsonl``: lines parse, ids are unique across files, ``published`` is a date,
kinds are the seven, entities are slugs, no surface string is listed twice in an article, every
listed string occurs at word boundaries outside any longer listed mention, each entity has one kind
across all files, and mentions are listed in order of first occurrence.

Fast (no spaCy). The checks only read the files; a failure names the file, article and string.
"""
from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from kg.actors.score import GoldMention, ResolutionRecord, load_resolution

DIR = Path(__file__).resolve().parents[2] / "data" / "resolution"
FILES = sorted(DIR.glob("*.jsonl"))
KINDS = {"person", "state", "organisation", "place", "building", "media", "other"}
SLUG = re.compile(r"^(a-)?[a-z0-9]+(-[a-z0-9]+)*$")


def _hits(text: str, s: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text)]


def own_occurrences(rec: ResolutionRecord) -> dict[str, int]:
    """How often each listed string occurs at word boundaries and not strictly inside an
    occurrence of a longer listed string of the same article."""
    spans = {m.text: _hits(rec.text, m.text) for m in rec.mentions}
    longer = [sp for s, hits in spans.items() for sp in hits]
    return {s: sum(1 for a, b in hits if not any(la <= a and b <= lb and (lb - la) > (b - a) for la, lb in longer))
            for s, hits in spans.items()}


def record_problems(rec: ResolutionRecord) -> list[str]:
    """The README's per-article rules (all but the order) that ``rec`` breaks, one message each."""
    out = []
    if not isinstance(rec.published, date):
        out.append(f"{rec.id}: published is not a date")
    seen = set()
    for m in rec.mentions:
        if m.kind not in KINDS:
            out.append(f"{rec.id}: {m.text!r} has kind {m.kind!r}")
        if not SLUG.match(m.entity):
            out.append(f"{rec.id}: {m.text!r} has entity {m.entity!r}, not a slug")
        if m.text in seen:
            out.append(f"{rec.id}: {m.text!r} listed twice")
        seen.add(m.text)
    own = own_occurrences(rec)
    out += [f"{rec.id}: {s!r} never occurs on its own at word boundaries" for s, n in own.items() if n == 0]
    return out


def order_problems(rec: ResolutionRecord) -> list[str]:
    """Mentions out of the order of first occurrence. A string's first occurrence is where it
    first appears in the body, as dev.jsonl lists them ("Syria" inside "Syrian Democratic
    Forces" counts); ties are allowed (the longer string first, as in dev.jsonl)."""
    out, last, last_text = [], -1, None
    for m in rec.mentions:
        pos = rec.text.find(m.text)
        if pos < last:
            out.append(f"{rec.id}: {m.text!r} (first at {pos}) listed after {last_text!r} (first at {last})")
        else:
            last, last_text = pos, m.text
    return out


@functools.cache
def records(name: str) -> tuple[ResolutionRecord, ...]:
    return tuple(load_resolution([DIR / name]))


def _report(name: str, problems: list[str], most: int = 10) -> str:
    more = f"; ... {len(problems) - most} more" if len(problems) > most else ""
    return f"{name}: {len(problems)} problems: " + "; ".join(problems[:most]) + more


def _params(xfail: dict[str, str] | None = None):
    xfail = xfail or {}
    return [pytest.param(p.name, id=p.name, marks=[pytest.mark.xfail(reason=xfail[p.name], strict=True)]
                         if p.name in xfail else []) for p in FILES]


def test_the_files_are_there():
    names = {p.name for p in FILES}
    assert {"dev.jsonl", "dev-b.jsonl"} <= names, names
    for name in names:
        recs = records(name)
        assert recs and all(r.mentions for r in recs), name


@pytest.mark.parametrize("name", _params())
def test_every_line_parses(name):
    path = DIR / name
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            r = json.loads(line)
            assert isinstance(r, dict) and {"id", "published", "text", "mentions"} <= set(r), f"{name}:{n}"
            assert all({"text", "entity", "kind"} <= set(m) for m in r["mentions"]), f"{name}:{n}"
    load_resolution([path])  # raises ValueError naming the line


def test_ids_unique_across_files():
    where = defaultdict(list)
    for p in FILES:
        for r in records(p.name):
            where[r.id].append(p.name)
    dup = {i: f for i, f in where.items() if len(f) > 1}
    assert not dup, dup


@pytest.mark.parametrize("name", _params())
def test_articles_follow_the_rules(name):
    problems = [p for rec in records(name) for p in record_problems(rec)]
    assert not problems, _report(name, problems)


ORDER_KNOWN = {"test-b.jsonl": "test-b.jsonl lists many mentions out of the order of their first "
                               "occurrence in the body (reported, not fixed here: the file is blind)"}


@pytest.mark.parametrize("name", _params(ORDER_KNOWN))
def test_mentions_in_order_of_first_occurrence(name):
    problems = [p for rec in records(name) for p in order_problems(rec)]
    assert not problems, _report(name, problems)


def test_one_kind_per_entity_across_files():
    kinds = defaultdict(lambda: defaultdict(set))
    for p in FILES:
        for r in records(p.name):
            for m in r.mentions:
                kinds[m.entity][m.kind].add(p.name)
    clashes = {e: {k: sorted(f) for k, f in ks.items()} for e, ks in kinds.items() if len(ks) > 1}
    assert not clashes, clashes


def test_the_checks_catch_broken_articles():
    """The checker is not vacuous: each rule flags a record built to break it."""
    text = "Jim Mattis met Syrian officials. Mattis left for Ankara."
    good = [GoldMention("Jim Mattis", "james-mattis", "person"), GoldMention("Mattis", "james-mattis", "person"),
            GoldMention("Ankara", "turkey", "state")]
    ok = ResolutionRecord("ok", text, None, date(2025, 1, 1), good)
    assert record_problems(ok) == [] and order_problems(ok) == []
    bad = {
        "not a date": (None, good),
        "kind": (date(2025, 1, 1), good[:2] + [GoldMention("Ankara", "turkey", "country")]),
        "not a slug": (date(2025, 1, 1), good[:2] + [GoldMention("Ankara", "Turkey", "state")]),
        "listed twice": (date(2025, 1, 1), good + [GoldMention("Ankara", "ankara", "place")]),
        "never occurs": (date(2025, 1, 1), good + [GoldMention("Syria", "syria", "state")]),
    }
    for want, (pub, ms) in bad.items():
        got = record_problems(ResolutionRecord("bad", text, None, pub, ms))
        assert any(want in p for p in got), (want, got)
    # a string found only inside a longer listed one is not on its own
    inside = [GoldMention("Jim Mattis", "james-mattis", "person"), GoldMention("Jim", "james-mattis", "person")]
    assert any("never occurs" in p for p in record_problems(ResolutionRecord("x", text, None, date(2025, 1, 1), inside)))
    shuffled = ResolutionRecord("x", text, None, date(2025, 1, 1), [good[2], good[0], good[1]])
    assert any("listed after" in p for p in order_problems(shuffled))
