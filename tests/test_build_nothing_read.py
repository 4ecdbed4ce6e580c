"""A build that can read no article (a missing path, say) is an error that writes nothing:
no store folder, no HTML view, no output file, exit code 2 and no claim that the rest was built."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def kg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


@pytest.mark.parametrize("outputs", [("--store", "store"), ("--html", "view.html"),
                                     ("--store", "store", "--html", "view.html", "-o", "g.trig")])
def test_missing_path_writes_nothing(tmp_path, outputs):
    args = [tmp_path / o if not o.startswith("-") else o for o in outputs]
    r = kg("build", tmp_path / "no-such-folder", *args, "--no-progress")
    assert r.returncode == 2, r.stderr
    assert "E008" in r.stderr and "nothing was written" in r.stderr
    assert "the rest was built" not in r.stderr and "Traceback" not in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_missing_path_leaves_an_existing_store_as_it_was(tmp_path):
    import pyoxigraph as ox

    store = tmp_path / "store"
    seed = ROOT / "examples" / "articles" / "putin-hosts-north-korean-envoy.txt"
    assert kg("build", seed, "--store", store, "--no-progress").returncode == 0
    before = sorted(p.name for p in store.iterdir())
    s = ox.Store(str(store))
    n = len(s)
    del s
    r = kg("build", tmp_path / "no-such-file.txt", "--store", store, "--html", tmp_path / "v.html", "--no-progress")
    assert r.returncode == 2, r.stderr
    assert not (tmp_path / "v.html").exists()
    assert len(ox.Store(str(store))) == n and before
