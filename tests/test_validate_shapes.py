"""SHACL validation (ontology/shapes.ttl via kg.validate): a clean graph passes, each break is caught."""
import pytest
from rdflib import Literal
from rdflib.namespace import RDF, RDFS, XSD

from interop_fixtures import conforming, copy
from kg.namespaces import ACTOR, ARTICLE, EVENT, GPOL
from kg.validate import validate


def broken(change):
    ds = copy(conforming())
    change(ds, ds.graph(ARTICLE["seed"]), ds.default_graph)
    return validate(ds)


def rules_for(report, focus):
    return {v.rule for v in report.violations if v.focus == focus}


def test_validate_conforming_graph_is_clean():
    report = validate(conforming())
    assert report.conforms, [v.line() for v in report.violations]
    assert (report.events, report.actors) == (5, 5)
    assert report.summary() == "valid: 5 events, 5 actors"


def test_validate_event_without_actor():
    report = broken(lambda ds, g, d: g.remove((EVENT["e1"], GPOL.actor, None)))
    assert not report.conforms
    assert rules_for(report, "event:e1") == {"actor"}


def test_validate_event_with_two_top_classes():
    report = broken(lambda ds, g, d: g.add((EVENT["e1"], RDF.type, GPOL.Assault)))
    (v,) = report.violations
    assert (v.focus, v.rule) == ("event:e1", "one top class")
    assert "gpol:Assault" in v.value and "gpol:Meet" in v.value


def test_validate_event_with_a_class_and_its_own_top_is_fine():
    report = broken(lambda ds, g, d: g.add((EVENT["e1"], RDF.type, GPOL.Consult)))
    assert report.conforms, [v.line() for v in report.violations]


def test_validate_event_with_no_event_class():
    report = broken(lambda ds, g, d: g.remove((EVENT["e2"], RDF.type, None)))
    assert rules_for(report, "event:e2") == {"one top class"}


def test_validate_state_with_two_codes_or_a_bad_code():
    two = broken(lambda ds, g, d: d.add((ACTOR["russia"], GPOL.countryCode, Literal("RUR"))))
    assert rules_for(two, "actor:russia") == {"countryCode", "ISO 3166-1"}
    lower = broken(lambda ds, g, d: d.set((ACTOR["russia"], GPOL.countryCode, Literal("rus"))))
    assert rules_for(lower, "actor:russia") == {"countryCode"}
    fake = broken(lambda ds, g, d: d.set((ACTOR["russia"], GPOL.countryCode, Literal("XYZ"))))
    (v,) = fake.violations
    assert (v.focus, v.rule, v.value) == ("actor:russia", "ISO 3166-1", '"XYZ"')


def test_validate_state_without_code():
    report = broken(lambda ds, g, d: d.remove((ACTOR["north-korea"], GPOL.countryCode, None)))
    assert rules_for(report, "actor:north-korea") == {"countryCode"}


def test_validate_bad_date():
    report = broken(lambda ds, g, d: g.set((EVENT["e1"], GPOL.date, Literal("2025-13-45", datatype=XSD.date))))
    (v,) = report.violations
    assert (v.focus, v.rule) == ("event:e1", "date")
    assert "2025-13-45" in v.value


def test_validate_date_of_wrong_type():
    report = broken(lambda ds, g, d: g.set((EVENT["e1"], GPOL.date, Literal("October 27"))))
    assert rules_for(report, "event:e1") == {"date"}


def test_validate_char_start_after_char_end():
    report = broken(lambda ds, g, d: g.set((EVENT["e1"], GPOL.charStart, Literal(9999))))
    assert rules_for(report, "event:e1") == {"charStart <= charEnd"}


@pytest.mark.parametrize("prop,value,rule", [
    (GPOL.confidence, Literal("1.5", datatype=XSD.decimal), "confidence"),
    (GPOL.modality, GPOL.Event, "modality"),
    (GPOL.evidence, Literal(""), "evidence"),
    (GPOL.charEnd, Literal("12"), "charEnd"),
])
def test_validate_event_property_values(prop, value, rule):
    report = broken(lambda ds, g, d: g.set((EVENT["e1"], prop, value)))
    assert rule in rules_for(report, "event:e1")
    assert rules_for(report, "event:e1") <= {rule, "charStart <= charEnd"}


def test_validate_event_needs_a_source_article():
    report = broken(lambda ds, g, d: g.remove((EVENT["e1"], None, ARTICLE["seed"])))
    assert rules_for(report, "event:e1") == {"source article"}


def test_validate_actor_needs_exactly_one_label():
    report = broken(lambda ds, g, d: d.add((ACTOR["russia"], RDFS.label, Literal("Rossiya", lang="ru"))))
    assert rules_for(report, "actor:russia") == {"label"}
    report = broken(lambda ds, g, d: d.remove((ACTOR["vladimir-putin"], RDFS.label, None)))
    assert rules_for(report, "actor:vladimir-putin") == {"label"}


def test_validate_violation_line_is_plain_words():
    report = broken(lambda ds, g, d: g.remove((EVENT["e1"], GPOL.actor, None)))
    assert report.violations[0].line() == "event:e1: [actor] an event has at least one gpol:actor (an IRI)"


def test_validate_shapes_work_standalone_with_pyshacl_rdfs_inference():
    import pyshacl

    from interop_fixtures import ontology
    from kg.export import union_graph
    from kg.resources import ontology_path

    shapes = str(ontology_path("shapes.ttl"))
    ok, _, text = pyshacl.validate(union_graph(conforming()), shacl_graph=shapes, ont_graph=ontology(),
                                   inference="rdfs")
    assert ok, text
    ds = copy(conforming())
    ds.graph(ARTICLE["seed"]).add((EVENT["e1"], RDF.type, GPOL.Assault))
    ok, _, text = pyshacl.validate(union_graph(ds), shacl_graph=shapes, ont_graph=ontology(), inference="rdfs")
    assert not ok and "exactly one of the 16 PLOVER top classes" in text


def test_validate_unreadable_file_is_a_user_error(tmp_path):
    from kg.errors import InputError

    bad = tmp_path / "broken.ttl"
    bad.write_text("@prefix gpol: <https://w3id.org/geopolitical-kg/ontology#> .\ngpol:a gpol:b .\ngpol:c gpol:d\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match="E022"):
        validate(bad)
