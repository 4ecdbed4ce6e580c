"""The actor network of a graph: a networkx ``MultiDiGraph`` read from the RDF.

Nodes are actors (keyed by IRI) with their names, kind, role, affiliation and Wikidata link;
edges run from each actor of an event to each of its recipients, one edge per event (keyed by
the event IRI) carrying its class, top class, quad class, relation, date, modality, evidence and
article. Direct edges such as ``?a gpol:met ?b`` that no event node backs become edges of their
own (``event=False``). Class facts come from :mod:`kg.taxonomy` (the ontology), or, when a class
is unknown there, from ``rdfs:subClassOf`` / ``gpol:quadClass`` / ``gpol:relation`` triples in
the graph itself.

>>> from kg.analysis.network import build_network
>>> net = build_network("examples/sample-graph.trig")
>>> net.nodes["https://w3id.org/geopolitical-kg/resource/actor/russia"]["label"]
'Russia'
>>> sorted({d["quad"] for _, _, d in net.edges(data=True)})[:2]
['MaterialConflict', 'MaterialCooperation']
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from ..errors import KGError
from ..namespaces import ACTOR, GPOL, GPOL_IRI

__all__ = [
    "AnalysisError", "AnalysisErrors", "ClassInfo", "build_network", "iter_triples",
    "find_actors", "ego_network", "filter_network", "date_bounds", "in_date_range", "QUADS", "KINDS",
]

QUADS = ("VerbalCooperation", "MaterialCooperation", "VerbalConflict", "MaterialConflict")
from ..model import ACTOR_KINDS as KINDS  # noqa: E402  (one list of actor kinds)


class AnalysisErrors:
    """Numbered messages of the views and analysis modules."""

    E180 = "[E180] Cannot read a graph from {kind}; give an rdflib Graph/Dataset, a KnowledgeGraph, an RDF file or a store folder."
    E181 = "[E181] No actor named {name!r} in the graph (names are matched case-insensitively against labels and altLabels)."
    E182 = ("[E182] {option} {value!r} is not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD, "
            "with a month from 01 to 12 and a day that month has).")
    E183 = "[E183] Unknown event type(s) {names}; known: {choices}."
    E184 = "[E184] --depth must be 0 or more, not {value}."
    E185 = "[E185] {path}: cannot write the view: {detail}"


class AnalysisError(KGError, ValueError):
    """Bad input to a view or an analysis; the message says what to change."""


@dataclass(frozen=True)
class ClassInfo:
    """What the views need to know about one event class."""

    name: str
    top: str
    quad: str
    relation: str
    ancestors: tuple[str, ...]  # the class itself first, its top class last


def _local(term) -> str:
    text = str(term)
    if text.startswith(GPOL_IRI):
        return text[len(GPOL_IRI):]
    return re.split(r"[#/]", text)[-1]


def iter_triples(source) -> Iterator[tuple]:
    """Every triple of ``source`` (all graphs merged) as rdflib terms.

    ``source`` is an rdflib Graph or Dataset, an object with ``quads()`` (``kg.store.KnowledgeGraph``)
    or ``to_rdflib()``, or a path to an RDF file or a store folder.
    """
    if isinstance(source, (str, Path)):
        from ..store import KnowledgeGraph  # lazily: the store pulls in pyoxigraph

        kg = KnowledgeGraph.load(source, read_only=True) if Path(source).is_dir() else KnowledgeGraph.load(source)
        try:
            yield from kg.triples(skip_predicates=_UNREAD)
        finally:
            kg.close()
        return
    if isinstance(source, Graph):
        if hasattr(source, "quads") and getattr(source, "context_aware", False):
            for s, p, o, _g in source.quads((None, None, None, None)):
                yield s, p, o
        else:
            yield from source.triples((None, None, None))
        return
    if hasattr(source, "triples") and callable(source.triples) and hasattr(source, "named_graphs"):
        yield from source.triples(skip_predicates=_UNREAD)  # a kg.store.KnowledgeGraph
        return
    if hasattr(source, "quads") and callable(source.quads):
        for quad in source.quads():
            yield quad[0], quad[1], quad[2]
        return
    if hasattr(source, "to_rdflib"):
        yield from iter_triples(source.to_rdflib())
        return
    raise AnalysisError(AnalysisErrors.E180.format(kind=type(source).__name__))


class _Classes:
    """Event-class facts: kg.taxonomy first, the graph's own ontology triples as a fallback."""

    def __init__(self, sub: dict[str, str], quad: dict[str, str], rel: dict[str, str], taxonomy=None):
        self._sub, self._quad, self._rel = sub, quad, rel
        self._cache: dict[str, ClassInfo] = {}
        if taxonomy is None:
            try:
                from .. import taxonomy as taxonomy_module

                taxonomy_module.event_classes()
                taxonomy = taxonomy_module
            except Exception:  # noqa: BLE001 - no ontology: the graph's triples have to do
                taxonomy = None
        self._tax = taxonomy

    def info(self, name: str) -> ClassInfo:
        if name in self._cache:
            return self._cache[name]
        found = None
        if self._tax is not None:
            try:
                anc = tuple(self._tax.ancestors(name)) if hasattr(self._tax, "ancestors") else (name,)
                top = self._tax.top_of(name)
                if anc[-1] != top:
                    anc = anc + (top,)
                found = ClassInfo(name, top, self._tax.quad_of(name) or "", self._tax.relation_of(name) or "", anc)
            except KeyError:
                found = None
        if found is None:
            chain = [name]
            while chain[-1] in self._sub and self._sub[chain[-1]] not in chain and self._sub[chain[-1]] != "Event":
                chain.append(self._sub[chain[-1]])
            top = chain[-1]
            quad = next((self._quad[c] for c in chain if c in self._quad), "")
            found = ClassInfo(name, top, quad, self._rel.get(name, ""), tuple(chain))
        self._cache[name] = found
        return found

    def relation_index(self) -> dict[str, str]:
        """Relation local name -> the event class that names it (finer classes win)."""
        out: dict[str, str] = {}
        if self._tax is not None:
            for cls in self._tax.event_classes().values():
                name = getattr(cls, "name", cls)
                rel = self._tax.relation_of(name)
                if rel and (rel not in out or self.info(out[rel]).name == self.info(out[rel]).top):
                    out[rel] = name
        for name, rel in self._rel.items():
            out.setdefault(rel, name)
        return out


