"""Extraction on a dask.distributed cluster (``kg build --scheduler ADDRESS``).

Extraction is a pure function from an article to its quads (:func:`kg.build.article_quads`), so
it maps over any number of workers; the client writes the results into the store (or file) in
article order. Every worker needs the same environment as the client (``pip install
geopolitical-kg[distributed]`` and the spaCy pipeline), as usual for dask.

>>> from dask.distributed import LocalCluster                      # doctest: +SKIP
>>> cluster = LocalCluster(n_workers=2, threads_per_worker=1)     # doctest: +SKIP
>>> import kg; kg.build(["news/"], store="out/store", scheduler=cluster.scheduler_address)  # doctest: +SKIP
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from .model import Article

__all__ = ["extract_on_cluster", "extract_task"]


def extract_task(article: Article, model: str | None = None):
    """The task a worker runs: (article, quads, number of events)."""
    from .build import article_quads

    _, quads, n = article_quads(article, model)
    return article, quads, n


def extract_on_cluster(articles: Iterable[Article], model: str | None, scheduler: str,
                       *, batch: int = 64) -> Iterator[tuple[Article, list, int]]:
    """Map :func:`extract_task` over the cluster at ``scheduler``, in batches, yielding results in order."""
    try:
        from dask.distributed import Client
    except ImportError as exc:  # pragma: no cover - the extra is not installed
        from .errors import KGError

        raise KGError("kg build --scheduler needs dask.distributed: pip install 'geopolitical-kg[distributed]'") from exc
    client = Client(scheduler)
    try:
        it = iter(articles)
        while chunk := list(islice(it, batch)):
            futures = client.map(extract_task, chunk, model=model, pure=False)
            # submit the next batch's reading while this one runs: results come back in order
            for fut in futures:
                yield fut.result()
    finally:
        client.close()
