"""scripts/build_lexicon.py: the committed TSVs are exactly what the script builds from its sources."""
from __future__ import annotations

import subprocess
import sys

from kg.resources import data_path, project_root


def test_rebuild_reproduces_the_committed_files(tmp_path):
    script = project_root() / "scripts" / "build_lexicon.py"
    out = subprocess.run([sys.executable, str(script), "--out", str(tmp_path)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "verb rows" in out.stderr
    for name in ("verbs.tsv", "nouns.tsv"):
        built = (tmp_path / name).read_bytes()
        assert built == data_path("lexicon", name).read_bytes(), f"{name} differs: rerun the script"


def test_curated_rows_are_marked_and_keep_their_note():
    rows = [ln.split("\t") for ln in data_path("lexicon", "verbs.tsv").read_text(encoding="utf-8").splitlines()]
    header, body = rows[0], rows[1:]
    assert header == ["lemma", "pattern", "cameo", "plover", "class", "source", "origin"]
    curated = [r for r in body if r[5] == "curated"]
    assert len(curated) > 80 and all(r[6] for r in curated)
    assert sum(r[5] == "cameo" for r in body) > 5000
    assert len(body) == len({(r[0], r[1]) for r in body}), "duplicate (lemma, pattern)"
