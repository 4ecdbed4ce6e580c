"""The annotated corpus (data/corpus/): format, size, coverage, splits, and kg eval on a split."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from kg.corpus import check_files, corpus_path, iter_files, load_corpus
from kg.evaluate import TOP_TYPES, GoldFormatError, load_records


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_every_record_follows_the_format():
    problems = check_files(iter_files(corpus_path()))
    assert problems == []


def test_long_form_part(corpus):
    long = [r for r in corpus if r.extra["form"] == "longform"]
    assert len(long) >= 150
    assert sum(1 for r in long if r.extra["split"] == "test") >= 40
    regions = Counter(r.extra.get("region") for r in long)
    assert len(regions) >= 4 and min(regions.values()) >= 20
    styles = Counter(r.extra.get("style") for r in long)
    assert set(styles) >= {"wire", "broadsheet", "analysis", "liveblog", "regional"}
    # every codable event is coded, background marked: the articles hold both kinds
    assert sum(1 for r in long for e in r.events if e.background) >= 100
    years = {r.published[:4] for r in long}
    assert {str(y) for y in range(2015, 2027)} <= years


def test_short_part_covers_every_type_and_the_hard_cases(corpus):
    short = [r for r in corpus if r.extra["form"] == "short"]
    assert len(short) >= 3000
    types = Counter(e.type for r in short for e in r.events)
    assert {t: n for t, n in types.items() if n < 120} == {}
    assert set(types) == set(TOP_TYPES)
    negatives = [r for r in short if not r.events]
    assert len(negatives) / len(short) >= 0.30
    assert all(r.extra.get("negative_kind") for r in negatives)
    hard = Counter(h for r in short for h in r.extra.get("hard_case") or [])
    for case in ("passive", "noun_event", "coordination", "reported_speech", "denial", "negation",
                 "plan", "condition", "multi_event", "non_state", "lookalike"):
        assert hard[case] >= 40, case
    modalities = Counter(e.modality for r in short for e in r.events)
    assert modalities["Negated"] >= 100 and modalities["Hypothetical"] >= 100


def test_splits_are_disjoint_and_stable(corpus):
    seen: dict[str, str] = {}
    for r in corpus:
        text = " ".join(r.text.split())
        assert seen.setdefault(text, r.extra["split"]) == r.extra["split"]
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    before = {p: p.read_bytes() for p in iter_files(corpus_path())}
    # the split script is a pure function of the ids: running it changes nothing
    subprocess.run([sys.executable, str(root / "scripts" / "split_corpus.py")], check=True,
                   capture_output=True)
    assert {p: p.read_bytes() for p in iter_files(corpus_path())} == before


def test_a_blind_second_pass_covers_a_tenth_of_each_part_and_was_adjudicated(corpus):
    second = set()
    for f in sorted((corpus_path() / "agreement").glob("second-pass-*.jsonl")):
        second |= {json.loads(line)["id"] for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    for form in ("longform", "short"):
        ids = {r.id for r in corpus if r.extra["form"] == form}
        assert len(second & ids) >= 0.10 * len(ids), form
    assert {r.id for r in corpus if r.extra.get("adjudicated")} == second


def test_load_records_selects_split_and_form(corpus):
    test_long = load_records(corpus_path(), split="test", form="longform")
    assert test_long and all(r.extra["split"] == "test" and r.extra["form"] == "longform" for r in test_long)
    assert len(test_long) == sum(1 for r in corpus if r.extra["split"] == "test" and r.extra["form"] == "longform")


def test_a_bad_record_is_named_by_file_and_line(tmp_path):
    good = {"id": "x1", "form": "short", "split": "train", "text": "Peru recalled its envoy to Chile.",
            "actors": [{"name": "Peru", "kind": "State", "iso3": "PER"}, {"name": "Chile", "kind": "State", "iso3": "CHL"}],
            "events": [{"actor": "Peru", "type": "Sanction", "recipient": "Chile",
                        "evidence": "Peru recalled its envoy to Chile."}]}
    bad = dict(good, id="x2", text="Chile answered.", events=[dict(good["events"][0], evidence="not in the text")])
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    problems = check_files([f])
    assert len(problems) == 1 and problems[0].startswith(f"{f}:2:") and "evidence" in problems[0]
    with pytest.raises(GoldFormatError, match="no record of split 'dev'"):
        load_records(f, split="dev")


def test_kg_eval_runs_on_a_split_of_a_corpus_folder(tmp_path, capsys):
    from kg.cli import main

    recs = [{"id": f"s{i}", "form": "short", "split": split, "text": text,
             "actors": [{"name": "Kenya", "kind": "State", "iso3": "KEN"},
                        {"name": "Somalia", "kind": "State", "iso3": "SOM"}],
             "events": evs}
            for i, (split, text, evs) in enumerate([
                ("test", "Kenya accused Somalia of arming militants.",
                 [{"actor": "Kenya", "type": "Accuse", "recipient": "Somalia",
                   "evidence": "Kenya accused Somalia of arming militants."}]),
                ("train", "Kenya beat Somalia 2-0 in a football friendly.", [])])]
    (tmp_path / "short").mkdir()
    (tmp_path / "short" / "x.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    assert main(["eval", str(tmp_path), "--split", "test", "--format", "json", "--coder", "rules"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["documents"] == 1 and out["coder"] == "rules"
    assert out["events"]["tp"] == 1
