"""Check a graph against the data model: the SHACL shapes in ``ontology/shapes.ttl`` (pySHACL)
plus rules a shape cannot state (a country code must be a real ISO 3166-1 alpha-3 code).

The data graph is the union of all named graphs with the ontology ``ontology/gpol.ttl`` merged
in, so that events typed by a finer class (``gpol:Meet``) are found and reach their top class.

>>> from kg.validate import validate
>>> # report = validate("out/graph.trig")
>>> # report.conforms, len(report.violations), report.events, report.actors
>>> # for v in report.violations: print(v.line())
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from .export import curie, load_dataset, union_graph
from .namespaces import GPOL
from .resources import ontology_path

__all__ = ["validate", "Report", "Violation", "iso_alpha3_codes"]


@dataclass(frozen=True)
class Violation:
    """One broken rule: the node (as a CURIE), the rule's short name, its message, the value."""

    focus: str
    rule: str
    message: str
    value: str = ""

    def line(self) -> str:
        """The violation in one line, e.g. ``event:e1: [actor] an event has at least one gpol:actor``."""
        tail = f" (value: {self.value})" if self.value else ""
        return f"{self.focus}: [{self.rule}] {self.message}{tail}"


@dataclass
class Report:
    """The outcome of :func:`validate`."""

    violations: list[Violation] = field(default_factory=list)
    events: int = 0
    actors: int = 0
    triples: int = 0

    @property
    def conforms(self) -> bool:
        return not self.violations

    def summary(self) -> str:
        if self.conforms:
            return f"valid: {self.events} events, {self.actors} actors"
        return (f"invalid: {len(self.violations)} violation(s) in {self.events} events, "
                f"{self.actors} actors")


def iso_alpha3_codes() -> frozenset[str]:
    """All ISO 3166-1 alpha-3 codes pycountry knows, plus the user-assigned codes the gazetteer
    gives states that ISO does not list (Kosovo's XKX, as the EU and IMF use it)."""
    import pycountry

    from .actors.gazetteer import Gazetteer

    codes = {c.alpha_3 for c in pycountry.countries}
    codes.update(e.iso3 for e in Gazetteer.load() if e.kind == "State" and e.iso3)
    return frozenset(codes)


def _show(term) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        text = str(term)
        text = text if len(text) <= 60 else text[:57] + "..."
        dt = f"^^{curie(term.datatype)}" if term.datatype else ""
        return f'"{text}"{dt}'
    return curie(term)


def _rule_name(shapes: Graph, results: Graph, result) -> str:
    source = results.value(result, SH.sourceShape)
    for g in (shapes, results):
        name = g.value(source, SH.name) if source is not None else None
        if name is not None:
            return str(name)
    path = results.value(result, SH.resultPath)
    comp = results.value(result, SH.sourceConstraintComponent)
    comp = str(comp).rsplit("#", 1)[-1].replace("ConstraintComponent", "") if comp else "constraint"
    return f"{curie(path)} {comp}" if isinstance(path, URIRef) else comp


def validate(graph, *, shapes=None, ontology=None) -> Report:
    """Validate ``graph`` (a Dataset, Graph, RDF file or store folder) against the data model.

    ``shapes`` and ``ontology`` default to the bundled ``ontology/shapes.ttl`` and
    ``ontology/gpol.ttl`` (paths or rdflib Graphs).
    """
    import pyshacl

    ds = load_dataset(graph)
    data = union_graph(ds)
    onto = _as_graph(ontology if ontology is not None else ontology_path("gpol.ttl"), optional=ontology is None)
    shapes_g = _as_graph(shapes if shapes is not None else ontology_path("shapes.ttl"))
    n_data = len(data)
    for t in onto:
        data.add(t)
    _close_types(data)

    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes_g, inference="none", abort_on_first=False,
        allow_infos=True, allow_warnings=True, advanced=True)

    report = Report(triples=n_data)
    events = _instances(data, GPOL.Event) | set(data.subjects(GPOL.actor, None))
    actors = _instances(data, GPOL.Actor) | set(data.objects(None, GPOL.actor)) | set(data.objects(None, GPOL.recipient))
    report.events, report.actors = len(events), len(actors)

    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        value = results.value(result, SH.value)
        rule = _rule_name(shapes_g, results, result)
        msg = str(results.value(result, SH.resultMessage) or rule)
        if value is None and rule in ("one top class", "actor class"):
            value_text = ", ".join(sorted(curie(t) for t in ds_types(ds, focus))) or "no rdf:type"
        else:
            value_text = _show(value)
        report.violations.append(Violation(curie(focus), rule, msg, value_text))

    # ISO 3166-1: a code of the right shape that no country has
    codes = iso_alpha3_codes()
    for state in sorted(_instances(data, GPOL.State)):
        for code in data.objects(state, GPOL.countryCode):
            text = str(code)
            if len(text) == 3 and text.isupper() and text.isalpha() and text not in codes:
                report.violations.append(Violation(
                    curie(state), "ISO 3166-1", "gpol:countryCode is not an ISO 3166-1 alpha-3 code",
                    _show(code)))
    report.violations.sort(key=lambda v: (v.focus, v.rule, v.value))
    return report


def ds_types(ds, node) -> set:
    """The rdf:type values stated for ``node`` in any graph of ``ds`` (before any closure)."""
    return {o for _, _, o, _ in ds.quads((node, RDF.type, None, None))}


def _close_types(g: Graph) -> None:
    """Add ``?x a ?super`` for every ``?x a ?c`` and ``?c rdfs:subClassOf+ ?super`` (RDFS rule rdfs9).

    Far cheaper than evaluating ``rdf:type/rdfs:subClassOf*`` per focus node inside pySHACL.
    """
    supers: dict = {}
    for c in set(g.objects(None, RDF.type)):
        supers[c] = [s for s in g.transitive_objects(c, RDFS.subClassOf) if s != c]
    for x, c in list(g.subject_objects(RDF.type)):
        for s in supers.get(c, ()):
            g.add((x, RDF.type, s))


def _instances(g: Graph, cls: URIRef) -> set:
    classes = set(g.transitive_subjects(RDFS.subClassOf, cls))
    return {s for c in classes for s in g.subjects(RDF.type, c)}


def _as_graph(source, optional: bool = False) -> Graph:
    if isinstance(source, Graph):
        return source
    g = Graph()
    path = Path(source)
    if optional and not path.is_file():
        return g
    g.parse(path, format="turtle")
    return g
