"""Count the person nodes of one build of the bundled examples and the corpus's long-form articles.

Issue 16's corpus-level check: how many Person nodes a build makes, and how many surnames are
carried by more than one Person node (one real person split over several nodes, or namesakes
kept apart). Run from the repository root:

    python scripts/person_nodes.py [--keep DIR]

It writes the articles to a temporary folder (the examples as they are, the long-form corpus
articles of every split as one JSONL file), runs ``kg build`` on it into a TriG file, and reads
the Person nodes back with rdflib.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", help="write the articles and the graph here instead of a temporary folder")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from rdflib import Dataset
    from rdflib.namespace import RDF, RDFS

    from kg.actors.resolve import person_name
    from kg.evaluate import load_records
    from kg.namespaces import GPOL

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="person-nodes-"))
    src = work / "articles"
    src.mkdir(parents=True, exist_ok=True)
    for f in (ROOT / "examples" / "articles").iterdir():
        if f.suffix in (".txt", ".jsonl"):
            shutil.copy(f, src / f.name)
    records = load_records(ROOT / "data" / "corpus", form="longform")
    with (src / "corpus-longform.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            a = r.article()
            fh.write(json.dumps({"id": a.id, "title": a.title, "text": a.text,
                                 "published": a.published.isoformat() if a.published else None}) + "\n")
    out = work / "graph.trig"
    subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(out)], check=True,
                   cwd=ROOT, stdout=subprocess.DEVNULL)
    ds = Dataset()
    ds.parse(out, format="trig")
    people = {s for s, _, _, _ in ds.quads((None, RDF.type, GPOL.Person, None))}
    labels = {s: o for s, _, o, _ in ds.quads((None, RDFS.label, None, None)) if s in people}
    surnames: dict[str, set] = defaultdict(set)
    for p in people:
        label = labels.get(p)
        name = person_name(str(label)) if label else None
        if name is not None:
            surnames[name.surname].add(p)
    multi = {s: n for s, n in surnames.items() if len(n) > 1}
    print(f"articles {len(records)} long-form + examples; person nodes {len(people)}; "
          f"surnames with more than one node {len(multi)}")
    if not args.keep:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