_EVENT_PROPS = {GPOL.actor, GPOL.recipient, GPOL.date, GPOL.modality, GPOL.evidence,
                GPOL.confidence, PROV.wasDerivedFrom}
_ACTOR_PROPS = {RDFS.label, SKOS.altLabel, GPOL.role, GPOL.affiliation, OWL.sameAs, GPOL.countryCode}
_ARTICLE_PROPS = {DCTERMS.title, DCTERMS.date, DCTERMS.identifier}
# event details the network does not show: not converted at all when read from a store
_UNREAD = {GPOL.charStart, GPOL.charEnd, GPOL.trigger, GPOL.cameoCode, GPOL.contentHash,
           GPOL.actorSector, GPOL.recipientSector, GPOL.recipientInferred}
_NOT_RELATIONS = {GPOL.affiliation, GPOL.actor, GPOL.recipient, GPOL.claimedBy, GPOL.location,
                  GPOL.relation, GPOL.quadClass}


def build_network(source, *, taxonomy=None) -> nx.MultiDiGraph:
    """Read actors and events of ``source`` into a ``MultiDiGraph`` (see the module docstring).

    ``taxonomy`` is an object with ``top_of``, ``quad_of``, ``relation_of`` and
    ``event_classes`` (default: :mod:`kg.taxonomy`). The graph's ``graph`` dict holds
    ``solo_events`` (events without a recipient) and ``events_by_type`` counts.
    """
    types: dict = defaultdict(set)
    props: dict = defaultdict(lambda: defaultdict(list))
    sub: dict[str, str] = {}
    quad: dict[str, str] = {}
    rel: dict[str, str] = {}
    direct: list[tuple] = []
    wanted = _EVENT_PROPS | _ACTOR_PROPS | _ARTICLE_PROPS
    # (names bound once: a DefinedNamespace attribute costs a lookup on each of ~250,000 triples)
    # (one dict lookup per triple decides what it is: ~250,000 triples for 10,000 actors)
    dispatch = {RDF.type: 1, RDFS.subClassOf: 3, GPOL.quadClass: 4, GPOL.relation: 5}
    dispatch.update((w, 2) for w in wanted)
    not_relations, uriref = _NOT_RELATIONS, URIRef
    seen_other: dict = {}
    for s, p, o in iter_triples(source):
        k = dispatch.get(p)
        if k == 1:
            types[s].add(o)
        elif k == 2:
            props[s][p].append(o)
        elif k == 3:
            if s.startswith(GPOL_IRI) and o.startswith(GPOL_IRI):
                sub[_local(s)] = _local(o)
        elif k == 4:
            quad[_local(s)] = _local(o)
        elif k == 5:
            rel[_local(s)] = _local(o)
        else:
            is_rel = seen_other.get(p)
            if is_rel is None:
                is_rel = seen_other[p] = p.startswith(GPOL_IRI) and p not in not_relations
            if is_rel and isinstance(o, uriref):
                direct.append((s, p, o))
    classes = _Classes(sub, quad, rel, taxonomy)

    def first(node, prop, default=None):
        values = props[node].get(prop)
        return values[0] if values else default

    net = nx.MultiDiGraph()
    kinds = {GPOL[k]: k for k in KINDS}
    kinds[GPOL.Actor] = "Actor"

    def add_actor(node) -> str:
        key = str(node)
        if key in net:
            return key
        kind = next((kinds[t] for t in types.get(node, ()) if t in kinds and kinds[t] != "Actor"), "Actor")
        label = first(node, RDFS.label)
        alts = sorted({str(a) for a in props[node].get(SKOS.altLabel, [])} - {str(label)})
        aff = first(node, GPOL.affiliation)
        wd = next((str(x) for x in props[node].get(OWL.sameAs, []) if "wikidata.org/entity/" in str(x)), None)
        slug = key[len(str(ACTOR)):] if key.startswith(str(ACTOR)) else _local(node)
        net.add_node(key, kind=kind, label=str(label) if label is not None else slug.replace("-", " "),
                     alt_labels=alts, role=str(first(node, GPOL.role, "")) or None,
                     affiliation=str(aff) if aff is not None else None, wikidata=wd,
                     country_code=str(first(node, GPOL.countryCode, "")) or None, key=slug)
        return key

    for node, ts in types.items():
        if any(t in kinds for t in ts):
            add_actor(node)
    for key, data in net.nodes(data=True):
        aff = data["affiliation"]
        if aff is not None:
            data["affiliation_label"] = net.nodes[aff]["label"] if aff in net else _local(aff)

    covered: set[tuple[str, str, str]] = set()
    solo: list[dict] = []
    by_type: dict[str, int] = defaultdict(int)
    for node, ts in types.items():
        if GPOL.actor not in props.get(node, {}):
            continue
        # the most specific class: an event is typed by its class and its ancestors (Meet, Consult)
        etype = max((_local(t) for t in ts if str(t).startswith(GPOL_IRI)),
                    key=lambda name: (len(classes.info(name).ancestors), name), default="Event")
        info = classes.info(etype)
        article = first(node, PROV.wasDerivedFrom)
        modality = _local(first(node, GPOL.modality, GPOL.Asserted))
        date = first(node, GPOL.date)
        conf = first(node, GPOL.confidence)
        record = dict(
            event=str(node), type=etype, top=info.top, quad=info.quad,
            relation=info.relation or _lower_first(etype), ancestors=info.ancestors,
            date=str(date) if date is not None else None, modality=modality,
            evidence=str(first(node, GPOL.evidence, "")),
            confidence=float(conf.toPython()) if isinstance(conf, Literal) else None,
            article=str(article) if article is not None else None,
            article_title=str(first(article, DCTERMS.title, "")) if article is not None else "",
            article_date=str(first(article, DCTERMS.date, "")) if article is not None else "",
        )
        by_type[etype] += 1
        actors = [add_actor(a) for a in props[node][GPOL.actor]]
        recipients = [add_actor(r) for r in props[node].get(GPOL.recipient, [])]
        if not recipients:
            solo.append(dict(record, actors=actors))
        for a in actors:
            for r in recipients:
                if a == r:
                    continue
                net.add_edge(a, r, key=str(node), **record)
                if modality == "Asserted":
                    for cls in info.ancestors:
                        covered.add((a, classes.info(cls).relation, r))
    rel_index = None
    for s, p, o in direct:
        ks, ko = str(s), str(o)
        if ks not in net or ko not in net:
            continue  # not between two actors (e.g. an article or place link)
        relation = _local(p)
        if (ks, relation, ko) in covered:
            continue
        if rel_index is None:
            rel_index = classes.relation_index()
        etype = rel_index.get(relation, "")
        info = classes.info(etype) if etype else ClassInfo("", "", "", relation, ())
        net.add_edge(ks, ko, key=f"{ks} {relation} {ko}", event=None, type=etype, top=info.top,
                     quad=info.quad, relation=relation, ancestors=info.ancestors, date=None,
                     modality="Asserted", evidence="", confidence=None, article=None,
                     article_title="", article_date="")
        covered.add((ks, relation, ko))
    net.graph["solo_events"] = solo
    net.graph["events_by_type"] = dict(by_type)
    return net


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def _norm(text: str) -> str:
    return " ".join(str(text).casefold().split())


