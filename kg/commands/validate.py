"""``kg validate SOURCE``: check a graph against the data model (SHACL shapes and ISO codes)."""
from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> None:
    p = sub.add_parser("validate", help="check a graph against the data model (SHACL)",
                       description="Validate a graph with pySHACL against ontology/shapes.ttl and check "
                                   "country codes against ISO 3166-1. Prints one line per violation; "
                                   "exit code 1 if there is any.")
    p.add_argument("source", metavar="SOURCE", help="RDF file or store folder")
    p.add_argument("--shapes", metavar="FILE", help="SHACL shapes (Turtle) instead of ontology/shapes.ttl")
    p.add_argument("--ontology", metavar="FILE", help="ontology (Turtle) instead of ontology/gpol.ttl")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="print at most N violations (0: all)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..validate import validate

    report = validate(args.source, shapes=args.shapes, ontology=args.ontology)
    shown = report.violations[: args.limit] if args.limit else report.violations
    for v in shown:
        print(v.line())
    if len(shown) < len(report.violations):
        print(f"... and {len(report.violations) - len(shown)} more")
    print(report.summary(), file=sys.stdout if report.conforms else sys.stderr)
    return 0 if report.conforms else 1
