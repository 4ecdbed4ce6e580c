"""``kg query SOURCE 'SPARQL'`` | ``--file Q.rq`` | ``--name NAME --param key=value``.

Examples::

    kg query out/store 'SELECT ?a ?b WHERE { ?a gpol:met ?b }'
    kg query out/graph.trig --name timeline --param actor=Putin --format csv
    kg query out/graph.trig --name nope          # lists the named queries
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_parser", "run"]


def add_parser(subparsers) -> None:
    from ..query import named_queries

    p = subparsers.add_parser(
        "query", help="run a SPARQL query on a store folder or RDF file",
        description="Run a SPARQL query over the union of all graphs; the project prefixes "
                    "(gpol:, actor:, event:, article: ...) are predeclared. Named queries: "
                    + ", ".join(named_queries()) + ".")
    p.add_argument("source", help="store folder (kg build --store) or RDF file (.ttl .nt .nq .trig .jsonld .rdf)")
    p.add_argument("sparql", nargs="?", help="the query text")
    p.add_argument("--file", "-f", type=Path, help="read the query from this file")
    p.add_argument("--name", "-n", help="run a named query (examples/queries/NAME.rq)")
    p.add_argument("--param", "-p", action="append", default=[], metavar="KEY=VALUE",
                   help="bind a parameter (repeatable); actors by IRI, actor:CURIE or name")
    p.add_argument("--format", choices=["table", "csv", "tsv", "json", "xml"], default="table",
                   help="output format (default table); graphs print as Turtle, or JSON-LD with json")
    p.add_argument("--timeout", type=float, default=None, metavar="S", help="give up after S seconds")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import KGError
    from ..query import QueryError
    from ..store import KnowledgeGraph

    given = [x for x in (args.sparql, args.file, args.name) if x]
    if len(given) != 1:
        print("kg query: give exactly one of a query text, --file or --name", file=sys.stderr)
        return 2
    params = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep or not key:
            print(f"kg query: --param {item!r} is not KEY=VALUE", file=sys.stderr)
            return 2
        params[key.strip().lstrip("?$")] = value
    try:
        if args.name:  # an unknown name fails before the graph is loaded
            from ..query import NamedQuery

            NamedQuery.load(args.name)
        kg = KnowledgeGraph.load(args.source, read_only=True)
        if args.name:
            result = kg.named_query(args.name, timeout=args.timeout, **params)
        else:
            text = args.sparql
            if args.file:
                try:
                    text = args.file.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError) as exc:
                    raise QueryError(f"{args.file}: cannot read the query: {exc}") from None
            result = kg.query(text, params=params or None, timeout=args.timeout)
    except KGError as exc:
        print(f"kg query: {exc}", file=sys.stderr)
        return 1
    out = result.serialize(args.format)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0
