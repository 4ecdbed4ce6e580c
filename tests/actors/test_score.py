"""The resolution scorer behind `kg eval` on resolution gold files (issue 16, point 3)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.actors.score import b_cubed, is_resolution_file


def test_b_cubed_perfect_split_and_lumped():
    gold = {1: "a", 2: "a", 3: "b", 4: "b"}
    assert b_cubed(gold, {1: "x", 2: "x", 3: "y", 4: "y"}) == (1.0, 1.0, 1.0)
    assert b_cubed(gold, {1: 1, 2: 2, 3: 3, 4: 4}) == (1.0, 0.5, 0.6667)
    assert b_cubed(gold, {1: "x", 2: "x", 3: "x", 4: "x"}) == (0.5, 1.0, 0.6667)


def test_resolution_files_are_told_from_event_gold(tmp_path):
    res = tmp_path / "r.jsonl"
    res.write_text(json.dumps({"id": "a", "text": "Mattis spoke.", "mentions": [
        {"text": "Mattis", "entity": "james-mattis", "kind": "person"}]}) + "\n")
    ev = tmp_path / "e.jsonl"
    ev.write_text(json.dumps({"id": "a", "text": "Mattis spoke.", "actors": [], "events": []}) + "\n")
    assert is_resolution_file(res) and not is_resolution_file(ev)


@pytest.mark.slow
def test_kg_eval_scores_a_resolution_corpus(tmp_path):
    """Two articles: one names James Mattis in full and Hawar, the other says Gen. Mattis; the
    real pipeline and resolver put both in one node (nothing merged wrongly) and make no node of
    the news agency or the town."""
    gold = tmp_path / "res.jsonl"
    arts = [
        {"id": "r1", "text": "US Defense Secretary James Mattis met Turkish officials in Ankara on Monday, "
                             "the Hawar news agency reported. Mattis said the talks went well.",
         "mentions": [{"text": "James Mattis", "entity": "james-mattis", "kind": "person"},
                      {"text": "Mattis", "entity": "james-mattis", "kind": "person"},
                      {"text": "Hawar", "entity": "hawar", "kind": "media"},
                      {"text": "Ankara", "entity": "ankara", "kind": "place"}]},
        {"id": "r2", "text": "Gen. Mattis condemned Iran on Tuesday. Mattis criticised Tehran for its missile tests.",
         "mentions": [{"text": "Gen. Mattis", "entity": "james-mattis", "kind": "person"},
                      {"text": "Mattis", "entity": "james-mattis", "kind": "person"},
                      {"text": "Iran", "entity": "iran", "kind": "state"},
                      {"text": "Tehran", "entity": "iran", "kind": "state"}]},
    ]
    gold.write_text("".join(json.dumps(a) + "\n" for a in arts))
    out = subprocess.run([sys.executable, "-m", "kg", "eval", str(gold), "--format", "json"],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert r["mentions"] == 6
    assert r["b_cubed"]["precision"] == 1.0 and r["b_cubed"]["recall"] >= 0.75
    assert r["node_precision"] == 1.0 and r["nodes"] == 2
