"""The event taxonomy, read from the ontology (``ontology/gpol.ttl``).

The 16 PLOVER top classes and the finer classes under them, each with its direct-edge relation,
quad class and CAMEO codes (``skos:notation``). Everything is read from the ontology once and
cached, so that the ontology stays the single source of truth.

>>> from kg.taxonomy import top_of, relation_of, quad_of, class_for_cameo, plover_to_class
>>> top_of("Meet"), relation_of("Meet"), quad_of("Deploy")
('Consult', 'met', 'MaterialConflict')
>>> class_for_cameo("0361"), class_for_cameo("154"), class_for_cameo("163")
('Agree', 'Deploy', 'EconomicSanction')
>>> plover_to_class("FIGHT")
'Assault'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import KGError
from .resources import ontology_path

__all__ = [
    "EventClass", "TaxonomyError", "TaxonomyErrors",
    "event_classes", "top_classes", "top_of", "relation_of", "quad_of", "ancestors",
    "is_a", "class_for_cameo", "plover_to_class", "normalize_cameo",
]

_GPOL = "https://w3id.org/geopolitical-kg/ontology#"

# PLOVER v0.5 names used by the gold-standard records and older data, and their current names.
_PLOVER_ALIASES = {
    "FIGHT": "ASSAULT",
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
}


class TaxonomyErrors:
    """Numbered messages of this module."""

    E150 = "[E150] {path}: cannot read the ontology: {detail}"
    E151 = "[E151] Unknown event class {name!r}; known classes: {choices}."
    E152 = "[E152] No event class for the CAMEO code {code!r} (CAMEO 01 and the YIELD root 08 are unmapped)."
    E153 = "[E153] Unknown PLOVER event type {label!r}; expected one of {choices}."
    E154 = "[E154] {path}: the ontology declares no event classes under gpol:Event."


class TaxonomyError(KGError, KeyError):
    """An unknown class, code or label; also a ``KeyError`` for dictionary-style callers."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class EventClass:
    """One event class of the ontology with what the pipeline needs to know about it."""

    name: str  # local name, e.g. "Meet"
    top: str  # the PLOVER top class it falls under, e.g. "Consult" (itself for a top class)
    parent: str | None  # direct superclass below gpol:Event; None for a top class
    relation: str  # local name of its direct-edge property, e.g. "met"
    top_relation: str  # the top class's relation, e.g. "consults"
    quad: str  # "VerbalCooperation", "MaterialCooperation", "VerbalConflict" or "MaterialConflict"
    notations: tuple[str, ...]  # CAMEO codes, sorted
    label: str
    comment: str

    @property
    def iri(self) -> str:
        return _GPOL + self.name

    @property
    def relation_iri(self) -> str:
        return _GPOL + self.relation


def _local(term) -> str:
    text = str(term)
    if not text.startswith(_GPOL):
        raise ValueError(text)
    return text[len(_GPOL):]


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[dict[str, EventClass], tuple[str, ...]]:
    import rdflib
    from rdflib.collection import Collection
    from rdflib.namespace import OWL, RDF, RDFS, SKOS

    gpol = rdflib.Namespace(_GPOL)
    graph = rdflib.Graph()
    try:
        graph.parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError, Exception) as exc:  # rdflib raises assorted types
        raise TaxonomyError(TaxonomyErrors.E150.format(path=path, detail=exc)) from None

    parent: dict[str, str | None] = {}
    for cls in graph.subjects(RDF.type, OWL.Class):
        if not str(cls).startswith(_GPOL):
            continue
        supers = [s for s in graph.objects(cls, RDFS.subClassOf) if str(s).startswith(_GPOL)]
        if gpol.Event in supers:
            parent[_local(cls)] = None
        elif supers:
            parent[_local(cls)] = _local(supers[0])
    # keep only classes that reach gpol:Event
    def chain(name: str) -> list[str]:
        seen = [name]
        while parent.get(seen[-1]) is not None:
            nxt = parent[seen[-1]]
            if nxt in seen or nxt not in parent:
                return []
            seen.append(nxt)
        return seen if seen[-1] in parent and parent[seen[-1]] is None else []

    # the order of the top classes: the owl:AllDisjointClasses list (DATA-MODEL order)
    tops = [n for n, p in parent.items() if p is None]
    order: list[str] = []
    for node in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members = [_local(m) for m in Collection(graph, graph.value(node, OWL.members))
                   if str(m).startswith(_GPOL)]
        if set(tops) <= set(members):
            order = [m for m in members if m in tops]
            break
    if not order:
        order = sorted(tops)
    if not order:
        raise TaxonomyError(TaxonomyErrors.E154.format(path=path))

    classes: dict[str, EventClass] = {}
    for name in parent:
        path_up = chain(name)
        if not path_up:
            continue
        top = path_up[-1]
        node = gpol[name]
        rel = graph.value(node, gpol.relation)
        top_rel = graph.value(gpol[top], gpol.relation)
        quad = graph.value(gpol[top], gpol.quadClass)
        classes[name] = EventClass(
            name=name,
            top=top,
            parent=parent[name],
            relation=_local(rel) if rel is not None else "",
            top_relation=_local(top_rel) if top_rel is not None else "",
            quad=_local(quad) if quad is not None else "",
            notations=tuple(sorted(str(n) for n in graph.objects(node, SKOS.notation))),
            label=str(graph.value(node, RDFS.label) or name),
            comment=" ".join(str(graph.value(node, RDFS.comment) or "").split()),
        )
    ordered = {n: classes[n] for n in order}
    ordered.update({n: classes[n] for n in sorted(classes) if n not in ordered})
    return ordered, tuple(order)


