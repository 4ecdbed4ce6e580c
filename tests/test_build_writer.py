"""The build's store writing: batches of whole articles, replacement of changed articles, the same
id twice, skipping what is there, and an article whose extraction fails."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from kg.build import BuildErrors, StoreWriter, build, encode_quads, extract_chunk
from kg.graph.rdf import article_iri
from kg.model import Article
from kg.store import KnowledgeGraph

TEXTS = [
    "NATO condemned Russia on Friday after the strike on Kyiv.",
    "The United States imposed new sanctions on Iran over its nuclear programme.",
    "China and India agreed to resume talks on the border dispute in Beijing.",
    "Turkey threatened to block the accession of Sweden to NATO.",
]


def _jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _article_hashes(kg: KnowledgeGraph) -> dict:
    rows = kg.query("SELECT ?id ?h { ?a dcterms:identifier ?id ; gpol:contentHash ?h }").rows
    out: dict = {}
    for r in rows:
        out.setdefault(str(r["id"]), set()).add(str(r["h"]))
    return out


def test_build_twice_adds_nothing_and_a_changed_article_is_replaced(tmp_path):
    src = _jsonl(tmp_path / "a.jsonl", [{"id": f"t{i}", "text": t} for i, t in enumerate(TEXTS)])
    store = tmp_path / "store"
    r1 = build([src], store=store, progress=False)
    n1 = len(r1.graph)
    assert r1.articles == 4 and r1.quads > 0
    r1.graph.close()
    r2 = build([src], store=store, progress=False)
    assert (r2.articles, r2.skipped, len(r2.graph)) == (0, 4, n1)
    r2.graph.close()
    # t0 now says something else: its graph is replaced, not merged with the old one
    _jsonl(src, [{"id": "t0", "text": "Japan protested to North Korea after the missile test."}])
    r3 = build([src], store=store, progress=False)
    assert r3.articles == 1
    hashes = _article_hashes(r3.graph)
    assert len(hashes["t0"]) == 1 and len(hashes) == 4
    old = r3.graph.query("ASK { GRAPH ?g { ?e gpol:actor actor:nato } FILTER(?g = article:t0) }")
    assert not old.boolean


def test_same_id_twice_in_one_build_keeps_the_first_and_says_so(tmp_path):
    # a second text under an id already read is refused, never a silent replacement (issue 18)
    src = _jsonl(tmp_path / "dup.jsonl", [{"id": "same", "text": TEXTS[0]}, {"id": "same", "text": TEXTS[1]}])
    report = build([src], progress=False)
    assert report.articles == 1
    assert len(report.errors) == 1 and "E011" in report.errors[0] and "dup.jsonl:2" in report.errors[0]
    hashes = _article_hashes(report.graph)
    assert hashes["same"] == {Article(id="same", text=TEXTS[0]).content_hash}


def test_writer_replaces_an_article_given_twice(tmp_path):
    # the writer itself (below the build's check) still keeps each article whole: the later wins
    kg = KnowledgeGraph()
    writer = StoreWriter(kg, max_articles=8, max_seconds=3600)
    for item in extract_chunk([Article(id="same", text=TEXTS[0]), Article(id="same", text=TEXTS[1])]):
        writer.add(item)
    writer.flush()
    assert _article_hashes(kg)["same"] == {Article(id="same", text=TEXTS[1]).content_hash}


def test_writer_commits_whole_batches(tmp_path):
    kg = KnowledgeGraph(tmp_path / "s")
    writer = StoreWriter(kg, max_articles=3, max_seconds=3600)
    items = extract_chunk([Article(id=f"w{i}", text=t) for i, t in enumerate(TEXTS)])
    for item in items[:2]:
        writer.add(item)
    assert len(kg) == 0 and writer.commits == 0        # nothing committed before the batch is full
    writer.add(items[2])
    assert writer.commits == 1 and len(kg.named_graphs()) == 3
    writer.add(items[3])
    writer.flush()
    assert writer.commits == 2 and len(kg.named_graphs()) == 4


def test_an_article_whose_extraction_fails_is_reported_and_skipped():
    good = Article(id="good", text=TEXTS[0])
    bad = Article(id="bad", text=TEXTS[1], url="not an IRI at all")   # made without the reader
    out = extract_chunk([good, bad])
    assert out[0].error is None and out[0].quads > 0
    assert out[1].error and out[1].error.startswith("[E085]") and out[1].nquads == b""


def test_encode_quads_round_trips(tmp_path):
    [item] = extract_chunk([Article(id="rt", text=TEXTS[2])])
    back = list(ox.parse(item.nquads, format=ox.RdfFormat.N_QUADS))
    assert len(back) == item.quads
    assert {q.graph_name for q in back} >= {ox.NamedNode(str(article_iri("rt")))}
    assert encode_quads([]) == (b"", 0)


def test_workers_must_be_positive(tmp_path):
    from kg.errors import KGError

    with pytest.raises(KGError, match="E086"):
        build([tmp_path], workers=0, progress=False)
    assert "E086" in BuildErrors.E086


def test_an_output_is_replaced_whole_or_not_at_all(tmp_path):
    """A build that reads nothing keeps the previous file; a failed write leaves it whole and no
    temporary file behind (outputs are written beside the target, then renamed over it)."""
    from kg.cli import main
    from kg.store import KnowledgeGraph, StoreError

    src = tmp_path / "a.txt"
    src.write_text("Talks in Nairobi\n\nKenya's president met Somalia's president in Nairobi on Monday.",
                   encoding="utf-8")
    out = tmp_path / "g.trig"
    assert main(["build", str(src), "-o", str(out), "--coder", "rules"]) == 0
    before = out.read_bytes()
    assert main(["build", str(tmp_path / "no-such.txt"), "-o", str(out)]) == 2
    assert out.read_bytes() == before
    g = KnowledgeGraph()
    g.add_quads([])
    blocker = tmp_path / "dir.trig"
    blocker.mkdir()  # a folder where the file should go: the rename fails
    with pytest.raises(StoreError):
        g.save(blocker)
    assert blocker.is_dir() and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
