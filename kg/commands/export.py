"""``kg export SOURCE -o FILE [--format F]``: write the graph for other tools (RDF, Gephi, Neo4j)."""
from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> None:
    from ..export import FORMATS

    lines = "\n".join(f"  {f.name:9} {' '.join(f.extensions) or '(folder)':18} {f.description}"
                      for f in FORMATS.values())
    p = sub.add_parser("export", help="write the graph as RDF, GraphML, GEXF or Neo4j CSV",
                       description="Write a graph (an RDF file or a store folder) in another format.\n\n"
                                   "formats:\n" + lines,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", metavar="SOURCE", help="RDF file (.ttl .nt .nq .trig .jsonld .rdf) or store folder")
    p.add_argument("-o", "--out", required=True, metavar="FILE",
                   help="file to write (for --format neo4j: a folder)")
    p.add_argument("--format", choices=list(FORMATS), help="format (default: from the extension of FILE)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..export import export, format_for, load_dataset

    fmt = format_for(args.out, args.format)
    ds = load_dataset(args.source)
    graphs = sum(1 for g in ds.graphs() if len(g) and str(g.identifier) != "urn:x-rdflib:default")
    path = export(ds, args.out, fmt.name)
    if fmt.kind == "triples" and graphs:
        print(f"kg export: note: {fmt.name} has no named graphs; the {graphs} article graph(s) "
              "were merged (use .nq or .trig to keep them)", file=sys.stderr)
    print(f"wrote {path}")
    return 0