@lru_cache(maxsize=1)
def _default_ontology() -> str:
    return str(ontology_path("gpol.ttl"))


def _ontology(path: str | Path | None) -> str:
    # (the default path is resolved once: every top_of/relation_of call passes through here)
    return str(Path(path)) if path is not None else _default_ontology()


def event_classes(path: str | Path | None = None) -> dict[str, EventClass]:
    """All event classes by local name: the 16 top classes first (in DATA-MODEL order), then the finer ones."""
    return dict(_load(_ontology(path))[0])


def top_classes(path: str | Path | None = None) -> list[str]:
    """The 16 PLOVER top classes in DATA-MODEL order (Agree ... Assault)."""
    return list(_load(_ontology(path))[1])


def _get(name: str) -> EventClass:
    classes = _load(_ontology(None))[0]
    local = name[len(_GPOL):] if name.startswith(_GPOL) else name
    try:
        return classes[local]
    except KeyError:
        raise TaxonomyError(TaxonomyErrors.E151.format(
            name=name, choices=", ".join(classes))) from None


@lru_cache(maxsize=1024)
def top_of(name: str) -> str:
    """The top class of an event class: ``top_of("Meet") == "Consult"``."""
    return _get(name).top


def relation_of(name: str) -> str:
    """Local name of the direct-edge property of an event class: ``relation_of("Meet") == "met"``."""
    return _get(name).relation


def quad_of(name: str) -> str:
    """PLOVER quad class of an event class, e.g. ``"VerbalCooperation"``."""
    return _get(name).quad


def ancestors(name: str) -> list[str]:
    """The class and its superclasses up to its top class: ``["Meet", "Consult"]``."""
    out = [_get(name).name]
    while (parent := _get(out[-1]).parent) is not None:
        out.append(parent)
    return out


def is_a(name: str, other: str) -> bool:
    """True when ``name`` is ``other`` or a subclass of it."""
    return _get(other).name in ancestors(name)


def normalize_cameo(code: str) -> str:
    """A CAMEO code as written in the dictionaries (``"[042:043]"``, ``" 0841 "``) -> ``"042"``."""
    text = str(code).strip().strip("[]").strip()
    text = text.split(":", 1)[0].split()[0] if text else text
    return text


@lru_cache(maxsize=4096)
def _by_code(path: str, code: str) -> str | None:
    classes = _load(path)[0]
    for end in range(len(code), 1, -1):
        prefix = code[:end]
        found = [c for c in classes.values() if prefix in c.notations]
        if not found:
            continue
        names = {c.name for c in found}
        # a code carried by a class and by one of its ancestors does not select the finer class
        found = [c for c in found if not (set(_chain(classes, c.name)[1:]) & names)]
        found.sort(key=lambda c: (-len(_chain(classes, c.name)), c.name))
        return found[0].name
    return None


def _chain(classes: dict[str, EventClass], name: str) -> list[str]:
    out = [name]
    while classes[out[-1]].parent is not None:
        out.append(classes[out[-1]].parent)
    return out


def class_for_cameo(code: str) -> str:
    """The most specific event class whose CAMEO codes cover ``code``.

    Exact codes first, then shorter prefixes (``"0361"`` -> ``"036"`` -> ``"03"``).
    """
    norm = normalize_cameo(code)
    found = _by_code(_ontology(None), norm) if norm.isdigit() else None
    if found is None:
        raise TaxonomyError(TaxonomyErrors.E152.format(code=code))
    return found


def plover_to_class(label: str) -> str:
    """The top class of a PLOVER event type: ``"ASSAULT"`` -> ``"Assault"``; v0.5 names accepted."""
    key = str(label).strip().upper()
    key = _PLOVER_ALIASES.get(key, key)
    by_upper = {t.upper(): t for t in top_classes()}
    try:
        return by_upper[key]
    except KeyError:
        raise TaxonomyError(TaxonomyErrors.E153.format(
            label=label, choices=", ".join(sorted(by_upper)))) from None
