"""Map an :class:`kg.model.Extraction` onto RDF quads that follow DATA-MODEL.md.

The mapping is a pure function (article in, quads out) so that it runs the same in one process,
in a pool of workers or on a cluster. Quads are tuples of rdflib terms ``(s, p, o, g)``; ``g`` is
the article's named graph for what was extracted from it, ``None`` for the default graph (actors,
places and the ontology).

>>> from kg.model import Article, Actor, Event, Extraction
>>> art = Article(id="a1", text="Putin met Kim.", title="Summit")
>>> ex = Extraction(art, {"vladimir-putin": Actor("vladimir-putin", "Person", "Vladimir Putin"),
...                       "kim-jong-un": Actor("kim-jong-un", "Person", "Kim Jong Un")},
...                 [Event("Meet", ["vladimir-putin"], ["kim-jong-un"], evidence="Putin met Kim.", char_end=14)])
>>> quads = extraction_to_quads(ex)
>>> from kg.namespaces import GPOL, ACTOR
>>> (ACTOR["vladimir-putin"], GPOL.met, ACTOR["kim-jong-un"], article_iri("a1")) in quads
True
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from unidecode import unidecode

from ..model import Extraction, safe_id
from ..namespaces import ACTOR, ARTICLE, EVENT, GPOL, PLACE, WD
from ..events.timex import datatype_of

__all__ = ["extraction_to_quads", "article_iri", "event_id", "slugify", "ontology_quads",
           "FORMATS", "format_for_path"]

# Output formats by file extension: rdflib serializer name, whether it keeps named graphs.
FORMATS = {
    ".ttl": ("turtle", False),
    ".nt": ("nt", False),
    ".nq": ("nquads", True),
    ".trig": ("trig", True),
    ".jsonld": ("json-ld", True),
    ".rdf": ("xml", False),
    ".owl": ("xml", False),
    ".xml": ("xml", False),
}


def format_for_path(path: str | Path) -> tuple[str, bool]:
    """(rdflib format, keeps named graphs) for an output path, from its extension."""
    from ..errors import Errors, KGError

    ext = Path(path).suffix.lower()
    if ext not in FORMATS:
        raise KGError(Errors.E020.format(path=path, ext=ext, choices=", ".join(FORMATS)))
    return FORMATS[ext]


def slugify(text: str) -> str:
    """A readable IRI slug: ASCII, lower case, words joined by hyphens.

    >>> slugify("Recep Tayyip Erdoğan"), slugify("the Kremlin")
    ('recep-tayyip-erdogan', 'the-kremlin')
    """
    s = unidecode(text).lower().replace("'", "").replace("’", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:80].rstrip("-") or "x"


def article_iri(article_id: str) -> URIRef:
    return ARTICLE[safe_id(article_id)]



def event_id(article_id: str, ev) -> str:
    """A stable id for an event: the same article and extraction give the same IRI on every run."""
    key = "|".join([article_id, ev.type, ",".join(ev.actors), ",".join(ev.recipients),
                    str(ev.char_start), str(ev.char_end), ev.trigger or "", ev.modality])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _date_literal(iso: str) -> Literal:
    return Literal(iso, datatype=XSD[datatype_of(iso)])


@lru_cache(maxsize=1)
def ontology_quads() -> tuple:
    """The ontology's triples as default-graph quads (the graph carries its own schema)."""
    from rdflib import Graph

    from ..resources import ontology_path

    g = Graph()
    g.parse(ontology_path("gpol.ttl"), format="turtle")
    return tuple((s, p, o, None) for s, p, o in g)


