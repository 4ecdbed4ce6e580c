"""bench/query.py runs end to end on a small graph and ends with the agreed last line."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_last_line_format():
    r = subprocess.run([sys.executable, "bench/query.py", "--triples", "20000", "--runs", "1",
                        "--rdflib-runs", "1", "--rdflib-limit", "5"],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert re.fullmatch(r"median speedup vs rdflib: \d+(\.\d+)?", lines[-1]), lines[-1]
    table = "\n".join(lines)
    for name in ("who-met", "supporters", "critics", "sanctioners", "timeline", "events", "balance", "path"):
        assert re.search(rf"^{name}\s+\d+\s", table, re.M), name
    assert "rows on the store" not in r.stderr  # both engines agree on the row counts