def find_actors(net: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes whose label or altLabel equals ``name`` (case-insensitively); else those whose
    names contain it. Raises :class:`AnalysisError` (E181) when none does."""
    want = _norm(name)
    exact, partial = [], []
    for node, data in net.nodes(data=True):
        names = [_norm(data.get("label", ""))] + [_norm(a) for a in data.get("alt_labels", [])]
        if want in names:
            exact.append(node)
        elif any(want in n for n in names):
            partial.append(node)
    if exact or partial:
        return exact or partial
    raise AnalysisError(AnalysisErrors.E181.format(name=name))


def ego_network(net: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    """The actors within ``depth`` hops (either direction) of the actor(s) named ``name``."""
    if depth < 0:
        raise AnalysisError(AnalysisErrors.E184.format(value=depth))
    keep: set = set()
    undirected = net.to_undirected(as_view=True)
    for centre in find_actors(net, name):
        keep |= set(nx.ego_graph(undirected, centre, radius=depth))
    return net.subgraph(keep).copy()


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_bounds(text: str | None) -> tuple[str, str] | None:
    """First and last day an ISO date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) covers, as strings;
    ``None`` when ``text`` is not a calendar date (``2025-13``, ``2025-02-30``, ``yesterday``).

    >>> date_bounds("2025-02")
    ('2025-02-01', '2025-02-31')
    >>> date_bounds("2025-02-30") is None
    True
    """
    if not text:
        return None
    m = _DATE.fullmatch(str(text).strip())
    if not m:
        return None
    y, mo, d = m.groups()
    try:
        _dt.date(int(y), int(mo or 1), int(d or 1))
    except ValueError:   # month 00 or 13, 30 February, year 0000
        return None
    if d:
        return f"{y}-{mo}-{d}", f"{y}-{mo}-{d}"
    if mo:
        return f"{y}-{mo}-01", f"{y}-{mo}-31"  # string bounds: '31' sorts after every real day
    return f"{y}-01-01", f"{y}-12-31"


def in_date_range(date: str | None, lo: tuple[str, str] | None, hi: tuple[str, str] | None, *,
                  keep_undated: bool = True) -> bool:
    """Whether an event dated ``date`` (a day, month or year) overlaps the range from ``lo`` to
    ``hi`` (:func:`date_bounds` of ``since`` and ``until``; ``None``: open); an undated event
    is in it when ``keep_undated``.

    >>> in_date_range("2025-10", date_bounds("2025-10-15"), None), in_date_range(None, None, None)
    (True, True)
    >>> in_date_range("2024", date_bounds("2025"), None), in_date_range(None, None, None, keep_undated=False)
    (False, False)
    """
    b = date_bounds(date)
    if b is None:
        return keep_undated
    return not ((lo and b[1] < lo[0]) or (hi and b[0] > hi[1]))


def filter_network(net: nx.MultiDiGraph, *, since: str | None = None, until: str | None = None,
                   types: Iterable[str] | None = None, focus: str | None = None,
                   depth: int = 1, keep_isolated: bool | None = None,
                   keep_undated: bool = True) -> nx.MultiDiGraph:
    """A copy of ``net`` with only the events that pass the filters.

    ``since``/``until`` are ISO dates; an event is kept when its date (a day, month or year)
    overlaps the range; events without a date are kept unless ``keep_undated`` is false.
    ``types`` are class names; a class includes its subclasses. ``focus``/``depth`` keep the
    ego network around the actor named ``focus``. Actors left without events are dropped when
    an event filter was given (``keep_isolated`` overrides).
    """
    lo = date_bounds(since) if since else None
    hi = date_bounds(until) if until else None
    if since and lo is None:
        raise AnalysisError(AnalysisErrors.E182.format(option="--since", value=since))
    if until and hi is None:
        raise AnalysisError(AnalysisErrors.E182.format(option="--until", value=until))
    wanted = None
    if types:
        wanted = {t.strip() for t in types if t and t.strip()}
        known = {t for _, _, d in net.edges(data=True) for t in d.get("ancestors", ())}
        try:
            from ..taxonomy import event_classes

            known |= set(event_classes())
        except Exception:  # noqa: BLE001 - without the ontology, the graph's classes are the list
            pass
        unknown = sorted(wanted - known)
        if unknown:
            raise AnalysisError(AnalysisErrors.E183.format(names=", ".join(unknown),
                                                           choices=", ".join(sorted(known))))
    centres = set(find_actors(net, focus)) if focus else set()
    out = net.copy()
    if lo or hi or wanted:
        drop = []
        for u, v, k, d in out.edges(keys=True, data=True):
            if wanted is not None and not wanted.intersection(d.get("ancestors", ())):
                drop.append((u, v, k))
                continue
            if (lo or hi) and not in_date_range(d.get("date"), lo, hi, keep_undated=keep_undated):
                drop.append((u, v, k))
        out.remove_edges_from(drop)
        if keep_isolated is not True:
            out.remove_nodes_from([n for n in list(out) if out.degree(n) == 0 and n not in centres])
    if focus:
        out = ego_network(out, focus, depth)
    return out
