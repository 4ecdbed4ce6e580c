"""``kg build --workers 2`` against ``--workers 1`` on small inputs, end to end through the CLI.

Input: the short gold records the repository ships (``data/gold/dev.jsonl`` and
``data/gold/plover_gsr.jsonl``, 375 records, one paragraph each), cycled to the requested
numbers of records. Each size is built with ``--workers 1`` and ``--workers 2`` into a fresh
N-Quads file, in alternating order, and the wall time of each ``kg build`` process (pipeline
loading included, as a user sees it) is printed, with the ratio.

    python bench/workers.py                       # 40, 375 and 1500 records
    python bench/workers.py --records 375 --repeat 3
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def records(n: int) -> list[dict]:
    base = []
    for name in ("dev.jsonl", "plover_gsr.jsonl"):
        for line in (ROOT / "data" / "gold" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                base.append(json.loads(line)["text"])
    return [{"id": f"bench-{i}", "text": base[i % len(base)], "published": "2025-01-01"} for i in range(n)]


def run(path: Path, workers: int, out: Path) -> tuple[float, str]:
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "kg", "build", str(path), "-o", str(out), "--workers", str(workers),
                        "--no-progress"], capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        raise SystemExit(f"kg build failed ({r.returncode}): {r.stderr[-1000:]}")
    return dt, r.stderr.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, nargs="+", default=[40, 375, 1500])
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    print("records  workers=1  workers=2  ratio (1/2)  note from kg build --workers 2")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in args.records:
            src = tmp / f"records-{n}.jsonl"
            src.write_text("".join(json.dumps(r) + "\n" for r in records(n)), encoding="utf-8")
            for rep in range(args.repeat):
                order = (1, 2) if rep % 2 == 0 else (2, 1)
                times, notes = {}, {}
                for w in order:
                    times[w], notes[w] = run(src, w, tmp / f"out-{n}-{w}.nq")
                print(f"{n:7d}  {times[1]:8.1f}s  {times[2]:8.1f}s  {times[1] / times[2]:11.2f}  {notes[2][:80]}",
                      flush=True)


if __name__ == "__main__":
    main()
