"""geopolitical-kg: turn news articles into a geopolitical knowledge graph.

>>> import kg
>>> kg.__version__
'0.1.0'
"""
from __future__ import annotations

__version__ = "0.1.0"

from .model import Actor, Article, Event, Extraction  # noqa: E402
from .readers import read_articles  # noqa: E402

__all__ = ["__version__", "Actor", "Article", "Event", "Extraction", "read_articles"]
