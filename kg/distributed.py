"""Extraction on a dask.distributed cluster (``kg build --scheduler ADDRESS``).

Extraction is a pure function from articles to their quads (:func:`kg.build.extract_chunk`), so
it maps over any number of workers; the client reads the articles, keeps a bounded window of
chunks in flight on the cluster (about two per worker thread, so memory does not grow with the
corpus) and writes the results into the store in article order. Every worker needs the same
environment as the client (``pip install geopolitical-kg[distributed]`` and the spaCy
pipeline), as usual for dask; each worker process loads the pipeline once.

>>> from dask.distributed import LocalCluster                      # doctest: +SKIP
>>> cluster = LocalCluster(n_workers=2, threads_per_worker=1)     # doctest: +SKIP
>>> import kg; kg.build_graph(["news/"], store="out/store", scheduler=cluster.scheduler_address)  # doctest: +SKIP
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from .errors import KGError
from .model import Article

__all__ = ["extract_on_cluster", "extract_task", "DistributedErrors"]


class DistributedErrors:
    """Numbered messages of :mod:`kg.distributed` (E087-E089)."""

    E087 = "[E087] kg build --scheduler needs dask.distributed: pip install 'geopolitical-kg[distributed]'"
    E088 = "[E088] Cannot reach the dask scheduler at {address}: {detail}. Is `dask scheduler` running there?"
    E089 = "[E089] The dask cluster at {address} has no workers after {seconds} s; start `dask worker {address}`."


def extract_task(articles: list[Article], model: str | None = None):
    """The task a worker runs: :func:`kg.build.extract_chunk` of a chunk of articles."""
    from .build import extract_chunk

    return extract_chunk(articles, model)


def extract_on_cluster(articles: Iterable[Article], model: str | None, scheduler: str, *,
                       chunk: int = 8, window: int | None = None,
                       connect_timeout: float = 10.0, worker_timeout: float = 60.0
                       ) -> Iterator:
    """Map :func:`extract_task` over chunks of ``chunk`` articles on the cluster at ``scheduler``,
    with at most ``window`` chunks in flight (default: twice the cluster's worker threads),
    yielding :class:`kg.build.Extracted` results in article order."""
    try:
        from dask.distributed import Client
    except ImportError:  # pragma: no cover - the extra is not installed
        raise KGError(DistributedErrors.E087) from None
    try:
        client = Client(scheduler, timeout=connect_timeout)
    except (OSError, TimeoutError) as exc:
        raise KGError(DistributedErrors.E088.format(address=scheduler, detail=exc)) from None
    try:
        try:
            client.wait_for_workers(1, timeout=worker_timeout)
        except TimeoutError:
            raise KGError(DistributedErrors.E089.format(address=scheduler, seconds=worker_timeout)) from None
        threads = sum(client.nthreads().values()) or 1
        window = window or 2 * threads
        it = iter(articles)

        def parts():
            while part := list(islice(it, chunk)):
                yield part

        src = parts()
        pending: deque = deque(client.submit(extract_task, p, model, pure=False)
                               for p in islice(src, window))
        while pending:
            fut = pending.popleft()
            results = fut.result()
            fut.release()
            nxt = next(src, None)
            if nxt is not None:
                pending.append(client.submit(extract_task, nxt, model, pure=False))
            yield from results
    finally:
        client.close()
