"""geopolitical-kg: turn news articles into a geopolitical knowledge graph.

The Python API behind the ``kg`` command line::

    import kg
    report = kg.build(["examples/articles"], out="out/graph.trig")    # read, extract, write
    graph = report.graph                                               # a kg.KnowledgeGraph
    graph.query("SELECT ?a ?b WHERE { ?a gpol:met ?b }").rows
    graph.named_query("supporters", actor="Russia")
    kg.view(graph)                                                     # inline in Jupyter
    kg.export(graph, "graph.gexf"); kg.validate(graph).conforms

>>> import kg
>>> kg.__version__
'0.1.0'
"""
from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

from .model import Actor, Article, Event, Extraction  # noqa: E402
from .readers import read_articles  # noqa: E402

# Functions that share their name with their module are bound here, after the module is imported,
# so that ``kg.build`` is the function (a lazy attribute would be shadowed by the submodule).
from .build import BuildReport, build  # noqa: E402
from .evaluate import evaluate  # noqa: E402
from .export import export  # noqa: E402
from .push import push  # noqa: E402
from .validate import validate  # noqa: E402

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

__all__ = ["__version__", "Actor", "Article", "Event", "Extraction", "read_articles", "build", "BuildReport",
           "evaluate", "export", "push", "validate", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        module, attr = _LAZY[name]
        obj = import_module(module)
        for part in attr.split("."):
            obj = getattr(obj, part)
        globals()[name] = obj
        return obj
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
