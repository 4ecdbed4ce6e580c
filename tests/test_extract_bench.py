"""bench/extract.py runs end to end on a small corpus: each side is timed in interleaved rounds,
the quads of both coders are counted, and the last line is the agreed one."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_bench_rounds_and_last_line():
    r = subprocess.run([sys.executable, "bench/extract.py", "--words", "3000", "--rounds", "2"],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert [ln.split(":")[0] for ln in lines if ln.startswith("round ")] == ["round 1", "round 2"]
    quads = {m.group(1): int(m.group(2).replace(",", ""))
             for m in re.finditer(r"^kg, (--coder rules|trained coder)\s*:.*, ([\d,]+) quads\)", r.stdout, re.M)}
    assert set(quads) == {"--coder rules", "trained coder"} and all(n > 0 for n in quads.values()), r.stdout
    assert re.fullmatch(r"throughput ratio vs bare spaCy: \d+\.\d\d", lines[-1]), lines[-1]
