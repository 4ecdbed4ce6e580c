from datetime import date

from rdflib import Literal
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.graph.rdf import article_iri, event_id, extraction_to_quads, slugify
from kg.model import Actor, Article, Event, Extraction
from kg.namespaces import ACTOR, EVENT, GPOL, PLACE, WD


def _extraction():
    art = Article(id="a1", text="Choe met Putin at the Kremlin.", title="T", published=date(2025, 10, 28),
                  url="https://example.org/a1")
    actors = {
        "vladimir-putin": Actor("vladimir-putin", "Person", "Vladimir Putin", {"Putin"}, qid="Q7747",
                                affiliation="russia", role="President"),
        "choe-son-hui": Actor("choe-son-hui", "Person", "Choe Son Hui", {"Choe"}),
        "russia": Actor("russia", "State", "Russia", country_code="RUS", qid="Q159"),
    }
    events = [
        Event("Meet", ["choe-son-hui"], ["vladimir-putin"], date="2025-10-27", location="the Kremlin",
              evidence=art.text, char_start=0, char_end=len(art.text), confidence=0.9, trigger="met"),
        Event("Meet", ["choe-son-hui"], ["russia"], modality="Hypothetical", evidence=art.text, date="2025-09"),
    ]
    return Extraction(art, actors, events)


def test_article_actor_and_event_quads():
    ex = _extraction()
    q = set(extraction_to_quads(ex))
    g = article_iri("a1")
    putin = ACTOR["vladimir-putin"]
    assert (g, RDF.type, GPOL.Article, g) in q
    assert (g, DCTERMS.date, Literal("2025-10-28", datatype=XSD.date), g) in q
    assert (putin, RDF.type, GPOL.Person, None) in q
    assert (putin, OWL.sameAs, WD.Q7747, None) in q
    assert (putin, SKOS.altLabel, Literal("Putin", lang="en"), None) in q
    assert (putin, GPOL.affiliation, ACTOR.russia, None) in q
    assert (ACTOR.russia, GPOL.countryCode, Literal("RUS"), None) in q
    e = EVENT[event_id("a1", ex.events[0])]
    assert (e, RDF.type, GPOL.Meet, g) in q
    assert (e, RDF.type, GPOL.Consult, g) in q  # the top class, for queries without inference
    assert (e, GPOL.date, Literal("2025-10-27", datatype=XSD.date), g) in q
    assert (e, GPOL.location, PLACE.kremlin, g) in q
    assert (PLACE.kremlin, RDFS.label, Literal("Kremlin", lang="en"), None) in q
    assert (e, PROV.wasDerivedFrom, g, g) in q
    assert (e, GPOL.modality, GPOL.Asserted, g) in q
    # direct edges: the class's relation and its top class's relation
    assert (ACTOR["choe-son-hui"], GPOL.met, putin, g) in q
    assert (ACTOR["choe-son-hui"], GPOL.consults, putin, g) in q


def test_hypothetical_events_get_no_direct_edge_and_partial_dates():
    ex = _extraction()
    q = set(extraction_to_quads(ex))
    g = article_iri("a1")
    e = EVENT[event_id("a1", ex.events[1])]
    assert (e, GPOL.modality, GPOL.Hypothetical, g) in q
    assert (e, GPOL.date, Literal("2025-09", datatype=XSD.gYearMonth), g) in q
    assert (ACTOR["choe-son-hui"], GPOL.met, ACTOR.russia, g) not in q


def test_event_ids_are_stable_and_distinct():
    ex = _extraction()
    assert event_id("a1", ex.events[0]) == event_id("a1", ex.events[0])
    assert event_id("a1", ex.events[0]) != event_id("a1", ex.events[1])
    assert event_id("a1", ex.events[0]) != event_id("a2", ex.events[0])


def test_slugify():
    assert slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slugify("Côte d’Ivoire") == "cote-divoire"


def test_inferred_recipient_is_marked():
    ex = _extraction()
    ex.events[1].recipient_inferred = True
    q = set(extraction_to_quads(ex))
    marked = {s for s, p, o, _ in q if p == GPOL.recipientInferred and o == Literal(True)}
    assert marked == {EVENT[event_id("a1", ex.events[1])]}


def test_group_sector_is_written():
    ex = _extraction()
    ex.actors["russia-rebels"] = Actor("russia-rebels", "Organization", "Russia rebels", affiliation="russia",
                                       sector="REB")
    q = set(extraction_to_quads(ex))
    assert (ACTOR["russia-rebels"], GPOL.sector, Literal("REB"), None) in q
    assert (ACTOR["russia-rebels"], GPOL.affiliation, ACTOR.russia, None) in q
