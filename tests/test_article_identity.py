"""Article identity never loses data (issue 18, point 5): ids that collide once made safe for IRIs
stay distinct articles, a second text under an id already read in the build is refused with a line
naming both places, and a new text for an id already in a store is reported when it replaces the
stored one. Run through the real ``kg build`` command."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Iran rejected the proposal of the United States on Monday."
OTHER = "NATO condemned Russia on Friday after the attack on the port."


def kg(*args, timeout=300):
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args), "--no-progress"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=timeout)


def articles(path: Path) -> dict[str, str]:
    """identifier -> article IRI of every article in an N-Quads file."""
    store = ox.Store()
    store.load(path.read_bytes(), format=ox.RdfFormat.N_QUADS)
    q = ("SELECT ?a ?id WHERE { GRAPH ?a { ?a <http://purl.org/dc/terms/identifier> ?id } }")
    return {row["id"].value: row["a"].value for row in store.query(q)}


def test_ids_that_differ_in_unsafe_characters_stay_distinct(tmp_path):
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in
                             [("x/y", TEXT), ("x y", OTHER), ("x-y", TEXT + " " + OTHER)]) + "\n")
    out = tmp_path / "g.nq"
    r = kg("build", src, "-o", out)
    assert r.returncode == 0, r.stderr
    found = articles(out)
    assert len(found) == 3, found
    assert len(set(found.values())) == 3
    assert "x-y" in found        # an id that is already safe keeps its IRI


def test_a_second_text_under_one_id_is_refused_and_named(tmp_path):
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join(json.dumps({"id": "a1", "text": t}) for t in [TEXT, OTHER, TEXT]) + "\n")
    out = tmp_path / "g.nq"
    r = kg("build", src, "-o", out)
    assert r.returncode == 1
    lines = [ln for ln in r.stderr.splitlines() if "E011" in ln]
    assert len(lines) == 1, r.stderr          # the identical third line is no conflict
    assert f"{src}:2" in lines[0] and f"{src}:1" in lines[0]
    assert len(articles(out)) == 1
    nq = out.read_text()
    assert "Iran rejected" in nq and "NATO condemned" not in nq   # the first text was kept


def test_a_new_text_for_a_stored_article_is_reported(tmp_path):
    store = tmp_path / "store"
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first.write_text(json.dumps({"id": "a1", "text": TEXT}) + "\n")
    second.write_text(json.dumps({"id": "a1", "text": OTHER}) + "\n")
    r = kg("build", first, "--store", store)
    assert r.returncode == 0 and "W002" not in r.stderr, r.stderr
    r = kg("build", first, "--store", store)          # unchanged: nothing to say
    assert r.returncode == 0 and "W002" not in r.stderr, r.stderr
    r = kg("build", second, "--store", store)
    assert r.returncode == 0, r.stderr
    assert "W002" in r.stderr and f"{second}:1" in r.stderr and "'a1'" in r.stderr
