"""OWL 2 RL reasoning (owlrl) over the ontology plus a graph: no inconsistency in a clean graph,
and an event typed by two disjoint top classes is detected."""
import owlrl
import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import OWL, RDF

from interop_fixtures import conforming, copy, ontology
from kg.export import union_graph
from kg.namespaces import ACTOR, ARTICLE, EVENT, GPOL

ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")  # where owlrl writes its errors


def closure(ds) -> Graph:
    g = union_graph(ds)
    for t in ontology():
        g.add(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    return g


def problems(g: Graph) -> list[str]:
    out = [str(m) for node in g.subjects(RDF.type, ERR.ErrorMessage) for m in g.objects(node, ERR.error)]
    out += [f"{s} is owl:Nothing" for s in g.subjects(RDF.type, OWL.Nothing)]
    for a, b in g.subject_objects(OWL.differentFrom):
        if (a, OWL.sameAs, b) in g and a != b:
            out.append(f"{a} both sameAs and differentFrom {b}")
    return out


@pytest.fixture(scope="module")
def clean():
    return closure(conforming())


def test_reasoner_finds_no_inconsistency_in_a_conforming_graph(clean):
    assert problems(clean) == []


def test_reasoner_infers_top_classes_and_event(clean):
    assert (EVENT["e1"], RDF.type, GPOL.Consult) in clean
    assert (EVENT["e2"], RDF.type, GPOL.Mobilize) in clean
    assert (EVENT["e1"], RDF.type, GPOL.Event) in clean
    assert (ACTOR["russia"], RDF.type, GPOL.Actor) in clean


def test_reasoner_detects_an_event_in_two_disjoint_top_classes():
    ds = copy(conforming())
    ds.graph(ARTICLE["seed"]).add((EVENT["e1"], RDF.type, GPOL.Assault))
    found = problems(closure(ds))
    assert found and any("disjoint" in p.lower() for p in found), found
    assert any("Assault" in p or "Consult" in p for p in found)


def test_reasoner_detects_an_actor_in_two_disjoint_actor_kinds():
    ds = copy(conforming())
    ds.default_graph.add((ACTOR["russia"], RDF.type, GPOL.Person))
    assert problems(closure(ds))
