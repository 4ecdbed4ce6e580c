"""geopolitical-kg: turn news articles into a geopolitical knowledge graph.

The Python API behind the ``kg`` command line::

    import kg
    report = kg.build_graph(["examples/articles"], out="out/graph.trig")   # read, extract, write
    graph = report.graph                                                     # a kg.KnowledgeGraph
    graph.query("SELECT ?a ?b WHERE { ?a gpol:met ?b }").rows
    graph.named_query("supporters", actor="Russia")
    kg.view(graph)                                                           # inline in Jupyter
    kg.export_graph(graph, "graph.gexf"); kg.validate_graph(graph).conforms

The submodules keep their names: ``kg.build``, ``kg.export``, ``kg.push``, ``kg.validate`` and
``kg.evaluate`` are modules (``import kg.export as E; E.FORMATS``), and their main functions are
also here under names of their own: :func:`build_graph`, :func:`export_graph`,
:func:`push_graph`, :func:`validate_graph`, :func:`evaluate_gold`.

>>> import kg
>>> kg.__version__
'0.1.0'
>>> kg.export_graph is kg.export.export
True
"""
from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

from .model import Actor, Article, Event, Extraction  # noqa: E402
from .readers import read_articles  # noqa: E402

# ``kg.build`` and the like stay the modules; their main functions get names of their own.
from . import build, evaluate, export, push, validate  # noqa: E402
from .build import BuildReport  # noqa: E402
from .build import build as build_graph  # noqa: E402
from .evaluate import evaluate as evaluate_gold  # noqa: E402
from .export import export as export_graph  # noqa: E402
from .push import push as push_graph  # noqa: E402
from .validate import validate as validate_graph  # noqa: E402

# Heavier parts (spaCy, pyoxigraph, pyvis) load on first use.
_LAZY = {
    "Extractor": ("kg.pipeline", "Extractor"),
    "load_pipeline": ("kg.nlp", "load_pipeline"),
    "KnowledgeGraph": ("kg.store", "KnowledgeGraph"),
    "load": ("kg.store", "KnowledgeGraph.load"),
    "render_html": ("kg.views", "render_html"),
    "view": ("kg.views", "View"),
    "summarize": ("kg.analysis", "summarize"),
}

__all__ = ["__version__", "Actor", "Article", "Event", "Extraction", "read_articles", "build_graph",
           "BuildReport", "evaluate_gold", "export_graph", "push_graph", "validate_graph",
           "build", "evaluate", "export", "push", "validate", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        module, attr = _LAZY[name]
        obj = import_module(module)
        for part in attr.split("."):
            obj = getattr(obj, part)
        globals()[name] = obj
        return obj
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
