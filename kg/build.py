"""Build a knowledge graph from news articles: read → extract → map to RDF → store → write.

The Python API behind ``kg build``::

    >>> import kg
    >>> report = kg.build_graph(["examples/articles"], out="out/graph.trig")   # doctest: +SKIP
    >>> report.articles, report.outputs                                    # doctest: +SKIP
    (7, ['out/graph.trig'])

Articles already in the store (same id and content hash) are skipped, so building twice adds
nothing. Finished articles are committed in batches, each batch one transaction holding whole
articles only, so an interrupted build (Ctrl-C, a killed process) leaves the store as it was
before the articles in flight, and a rerun finishes the rest.

The build streams: articles are read lazily, at most a few chunks are in flight between the
reader, the extracting processes and the store, so memory does not grow with the corpus (only
``-o FILE`` is written at the end, from the store).

>>> nq, n = encode_quads([])        # what a worker sends back: N-Quads text, number of quads
>>> (nq, n)
(b'', 0)
"""
from __future__ import annotations

import os
import re
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice

from .errors import Errors, InputError, KGError, Warnings
from .graph.rdf import article_iri, extraction_to_quads, format_for_path, ontology_quads
from .model import Article
from .readers import MAX_MB, ArticleReader

__all__ = ["build", "BuildReport", "BuildErrors", "article_quads", "extract_chunk", "encode_quads",
           "Extracted", "StoreWriter"]


class BuildErrors:
    """Numbered messages of the build (E085-E089)."""

    E085 = "[E085] {where}: extraction failed ({detail}); the article was skipped."
    E086 = "[E086] --workers must be at least 1, not {n}."
    W086 = ("[W086] {n} article(s) for --workers {workers}: extracting in one process (more "
            "processes pay off from about {min} articles; see docs/scale.md).")


@dataclass
class BuildReport:
    """What a build did."""

    articles: int = 0          # articles extracted and written
    skipped: int = 0           # articles already in the store, unchanged
    events: int = 0
    quads: int = 0             # quads written for the articles (before de-duplication)
    actors: set = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # done, but the user should know
    outputs: list[str] = field(default_factory=list)
    graph: object = None       # the kg.store.KnowledgeGraph built into
    seconds: float = 0.0       # wall time of the build
    write_seconds: float = 0.0  # of which committing to the store
    merged: int = 0            # actor nodes merged into another by corpus-level resolution

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Extracted:
    """One article's extraction as it travels from a worker to the writer: the article (its text
    is dropped on the way back), its quads as N-Quads bytes, the number of events, or an error."""

    article_id: str
    where: str
    content_hash: str
    nquads: bytes = b""
    quads: int = 0
    events: int = 0
    error: str | None = None


# ---------------------------------------------------------------- the pure extraction function
_EXTRACTORS: dict = {}


def _extractor(spec):
    """The process's extractor for ``spec``: a spaCy pipeline name, or a tuple
    ``(model, coder, min_confidence)`` (see :class:`kg.pipeline.Extractor`)."""
    from .pipeline import Extractor

    key = spec if isinstance(spec, tuple) else (spec, None, None)
    ex = _EXTRACTORS.get(key)
    if ex is None:
        ex = _EXTRACTORS[key] = Extractor(key[0], coder=key[1], min_confidence=key[2])
    return ex


def article_quads(article: Article, model: str | None = None) -> tuple[str, list, int]:
    """Extract one article: (article id, its quads, its number of events). A pure function of the
    article (and model), so that it can be mapped over processes or a cluster."""
    extraction = _extractor(model).extract(article)
    return article.id, extraction_to_quads(extraction), len(extraction.events)


def encode_quads(quads: Iterable[tuple]) -> tuple[bytes, int]:
    """N-Quads bytes for rdflib quads ``(s, p, o, g)`` (``g=None``: default graph), and their
    number. Oxigraph writes them (escaping every literal) and the store loads them back fast."""
    import pyoxigraph as ox

    from .store import from_rdflib

    oq = [ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o), from_rdflib(g)) for s, p, o, g in quads]
    if not oq:
        return b"", 0
    return ox.serialize(oq, format=ox.RdfFormat.N_QUADS), len(oq)


def _done(article: Article, extraction) -> Extracted:
    nq, n = encode_quads(extraction_to_quads(extraction))
    return Extracted(article.id, article.where, article.content_hash, nq, n, len(extraction.events))


