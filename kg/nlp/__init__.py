"""NLP stage: one spaCy pipeline with the project's components (see :mod:`kg.nlp.pipeline`)."""
from .pipeline import DEFAULT_MODEL, load_pipeline

__all__ = ["DEFAULT_MODEL", "load_pipeline"]
