"""``kg push SOURCE --endpoint URL [--graph-store URL]``: load a graph into a SPARQL server."""
from __future__ import annotations

import argparse


def add_parser(sub) -> None:
    p = sub.add_parser("push", help="load a graph into a SPARQL server (Graph Store Protocol)",
                       description="Send a graph to any SPARQL 1.1 Graph Store Protocol server: each "
                                   "article's named graph with PUT (replaces it: pushing twice duplicates "
                                   "nothing), the default graph (actors, ontology) with POST (merges; its blank "
                                   "nodes are skolemised, so pushing twice adds nothing there either).")
    p.add_argument("source", metavar="SOURCE", help="RDF file or store folder")
    p.add_argument("--endpoint", metavar="URL",
                   help="SPARQL query endpoint, e.g. http://127.0.0.1:7878/query (Oxigraph) or "
                        "http://localhost:3030/kg/sparql (Fuseki)")
    p.add_argument("--graph-store", metavar="URL",
                   help="Graph Store Protocol URL, if it cannot be derived from --endpoint")
    p.add_argument("--replace-default", action="store_true",
                   help="replace the server's default graph (PUT) instead of merging into it (POST)")
    p.add_argument("--timeout", type=float, default=120.0, metavar="S", help="seconds per request")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..push import push

    if not args.endpoint and not args.graph_store:
        print("kg push: give --endpoint URL or --graph-store URL")
        return 2
    r = push(args.source, args.endpoint, graph_store=args.graph_store,
             replace_default=args.replace_default, timeout=args.timeout)
    print(f"pushed {len(r.graphs)} named graph(s) and the default graph, {r.triples} triples, "
          f"in {r.requests} request(s) to {r.store}")
    return 0
