"""Graph stage: map extractions onto the ontology as RDF (see :mod:`kg.graph.rdf`)."""
from .rdf import FORMATS, article_iri, extraction_to_quads, format_for_path, ontology_quads, slugify

__all__ = ["FORMATS", "article_iri", "extraction_to_quads", "format_for_path", "ontology_quads", "slugify"]
