"""Benchmark of ``kg view`` on a large graph: time to read the RDF into the actor network, to lay
it out and to write the HTML file, for 1,000 and 10,000 actors (random preferential-attachment
graphs in DATA-MODEL form, two events per actor). Optionally draws it in headless Chromium.

    .venv/bin/python bench/view.py [--sizes 1000,10000] [--browser]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "views"))

from view_fixtures import big_network_graph  # noqa: E402

from kg.analysis import build_network  # noqa: E402
from kg.views.html import render_html  # noqa: E402
from kg.views.layout import pivot_layout  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--browser", action="store_true", help="also time a headless Chromium screenshot")
    args = ap.parse_args()
    out = Path(tempfile.mkdtemp(prefix="kg-bench-view-"))
    print(f"{'actors':>7} {'edges':>7} {'read RDF':>9} {'layout':>7} {'write HTML':>11} {'MB':>6}  file->HTML"
          + ("  browser" if args.browser else ""))
    for n in (int(x) for x in args.sizes.split(",")):
        ds = big_network_graph(n, 2)
        t0 = time.perf_counter()
        net = build_network(ds)
        t1 = time.perf_counter()
        pivot_layout(net)
        t2 = time.perf_counter()
        path = render_html(net, out / f"view-{n}.html")  # network -> HTML, including its layout
        t3 = time.perf_counter()
        line = (f"{n:>7} {net.number_of_edges():>7} {t1 - t0:>8.2f}s {t2 - t1:>6.2f}s {t3 - t2:>10.2f}s "
                f"{path.stat().st_size / 1e6:>6.1f}")
        # the whole of `kg view FILE -o view.html` from an N-Quads file: read, lay out, write
        nq = out / f"graph-{n}.nq"
        ds.serialize(nq, format="nquads")
        t5 = time.perf_counter()
        render_html(nq, out / f"view-file-{n}.html")
        line += f"  from .nq {time.perf_counter() - t5:5.2f}s"
        if args.browser and shutil.which("chromium"):
            t4 = time.perf_counter()
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            f"--user-data-dir={out / f'profile-{n}'}", "--window-size=1200,800",
                            "--virtual-time-budget=20000", f"--screenshot={out / f'view-{n}.png'}",
                            path.as_uri()], capture_output=True, timeout=300)
            line += f"  {time.perf_counter() - t4:6.1f}s -> {out / f'view-{n}.png'}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
