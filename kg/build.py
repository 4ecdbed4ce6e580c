"""Build a knowledge graph from news articles: read → extract → map to RDF → store → write.

The Python API behind ``kg build``::

    >>> import kg
    >>> report = kg.build(["examples/articles"], out="out/graph.trig")   # doctest: +SKIP
    >>> report.events, report.outputs                                      # doctest: +SKIP
    (57, ['out/graph.trig'])

Articles already in the store (same id and content hash) are skipped, so building twice adds
nothing; each article is written in one transaction, so an interrupted build leaves the store as
it was before the article in flight and a rerun finishes the rest.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .graph.rdf import article_iri, extraction_to_quads, format_for_path, ontology_quads
from .model import Article
from .readers import MAX_MB, ArticleReader

__all__ = ["build", "BuildReport", "article_quads"]


@dataclass
class BuildReport:
    """What a build did."""

    articles: int = 0          # articles extracted and written
    skipped: int = 0           # articles already in the store, unchanged
    events: int = 0
    actors: set = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    graph: object = None       # the kg.store.KnowledgeGraph built into

    @property
    def ok(self) -> bool:
        return not self.errors


# ---------------------------------------------------------------- the pure extraction function
_EXTRACTORS: dict = {}


def article_quads(article: Article, model: str | None = None) -> tuple[str, list, int]:
    """Extract one article: (article id, its quads, its number of events). A pure function of the
    article (and model), so that it can be mapped over processes or a cluster."""
    from .pipeline import Extractor

    ex = _EXTRACTORS.get(model)
    if ex is None:
        ex = _EXTRACTORS[model] = Extractor(model)
    extraction = ex.extract(article)
    return article.id, extraction_to_quads(extraction), len(extraction.events)


def _extract_serial(articles: Iterable[Article], model) -> Iterator[tuple[Article, list, int]]:
    from .pipeline import Extractor

    ex = _EXTRACTORS.get(model) or _EXTRACTORS.setdefault(model, Extractor(model))
    queue: list[Article] = []

    def feed():
        for a in articles:
            queue.append(a)
            yield a

    for extraction in ex.extract_many(feed()):
        art = queue.pop(0)
        yield art, extraction_to_quads(extraction), len(extraction.events)


def _pool_init(model):
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    from .pipeline import Extractor

    _EXTRACTORS[model] = Extractor(model)


def _pool_work(args):
    article, model = args
    _, quads, n = article_quads(article, model)
    return article, quads, n


def _extract_parallel(articles, model, workers: int):
    import multiprocessing as mp

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(workers, initializer=_pool_init, initargs=(model,)) as pool:
        yield from pool.imap(_pool_work, ((a, model) for a in articles), chunksize=4)


def _extract_dask(articles, model, scheduler: str, batch: int = 64):
    from .distributed import extract_on_cluster

    yield from extract_on_cluster(articles, model, scheduler, batch=batch)


def _count_articles(reader: ArticleReader) -> int | None:
    n = 0
    for path in reader.files():
        if path.suffix.lower() == ".jsonl":
            with path.open("rb") as fh:
                n += sum(1 for line in fh if line.strip())
        else:
            n += 1
    return n


def build(paths: Iterable[str | os.PathLike], out: str | os.PathLike | None = None, *,
          store: str | os.PathLike | None = None, model: str | None = None, workers: int = 1,
          scheduler: str | None = None, progress: bool | None = None, max_mb: float = MAX_MB,
          on_error: Callable[[InputError], None] | None = None) -> BuildReport:
    """Build the graph of the articles under ``paths``.

    ``out`` is an RDF file whose extension names the format; ``store`` a folder holding a
    persistent Oxigraph store to build into (incrementally). ``workers`` processes extract in
    parallel; ``scheduler`` is the address of a dask.distributed scheduler to extract on a cluster.
    Bad input is reported to ``on_error`` (and in the report) and skipped.
    """
    from .store import KnowledgeGraph

    if out is not None:
        format_for_path(out)  # fail before any work on an unknown extension
    report = BuildReport()

    def error(exc: InputError) -> None:
        report.errors.append(str(exc))
        if on_error is not None:
            on_error(exc)

    reader = ArticleReader(paths, max_mb=max_mb, on_error=error)
    graph = KnowledgeGraph(store) if store else KnowledgeGraph()
    report.graph = graph
    if len(graph) == 0:
        graph.add_quads(ontology_quads())

    total = None
    if progress is not False:
        total = _count_articles(ArticleReader(paths, max_mb=max_mb, on_error=lambda e: None))
    bar = None
    if progress or (progress is None and total and total >= 20):
        from tqdm import tqdm

        bar = tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True,
                   desc="kg build", smoothing=0.1)

    def todo() -> Iterator[Article]:
        for art in reader:
            if graph.has_article(art.id, art.content_hash):
                report.skipped += 1
                if bar is not None:
                    bar.update(1)
                continue
            yield art

    if scheduler:
        results = _extract_dask(todo(), model, scheduler)
    elif workers and workers > 1:
        results = _extract_parallel(todo(), model, workers)
    else:
        results = _extract_serial(todo(), model)
    try:
        for art, quads, n_events in results:
            graph.replace_article(article_iri(art.id), quads)
            report.articles += 1
            report.events += n_events
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()

    if out is not None:
        graph.save(out)
        report.outputs.append(str(out))
    if store is not None:
        report.outputs.append(str(store))
    return report