def extraction_to_quads(ex: Extraction) -> list[tuple]:
    """All quads for one article: its actors and places (default graph), its events (named graph)."""
    from ..taxonomy import ancestors, relation_of, top_of

    art = ex.article
    g = article_iri(art.id)
    q: list[tuple] = []
    add = q.append

    # the article
    add((g, RDF.type, GPOL.Article, g))
    add((g, DCTERMS.identifier, Literal(art.id), g))
    if art.title:
        add((g, DCTERMS.title, Literal(art.title), g))
    if art.published:
        add((g, DCTERMS.date, Literal(art.published.isoformat(), datatype=XSD.date), g))
    if art.url:
        add((g, DCTERMS.source, URIRef(art.url), g))
    add((g, GPOL.contentHash, Literal(art.content_hash), g))

    # actors (default graph: one node per actor across all articles)
    for actor in ex.actors.values():
        a = ACTOR[actor.key]
        add((a, RDF.type, GPOL[actor.kind], None))
        add((a, RDFS.label, Literal(actor.label, lang="en"), None))
        for alt in sorted(actor.alt_labels):
            if alt != actor.label:
                add((a, SKOS.altLabel, Literal(alt, lang="en"), None))
        if actor.qid:
            add((a, OWL.sameAs, WD[actor.qid], None))
        if actor.country_code and actor.kind == "State":
            add((a, GPOL.countryCode, Literal(actor.country_code), None))
        if actor.affiliation:
            add((a, GPOL.affiliation, ACTOR[actor.affiliation], None))
        if actor.role:
            add((a, GPOL.role, Literal(actor.role), None))
        if actor.sector:
            add((a, GPOL.sector, Literal(actor.sector), None))

    # events (the article's named graph)
    for ev in ex.events:
        e = EVENT[event_id(art.id, ev)]
        # the class and its ancestors up to the PLOVER top class, so that "?e a gpol:Consult" finds a
        # Meet without inference
        for cls in ancestors(ev.type):  # the class itself first
            add((e, RDF.type, GPOL[cls], g))
        for k in ev.actors:
            add((e, GPOL.actor, ACTOR[k], g))
        for k in ev.recipients:
            add((e, GPOL.recipient, ACTOR[k], g))
        if ev.date:
            add((e, GPOL.date, _date_literal(ev.date), g))
        if ev.location:
            name = re.sub(r"^the\s+", "", ev.location, flags=re.I)
            p = PLACE[slugify(name)]
            add((e, GPOL.location, p, g))
            add((p, RDF.type, GPOL.Place, None))
            add((p, RDFS.label, Literal(name, lang="en"), None))
        add((e, GPOL.modality, GPOL[ev.modality], g))
        add((e, GPOL.evidence, Literal(ev.evidence), g))
        add((e, GPOL.charStart, Literal(ev.char_start, datatype=XSD.integer), g))
        add((e, GPOL.charEnd, Literal(ev.char_end, datatype=XSD.integer), g))
        add((e, GPOL.confidence, Literal(round(ev.confidence, 3), datatype=XSD.decimal), g))
        if ev.trigger:
            add((e, GPOL.trigger, Literal(ev.trigger), g))
        if ev.cameo:
            add((e, GPOL.cameoCode, Literal(ev.cameo), g))
        if ev.claimed_by:
            add((e, GPOL.claimedBy, ACTOR[ev.claimed_by], g))
        if ev.actor_sector:
            add((e, GPOL.actorSector, Literal(ev.actor_sector), g))
        if ev.recipient_sector:
            add((e, GPOL.recipientSector, Literal(ev.recipient_sector), g))
        if ev.recipient_inferred and ev.recipients:
            add((e, GPOL.recipientInferred, Literal(True), g))
        add((e, PROV.wasDerivedFrom, g, g))
        if ev.modality == "Asserted":
            rels = {relation_of(ev.type), relation_of(top_of(ev.type))}
            # "X and Y met": a compound actor with no recipient links its members both ways
            others = ev.recipients or (ev.actors if len(ev.actors) > 1 else [])
            for k in ev.actors:
                for r in others:
                    if k != r:
                        for rel in rels:
                            add((ACTOR[k], GPOL[rel], ACTOR[r], g))
    return q
