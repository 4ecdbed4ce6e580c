"""``kg view SOURCE -o view.html``: write the interactive, offline graph view."""
from __future__ import annotations

import argparse
import sys


def calendar_date(option: str):
    """An argparse type for ``option``: a calendar date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``,
    refused (exit code 2) with E182 when it is not one (``2025-13``, ``2025-02-30``)."""
    def check(text: str) -> str:
        from ..analysis.network import AnalysisErrors, date_bounds

        if date_bounds(text) is None:
            raise argparse.ArgumentTypeError(AnalysisErrors.E182.format(option=option, value=text))
        return text.strip()

    check.__name__ = "date"
    return check


def add_parser(sub) -> None:
    p = sub.add_parser("view", help="write an interactive offline HTML view of the actor network",
                       description="Write one self-contained HTML file (no network needed) showing actors "
                                   "and the events between them, with filters and tooltips.")
    p.add_argument("source", metavar="SOURCE", help="RDF file (.trig .nq .ttl .nt .jsonld .rdf) or store folder")
    p.add_argument("-o", "--out", default="view.html", help="HTML file to write (default: view.html)")
    p.add_argument("--focus", metavar="NAME", help="only the actors around the actor named NAME (label or altLabel)")
    p.add_argument("--depth", type=int, default=1, metavar="N", help="hops around --focus (default: 1)")
    p.add_argument("--since", metavar="DATE", type=calendar_date("--since"),
                   help="only events on or after DATE (YYYY[-MM[-DD]])")
    p.add_argument("--until", metavar="DATE", type=calendar_date("--until"),
                   help="only events on or before DATE (YYYY[-MM[-DD]])")
    p.add_argument("--drop-undated", action="store_true",
                   help="with --since/--until, leave out events without a date (kept by default)")
    p.add_argument("--types", metavar="T1,T2", help="only these event classes and their subclasses, e.g. Meet,Support")
    p.add_argument("--min-confidence", type=float, metavar="P",
                   help="only events whose gpol:confidence is at least P (0-1; events without one count "
                        "as 1.0); the page's confidence slider starts there")
    p.add_argument("--size-by", choices=["degree", "pagerank"], default="degree", help="node size (default: degree)")
    p.add_argument("--physics", choices=["auto", "on", "off"], default="auto",
                   help="force-directed layout in the browser (auto: on up to 500 actors)")
    p.add_argument("--title", help="heading of the page")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import time

    from ..views import render_html

    t0 = time.perf_counter()
    physics = {"auto": None, "on": True, "off": False}[args.physics]
    path = render_html(args.source, args.out, focus=args.focus, depth=args.depth, since=args.since,
                       until=args.until, types=args.types, size_by=args.size_by, physics=physics,
                       title=args.title, min_confidence=args.min_confidence,
                       keep_undated=not args.drop_undated)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0
