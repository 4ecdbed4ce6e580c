"""``kg serve SOURCE --port N``: a SPARQL 1.1 Protocol endpoint at ``/sparql`` and a query page
at ``/``, read-only unless ``--allow-update``; updates reach the network only with ``--allow-load``.

Example::

    kg serve out/store --port 7878
    curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?a gpol:met ?b }' \
         http://127.0.0.1:7878/sparql
"""
from __future__ import annotations

import argparse
import sys

__all__ = ["add_parser", "run"]


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "serve", help="serve a graph over the SPARQL 1.1 Protocol",
        description="Serve a store folder or RDF file at http://HOST:PORT/sparql (GET and POST, "
                    "JSON/XML/CSV/TSV results, Turtle/N-Triples/JSON-LD graphs) with a query page at /.")
    p.add_argument("source", help="store folder (kg build --store) or RDF file")
    p.add_argument("--port", type=int, default=7878, help="TCP port (default 7878; 0 picks a free one)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--allow-update", action="store_true", help="accept SPARQL updates (refused with 403 otherwise)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="S",
                   help="per-query time limit in seconds (default 30; 0 for none)")
    p.add_argument("--allow-load", action="store_true",
                   help="with --allow-update, let updates reach the network (LOAD <url>); refused with 403 otherwise")
    p.add_argument("--max-memory", type=int, default=512, metavar="MB",
                   help="memory one query may use before it is stopped with 503 (default 512)")
    p.add_argument("--max-body", type=int, default=256, metavar="KB",
                   help="largest request body accepted; larger ones get 413 (default 256)")
    p.add_argument("--idle-timeout", type=float, default=10.0, metavar="S",
                   help="close a connection that sends nothing for S seconds (default 10)")
    p.add_argument("--quiet", action="store_true", help="do not log requests")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import KGError
    from ..serve import serve

    if args.allow_load and not args.allow_update:
        print("kg serve: --allow-load needs --allow-update (LOAD is an update)", file=sys.stderr)
        return 2
    try:
        serve(args.source, host=args.host, port=args.port, allow_update=args.allow_update,
              timeout=args.timeout or None, quiet=args.quiet, allow_load=args.allow_load,
              max_memory=args.max_memory << 20, max_body=args.max_body << 10,
              idle_timeout=args.idle_timeout or None)
    except KGError as exc:
        print(f"kg serve: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # port in use, permission denied
        print(f"kg serve: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