def _failed(article: Article, exc: BaseException) -> Extracted:
    detail = f"{type(exc).__name__}: {exc}".strip()
    if len(detail) > 300:
        detail = detail[:300] + "..."
    return Extracted(article.id, article.where, article.content_hash,
                     error=BuildErrors.E085.format(where=article.where, detail=detail))


def extract_chunk(articles: list[Article], model: str | None = None) -> list[Extracted]:
    """Extract a chunk of articles (batched through ``nlp.pipe``). An article whose extraction
    raises becomes an :class:`Extracted` with an ``error`` instead of stopping the chunk. This is
    the task a worker process or a dask worker runs."""
    ex = _extractor(model)
    try:
        return [_done(a, e) for a, e in zip(articles, ex.extract_many(articles))]
    except Exception:  # noqa: BLE001 - find the article at fault, one by one
        out = []
        for a in articles:
            try:
                out.append(_done(a, ex.extract(a)))
            except Exception as exc:  # noqa: BLE001
                out.append(_failed(a, exc))
        return out


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def _extract_serial(articles, model, chunk: int = 16) -> Iterator[Extracted]:
    for part in _chunks(articles, chunk):
        yield from extract_chunk(part, model)


def _extract_chunk_to_file(articles: list[Article], model: str | None, folder: str) -> str:
    """A worker's task: extract a chunk and pickle the results to a file of ``folder``; only the
    file's name goes back through the pool's pipe. A message that short is written in one piece,
    so a worker terminated while it sends one can leave no half message for the parent to wait
    on forever (``Pool.terminate`` after Ctrl-C hung so, now and then, with whole results sent)."""
    import pickle
    import tempfile

    fd, path = tempfile.mkstemp(dir=folder, suffix=".pickle")
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(extract_chunk(articles, model), fh, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _read_chunk_file(path: str) -> list[Extracted]:
    import pickle

    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    finally:
        os.unlink(path)


def _pool_init(model):
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _extractor(model)


PARALLEL_CHUNK = 8          # articles per chunk sent to a worker process
PARALLEL_MIN_CHUNKS = 4     # chunks per worker below which one process is used (docs/scale.md)


def min_parallel(workers: int) -> int:
    """The fewest articles for which ``workers`` processes are used: below it each process
    would get fewer than ``PARALLEL_MIN_CHUNKS`` chunks, and one process is as fast."""
    return workers * PARALLEL_CHUNK * PARALLEL_MIN_CHUNKS


def _extract_parallel(articles, model, workers: int, chunk: int = PARALLEL_CHUNK) -> Iterator[Extracted]:
    """``workers`` processes, each with its own pipeline; at most ``2 * workers`` chunks in
    flight, so reading never runs ahead of extraction by more than that. Where processes are
    forked, the pipeline is loaded once here first and the workers inherit it (loading it in
    every worker cost each a few seconds of CPU the extraction needed)."""
    import multiprocessing as mp
    import shutil
    import tempfile

    fork = sys.platform.startswith("linux")
    ctx = mp.get_context("fork" if fork else "spawn")
    if fork:
        _extractor(model)
    folder = tempfile.mkdtemp(prefix="kg-build-")  # the workers' results, one file per chunk
    try:
        with ctx.Pool(workers, initializer=_pool_init, initargs=(model,)) as pool:
            parts = _chunks(articles, chunk)
            pending: deque = deque(pool.apply_async(_extract_chunk_to_file, (p, model, folder))
                                   for p in islice(parts, 2 * workers))
            while pending:
                results = _read_chunk_file(pending.popleft().get())
                nxt = next(parts, None)
                if nxt is not None:
                    pending.append(pool.apply_async(_extract_chunk_to_file, (nxt, model, folder)))
                yield from results
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _extract_dask(articles, model, scheduler: str) -> Iterator[Extracted]:
    from .distributed import extract_on_cluster

    yield from extract_on_cluster(articles, model, scheduler)


# ---------------------------------------------------------------- writing
_SAFE_IRI = re.compile(r'^[^<>"{}|^`\\\x00-\x20]*$')


class StoreWriter:
    """Commits finished articles to a :class:`~kg.store.KnowledgeGraph` in batches.

    A batch is whole articles, committed in one transaction (``Store.load`` of their N-Quads):
    after ``max_articles`` articles or ``max_seconds`` seconds, whichever comes first. An article
    whose named graph is already in the store (rebuilt with new content) is replaced in a
    transaction of its own (``DROP GRAPH`` + ``INSERT DATA``).
    """

    def __init__(self, graph, *, max_articles: int = 32, max_seconds: float = 1.0,
                 flush_quads: int = 100_000):
        self.graph = graph
        self.max_articles = max_articles
        self.max_seconds = max_seconds
        # RocksDB keeps written data in memtables (one set per index) until they fill up, which
        # is about 1 GB for Oxigraph: flushing them to disk every ``flush_quads`` quads keeps
        # the build's memory flat (measured: 1.0 GB at 1.3 M quads without, 0.3 GB with)
        self.flush_quads = flush_quads
        self._unflushed = 0
        self._pending_quads = 0
        self._parts: list[bytes] = []
        self._ids: set[str] = set()
        self._since = time.monotonic()
        self.commits = 0
        self.seconds = 0.0      # time spent committing

    def _exists(self, iri: str) -> bool:
        return bool(self.graph.query(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"))

    def add(self, item: Extracted) -> None:
        iri = str(article_iri(item.article_id))
        if item.article_id in self._ids:     # the same id twice in one batch: the later one wins
            self.flush()
        if self._exists(iri):
            self.flush()
            self._replace(iri, item.nquads)
        else:
            self._parts.append(item.nquads)
            self._ids.add(item.article_id)
            self._pending_quads += item.quads
        if len(self._parts) >= self.max_articles or time.monotonic() - self._since >= self.max_seconds:
            self.flush()

    def flush(self) -> None:
        """Commit the pending articles (one transaction)."""
        t0 = time.perf_counter()
        if self._parts:
            data = b"".join(self._parts)
            store = getattr(self.graph, "_store", None)
            if store is not None:
                import pyoxigraph as ox

                store.load(data, format=ox.RdfFormat.N_QUADS)
                self._unflushed += self._pending_quads
                if self._unflushed >= self.flush_quads and self.graph.path is not None:
                    store.flush()
                    self._unflushed = 0
            else:   # the rdflib backend
                self.graph.add_quads(_parse_nquads(data))
            self.commits += 1
        self._pending_quads = 0
        self._parts.clear()
        self._ids.clear()
        self._since = time.monotonic()
        self.seconds += time.perf_counter() - t0

    def _replace(self, iri: str, nquads: bytes) -> None:
        import pyoxigraph as ox

        t0 = time.perf_counter()
        if not _SAFE_IRI.match(iri):
            raise KGError(f"not an IRI: {iri!r}")
        graphs: dict = {}
        for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
            graphs.setdefault(q.graph_name, []).append(f"{q.subject} {q.predicate} {q.object} .")
        body = []
        for g, lines in graphs.items():
            text = "\n".join(lines)
            body.append(text if isinstance(g, ox.DefaultGraph) else f"GRAPH {g} {{\n{text}\n}}")
        self.graph.update(f"DROP SILENT GRAPH <{iri}> ;\nINSERT DATA {{\n" + "\n".join(body) + "\n}")
        self.commits += 1
        self.seconds += time.perf_counter() - t0


def _parse_nquads(data: bytes):
    import pyoxigraph as ox

    from .query import to_rdflib

    for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        g = None if isinstance(q.graph_name, ox.DefaultGraph) else to_rdflib(q.graph_name)
        yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), g


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
          on_error: Callable[[InputError], None] | None = None, push: str | None = None,
          batch: int = 32, coder: str | os.PathLike | None = None,
          min_confidence: float | None = None,
          on_warning: Callable[[str], None] | None = None, published: date | None = None) -> BuildReport:
    """Build the graph of the articles under ``paths``.

    ``out`` is an RDF file whose extension names the format; ``store`` a folder holding a
    persistent Oxigraph store to build into (incrementally). ``workers`` processes extract in
    parallel; ``scheduler`` is the address of a dask.distributed scheduler to extract on a cluster.
    ``push`` is a SPARQL endpoint (or Graph Store Protocol URL) to send the graph to at the end
    (:func:`kg.push.push`). ``coder`` is the event coder: the shipped trained model (``None``),
    a model file made by ``kg train``, or ``"rules"``; events under ``min_confidence`` are not
    written (default: the model's own threshold). Bad input, and articles whose extraction fails, are reported to
    ``on_error`` (and in the report) and skipped; so is a second article with an id already read
    in this build but another text. An article that replaces a stored one of the same id and
    another text is reported to ``on_warning``. ``batch`` articles at most go in one commit.
    When input problems leave no article to read, nothing is opened or written (no store folder,
    no file, no push) and ``report.graph`` is ``None``.
    """
    from .store import KnowledgeGraph

    t_start = time.perf_counter()
    if out is not None:
        format_for_path(out)  # fail before any work on an unknown extension
    if workers is not None and workers < 1:
        raise KGError(BuildErrors.E086.format(n=workers))
    report = BuildReport()

    def error(exc: Exception) -> None:
        report.errors.append(str(exc))
        if on_error is not None:
            on_error(exc)

    def warn(message: str) -> None:
        report.warnings.append(message)
        if on_warning is not None:
            on_warning(message)

    paths = list(paths)
    # (``published`` dates the articles that give no date; one that stays undated is a warning)
    reader = ArticleReader(paths, max_mb=max_mb, on_error=error, published=published, on_warning=warn)
    # the first article is read before the store is opened: a build that can read nothing (a
    # missing path, say) opens, creates and writes nothing
    articles = iter(reader)
    head = next(articles, None)
    if head is None and report.errors:
        report.seconds = time.perf_counter() - t_start
        return report
    graph = KnowledgeGraph(store) if store else KnowledgeGraph()
    report.graph = graph
    if len(graph) == 0:
        graph.add_quads(ontology_quads())

    total = None
    if progress is not False or (workers and workers > 1 and not scheduler):
        total = _count_articles(ArticleReader(paths, max_mb=max_mb, on_error=lambda e: None))
    bar = None
    if progress or (progress is None and total and total >= 20):
        from tqdm import tqdm

        bar = tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True,
                   desc="kg build", smoothing=0.1)

    seen: dict[str, tuple[str, str]] = {}     # article id -> (content hash, where it was read)

    def todo() -> Iterator[Article]:
        for art in chain([head] if head is not None else [], articles):
            first = seen.get(art.id)
            if first is not None:
                if first[0] != art.content_hash:   # never let a second text replace the first
                    error(InputError(Errors.E011.format(where=art.where, id=art.id, first=first[1])))
                else:                              # the same article given twice
                    report.skipped += 1
                if bar is not None:
                    bar.update(1)
                continue
            seen[art.id] = (art.content_hash, art.where)
            stored = graph.article_hashes(art.id)      # one lookup for both questions
            if store is not None and stored - {art.content_hash}:
                warn(Warnings.W002.format(where=art.where, id=art.id))
            if art.content_hash in stored:
                report.skipped += 1
                if bar is not None:
                    bar.update(1)
                continue
            yield art

    spec = (model, None if coder is None else str(coder), min_confidence)
    if scheduler:
        results = _extract_dask(todo(), spec, scheduler)
    elif workers and workers > 1 and total is not None and total < min_parallel(workers):
        # a few chunks: the processes would have nothing to overlap, one process is as fast
        if on_warning is not None:
            on_warning(BuildErrors.W086.format(n=total, workers=workers, min=min_parallel(workers)))
        results = _extract_serial(todo(), spec)
    elif workers and workers > 1:
        results = _extract_parallel(todo(), spec, workers)
    else:
        results = _extract_serial(todo(), spec)
    writer = StoreWriter(graph, max_articles=batch)
    try:
        for item in results:
            if item.error:
                error(KGError(item.error))
            else:
                writer.add(item)
                report.articles += 1
                report.events += item.events
                report.quads += item.quads
            if bar is not None:
                bar.update(1)
        writer.flush()
        if bar is not None and bar.total:   # lines skipped for errors count as done too
            bar.update(max(0, bar.total - bar.n))
    except KeyboardInterrupt:
        writer.flush()   # the finished articles are whole: keep them; the ones in flight are lost
        raise
    finally:
        if bar is not None:
            bar.close()

    if report.articles:
        # one node per real actor across the corpus and the store's earlier builds
        from .actors.resolve import resolve_graph

        report.merged = len(resolve_graph(graph).merges)
    if out is not None and (report.articles or report.skipped or not report.errors):
        # (a build that read nothing leaves an existing file as it was)
        graph.save(out)
        report.outputs.append(str(out))
    if store is not None:
        report.outputs.append(str(store))
    if push:
        from .push import push as push_graph

        r = push_graph(graph.to_rdflib(), push)
        report.outputs.append(r.store)
    report.write_seconds = writer.seconds
    report.seconds = time.perf_counter() - t_start
    return report
