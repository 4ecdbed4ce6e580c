"""The OWL ontology ontology/gpol.ttl: loads everywhere, declares exactly the GPOL terms, is consistent."""
from __future__ import annotations

import shutil
import subprocess

import owlrl
import pyoxigraph
import pytest
import rdflib
from rdflib import BNode, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.namespaces import GPOL, GPOL_IRI
from kg.resources import ontology_path

PATH = ontology_path("gpol.ttl")
G = Namespace(GPOL_IRI)
ERR = URIRef("http://www.daml.org/2002/03/agents/agent-ont#ErrorMessage")
TOPS = ["Agree", "Consult", "Support", "Concede", "Cooperate", "Aid", "Retreat", "Request",
        "Accuse", "Reject", "Threaten", "Protest", "Sanction", "Mobilize", "Coerce", "Assault"]
QUADS = {"VerbalCooperation": TOPS[0:4], "MaterialCooperation": TOPS[4:7],
         "VerbalConflict": TOPS[7:11], "MaterialConflict": TOPS[11:16]}


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(PATH, format="turtle")


def _gpol_terms() -> set[str]:
    return {name for name in GPOL.__annotations__ if not name.startswith("_")}


def test_loads_in_pyoxigraph_with_same_size(onto):
    store = pyoxigraph.Store()
    store.load(path=str(PATH), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(onto) > 500


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils not installed")
def test_rapper_parses_it():
    out = subprocess.run(["rapper", "-q", "-i", "turtle", "-c", str(PATH)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr


def test_every_gpol_term_is_declared_and_nothing_else(onto):
    declared = {str(s)[len(GPOL_IRI):] for s in onto.subjects(RDF.type, None)
                if isinstance(s, URIRef) and str(s).startswith(GPOL_IRI)}
    used = {str(t)[len(GPOL_IRI):] for triple in onto for t in triple
            if isinstance(t, URIRef) and str(t).startswith(GPOL_IRI)}
    terms = _gpol_terms()
    assert terms - declared == set(), "GPOL terms missing from gpol.ttl"
    assert declared - terms == set(), "gpol.ttl declares terms kg/namespaces.py lacks"
    assert used - terms == set(), "gpol.ttl uses undeclared gpol terms"


def test_header(onto):
    o = URIRef("https://w3id.org/geopolitical-kg/ontology")
    assert (o, RDF.type, OWL.Ontology) in onto
    for p in (OWL.versionInfo, URIRef("http://purl.org/dc/terms/title"),
              URIRef("http://purl.org/dc/terms/license"), RDFS.seeAlso):
        assert onto.value(o, p) is not None, p
    assert "by-sa/4.0" in str(onto.value(o, URIRef("http://purl.org/dc/terms/license")))


def test_top_classes_are_disjoint_quads_labelled(onto):
    lists = [list(Collection(onto, onto.value(n, OWL.members)))
             for n in onto.subjects(RDF.type, OWL.AllDisjointClasses)]
    assert [G[t] for t in TOPS] in lists
    for quad, names in QUADS.items():
        for name in names:
            c = G[name]
            assert (c, RDFS.subClassOf, G.Event) in onto
            assert onto.value(c, G.quadClass) == G[quad], name
            assert onto.value(c, RDFS.label) and len(str(onto.value(c, RDFS.comment))) > 40
            assert any(len(str(n)) == 2 for n in onto.objects(c, SKOS.notation)) or name in {
                "Concede", "Retreat"}, name


def test_every_event_class_has_its_relation(onto):
    events = set(onto.transitive_subjects(RDFS.subClassOf, G.Event)) - {G.Event}
    assert len(events) == 53
    for c in events:
        rel = onto.value(c, G.relation)
        assert rel is not None, c
        assert (rel, RDF.type, OWL.ObjectProperty) in onto
        assert onto.value(rel, RDFS.domain) == G.Actor and onto.value(rel, RDFS.range) == G.Actor
        assert onto.value(rel, RDFS.label) is not None
        assert list(onto.objects(c, SKOS.notation)), c
        parent = onto.value(c, RDFS.subClassOf)
        if parent != G.Event:  # finer class: relation is a subproperty of the parent's relation
            assert (rel, RDFS.subPropertyOf, onto.value(parent, G.relation)) in onto, c
    assert onto.value(G.Meet, G.relation) == G.met
    assert onto.value(G.Deploy, G.relation) == G.deploysTo
    assert (G.deploysTo, RDFS.subPropertyOf, G.mobilizesAgainst) in onto
    assert (G.Meet, RDFS.subClassOf, G.Consult) in onto and (G.Deploy, RDFS.subClassOf, G.Mobilize) in onto


def test_ambiguous_mappings_are_recorded(onto):
    deploy = " ".join(onto.objects(G.Deploy, SKOS.editorialNote))
    assert "154" in deploy and "072" in deploy
    assert (G.Deploy, SKOS.closeMatch, G.MilitaryAid) in onto
    sanction = " ".join(onto.objects(G.EconomicSanction, SKOS.editorialNote))
    assert "163" in sanction and "COERCE" in sanction
    assert Literal("163") in set(onto.objects(G.EconomicSanction, SKOS.notation))


def test_property_domains_ranges(onto):
    assert (G.actor, RDFS.subPropertyOf, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasActor")) in onto
    assert onto.value(G.location, RDFS.range) == G.Place
    assert onto.value(G.modality, RDFS.range) == G.Modality
    assert onto.value(G.countryCode, RDFS.domain) == G.State
    assert onto.value(G.charStart, RDFS.range) == XSD.integer
    assert onto.value(G.date, RDFS.range) == RDFS.Literal
    assert (G.Article, RDFS.subClassOf, URIRef("https://schema.org/NewsArticle")) in onto
    assert (G.Event, RDFS.subClassOf, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")) in onto


def _closure(graph: rdflib.Graph) -> rdflib.Graph:
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return graph


def _problems(graph: rdflib.Graph) -> list[str]:
    errs = [str(graph.value(m, URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")))
            for m in graph.subjects(RDF.type, ERR)]
    errs += [f"owl:Nothing member {s}" for s in graph.subjects(RDF.type, OWL.Nothing)]
    return errs


def _sample(onto: rdflib.Graph, *types: URIRef) -> rdflib.Graph:
    g = rdflib.Graph()
    g += onto
    ev, a, b = URIRef("urn:ex:e1"), URIRef("urn:ex:choe"), URIRef("urn:ex:putin")
    for t in types:
        g.add((ev, RDF.type, t))
    g.add((ev, G.actor, a)); g.add((ev, G.recipient, b))
    g.add((a, RDF.type, G.Person)); g.add((b, RDF.type, G.Person))
    g.add((ev, G.date, Literal("2025-10-27", datatype=XSD.date)))
    g.add((ev, G.modality, G.Asserted)); g.add((ev, G.charStart, Literal(212)))
    g.add((ev, G.confidence, Literal("0.9", datatype=XSD.decimal)))
    g.add((ev, G.evidence, Literal("Choe Son Hui met Vladimir Putin.")))
    g.add((a, G.met, b)); g.add((a, G.affiliation, URIRef("urn:ex:dprk")))
    return g


def test_owl_rl_consistent_with_a_sample_event(onto):
    g = _closure(_sample(onto, G.Meet))
    assert _problems(g) == []
    ev = URIRef("urn:ex:e1")
    assert (ev, RDF.type, G.Consult) in g and (ev, RDF.type, G.Event) in g
    assert (URIRef("urn:ex:choe"), G.consults, URIRef("urn:ex:putin")) in g


def test_owl_rl_detects_an_event_under_two_top_classes(onto):
    g = _closure(_sample(onto, G.Meet, G.Airstrike))
    assert _problems(g), "disjoint top classes should make this inconsistent"
