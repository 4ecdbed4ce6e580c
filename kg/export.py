"""Write a built graph in the formats other tools read: RDF serialisations, GraphML/GEXF
(Gephi, yEd, networkx) and CSV files for Neo4j's bulk importer.

Writers sit in a registry, :data:`FORMATS`, name -> :class:`Format` (in the manner of rdflib's
serializer plugins); the format of a path follows its extension unless named.

>>> from kg.export import export, FORMATS
>>> sorted(FORMATS)[:4]
['gexf', 'graphml', 'jsonld', 'neo4j']
>>> # export("out/graph.trig", "out/graph.gexf")      # a file, a store folder or an rdflib graph

Quad formats (N-Quads, TriG, JSON-LD) keep each article's named graph; triple formats (Turtle,
N-Triples, RDF/XML) hold the union of all graphs. GraphML, GEXF and Neo4j CSV hold the actor
network: actors as nodes, and one edge per (actor, recipient, event class, modality) with the
number of events and their first and last dates.
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from .errors import Errors, InputError, KGError
from .namespaces import ACTOR, GPOL, GPOL_IRI, PREFIXES, WD, bind_prefixes
from .resources import ontology_path

__all__ = [
    "export", "FORMATS", "canonical_literals", "Format", "format_for", "load_dataset", "union_graph",
    "actor_network", "curie", "top_classes", "ClassInfo", "class_info", "ExportErrors",
]

PROV_DERIVED = URIRef(PREFIXES["prov"] + "wasDerivedFrom")
TOP_NAMES = ("Agree", "Consult", "Support", "Concede", "Cooperate", "Aid", "Retreat", "Request",
             "Accuse", "Reject", "Threaten", "Protest", "Sanction", "Mobilize", "Coerce", "Assault")
from .model import ACTOR_KINDS  # noqa: E402  (one list of actor kinds)


class ExportErrors:
    """Numbered messages of the interop commands (export, validate, push): E060-E079."""

    E060 = "[E060] {path}: cannot tell the export format from the extension {ext!r}; use --format with one of {choices}."
    E061 = "[E061] Unknown export format {name!r}; use one of {choices}."
    E062 = "[E062] {path}: cannot write: {detail}"
    E063 = "[E063] {path}: a folder, but the store reader (kg.store) is not installed; give an RDF file."


@dataclass(frozen=True)
class Format:
    """One export format: its name, file extensions and writer ``(dataset, path) -> Path``."""

    name: str
    extensions: tuple[str, ...]
    writer: Callable[[Dataset, Path], Path]
    kind: str  # "quads", "triples", "network" or "folder"
    description: str


# --------------------------------------------------------------------------- reading a source

_READ_FORMATS = {  # extension -> (pyoxigraph RdfFormat attribute, rdflib format)
    ".ttl": ("TURTLE", "turtle"), ".turtle": ("TURTLE", "turtle"), ".nt": ("N_TRIPLES", "nt"),
    ".nq": ("N_QUADS", "nquads"), ".trig": ("TRIG", "trig"), ".jsonld": ("JSON_LD", "json-ld"),
    ".json": ("JSON_LD", "json-ld"), ".rdf": ("RDF_XML", "xml"), ".owl": ("RDF_XML", "xml"),
    ".xml": ("RDF_XML", "xml"), ".n3": ("N3", "n3"),
}


def _to_rdflib(term):
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"unexpected RDF term {term!r}")


def _parse_file(path: Path) -> Dataset:
    """Parse an RDF file into an rdflib Dataset, with pyoxigraph (fast) reading the syntax."""
    import pyoxigraph as ox

    ext = path.suffix.lower()
    if ext not in _READ_FORMATS:
        raise InputError(Errors.E020.format(path=path, ext=ext, choices=", ".join(sorted(_READ_FORMATS))))
    ox_name, _ = _READ_FORMATS[ext]
    ds = Dataset()
    bind_prefixes(ds)
    graphs: dict[str, Graph] = {}
    try:
        for q in ox.parse(path=str(path), format=getattr(ox.RdfFormat, ox_name)):
            s, p, o = _to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)
            if isinstance(q.graph_name, ox.DefaultGraph):
                ds.default_graph.add((s, p, o))
            else:
                name = q.graph_name.value
                g = graphs.get(name)
                if g is None:
                    g = graphs[name] = ds.graph(_to_rdflib(q.graph_name))
                g.add((s, p, o))
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(Errors.E022.format(path=path, detail=str(exc).splitlines()[0] if str(exc) else exc)) from None
    return ds


def load_dataset(source) -> Dataset:
    """The graph in ``source`` as an rdflib Dataset (named graphs kept).

    ``source`` is an rdflib Dataset or Graph, an RDF file (by extension) or a store folder
    (read through :class:`kg.store.KnowledgeGraph`).
    """
    if isinstance(source, Dataset):
        return source
    if isinstance(source, Graph):
        ds = Dataset()
        bind_prefixes(ds)
        for t in source:
            ds.default_graph.add(t)
        return ds
    if hasattr(source, "to_rdflib"):
        return source.to_rdflib()
    path = Path(source)
    if not path.exists():
        raise InputError(Errors.E008.format(path=path))
    if path.is_dir():
        try:
            from .store import KnowledgeGraph  # written alongside; imported lazily
        except ImportError:
            raise InputError(ExportErrors.E063.format(path=path)) from None
        return KnowledgeGraph.load(path).to_rdflib()
    return _parse_file(path)


def union_graph(ds: Dataset) -> Graph:
    """All triples of every graph of ``ds`` in one rdflib Graph, with the project's prefixes."""
    g = Graph()
    bind_prefixes(g)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def curie(term) -> str:
    """A compact name for an IRI with the project's prefixes, e.g. ``actor:russia``."""
    text = str(term)
    best = None
    for prefix, iri in PREFIXES.items():
        if text.startswith(iri) and (best is None or len(iri) > len(PREFIXES[best])):
            best = prefix
    if best is None:
        return f"_:{text}" if isinstance(term, BNode) else text
    return f"{best}:{text[len(PREFIXES[best]):]}"


# --------------------------------------------------------------------------- the class hierarchy

def top_classes() -> tuple[URIRef, ...]:
    """The 16 PLOVER top classes of DATA-MODEL.md, as IRIs."""
    return tuple(URIRef(GPOL_IRI + n) for n in TOP_NAMES)


@dataclass
class ClassInfo:
    """What the ontology says about one event class."""

    top: URIRef | None
    quad: URIRef | None
    relation: URIRef | None


def _ontology_graph(ds: Dataset | Graph | None = None) -> Graph:
    """The bundled ontology (if present) plus any schema triples already in ``ds``."""
    g = Graph()
    path = ontology_path("gpol.ttl")
    if path.is_file():
        g.parse(path, format="turtle")
    if ds is not None:
        quads = ds.quads if isinstance(ds, Dataset) else (lambda pat: ((*t, None) for t in ds.triples(pat[:3])))
        for pred in (RDFS.subClassOf, GPOL.quadClass, GPOL.relation):
            for s, _, o, _ in quads((None, pred, None, None)):
                g.add((s, pred, o))
    return g


def class_info(ds: Dataset | Graph | None = None) -> Callable[[URIRef], ClassInfo]:
    """A lookup from an event class to its top class, quad class and relation property.

    Reads ``rdfs:subClassOf``, ``gpol:quadClass`` and ``gpol:relation`` from the bundled ontology
    and from ``ds``; a quad class is inherited from the nearest class that states one.
    """
    onto = _ontology_graph(ds)
    tops = set(top_classes())
    cache: dict[URIRef, ClassInfo] = {}

    def ancestors(cls: URIRef) -> list[URIRef]:
        seen, order, queue = {cls}, [cls], [cls]
        while queue:
            c = queue.pop(0)
            for sup in onto.objects(c, RDFS.subClassOf):
                if isinstance(sup, URIRef) and sup not in seen:
                    seen.add(sup)
                    order.append(sup)
                    queue.append(sup)
        return order

    def lookup(cls: URIRef) -> ClassInfo:
        if cls not in cache:
            chain = ancestors(cls)
            top = next((c for c in chain if c in tops), None)
            quad = next((q for c in chain for q in onto.objects(c, GPOL.quadClass)), None)
            rel = next(onto.objects(cls, GPOL.relation), None)
            cache[cls] = ClassInfo(top, quad, rel)
        return cache[cls]

    return lookup


# --------------------------------------------------------------------------- RDF writers

def _write_rdflib(fmt: str, triples: bool) -> Callable[[Dataset, Path], Path]:
    def write(ds: Dataset, path: Path) -> Path:
        target = union_graph(ds) if triples else ds
        bind_prefixes(target)
        target.serialize(destination=str(path), format=fmt, encoding="utf-8")
        return path

    return write


def _write_jsonld(ds: Dataset, path: Path) -> Path:
    """Compact JSON-LD with the project's context (ontology/context.jsonld) inlined."""
    context = json.loads(ontology_path("context.jsonld").read_text(encoding="utf-8"))["@context"]
    doc = json.loads(ds.serialize(format="json-ld", context=context, auto_compact=True))
    # rdflib wraps the default graph in a node with "@graph" and no "@id", which JSON-LD reads as
    # a blank-node named graph: put its nodes back at the top level (the default graph).
    if isinstance(doc, dict) and isinstance(doc.get("@graph"), list):
        top = []
        for item in doc["@graph"]:
            if isinstance(item, dict) and set(item) == {"@graph"}:
                top.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
            else:
                top.append(item)
        doc["@graph"] = top
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def canonical_literals(ds: Dataset) -> Dataset:
    """``ds`` with xsd:decimal literals written with a decimal point (``"1"`` -> ``"1.0"``).

    rdflib's Turtle and TriG writers print decimals in the short form, which always has a point,
    so ``"1"^^xsd:decimal`` would come back as ``"1.0"``: the same value, but another RDF term.
    Every RDF export applies this first, so that all formats hold the same statements.
    """
    changes = []
    for s, p, o, g in ds.quads((None, None, None, None)):
        if isinstance(o, Literal) and o.datatype == XSD.decimal and "." not in str(o) \
                and str(o).lstrip("+-").isdigit():
            changes.append((s, p, o, g))
    if not changes:
        return ds
    changed = set(changes)
    out = Dataset()
    bind_prefixes(out)
    for s, p, o, g in ds.quads((None, None, None, None)):
        if (s, p, o, g) in changed:
            o = Literal(str(o).lstrip("+") + ".0", datatype=XSD.decimal)
        _graph_of(out, g).add((s, p, o))
    return out


def _graph_of(ds: Dataset, name) -> Graph:
    if name is None or str(name) == "urn:x-rdflib:default":
        return ds.default_graph
    return ds.graph(name)


# --------------------------------------------------------------------------- the actor network

def _lex(lit) -> str:
    return str(lit) if lit is not None else ""


def _depth(cls: URIRef) -> int:
    """How deep an event class sits under gpol:Event (0 when the taxonomy does not know it)."""
    from .taxonomy import ancestors

    name = str(cls)[len(GPOL_IRI):] if str(cls).startswith(GPOL_IRI) else None
    try:
        return len(ancestors(name)) if name else 0
    except Exception:  # noqa: BLE001 - a class the ontology does not declare
        return 0


def actor_network(source):
    """The actor network of a graph as a networkx ``MultiDiGraph`` with scalar attributes only.

    Nodes are actors (id = CURIE such as ``actor:russia``) with ``label``, ``kind``, ``role``,
    ``countryCode``, ``qid``, ``affiliation`` and ``altLabels`` (joined by ``|``). Each edge
    actor -> recipient aggregates the events of one class and modality: ``type``, ``top``,
    ``quad``, ``relation``, ``modality``, ``count``, ``firstDate``, ``lastDate``.

    >>> from kg.export import actor_network
    >>> # actor_network("out/graph.trig").number_of_nodes()
    """
    import networkx as nx

    ds = load_dataset(source)
    info = class_info(ds)
    g = nx.MultiDiGraph()
    kinds = {URIRef(GPOL_IRI + k): k for k in ACTOR_KINDS}

    def node(actor) -> str:
        key = curie(actor)
        if key not in g:
            g.add_node(key, label=key, kind="", role="", countryCode="", qid="", affiliation="",
                       altLabels="", iri=str(actor))
        return key

    # actors: typed Person/State/Organization anywhere in the dataset
    for s, p, o, _ in ds.quads((None, RDF.type, None, None)):
        if o in kinds:
            node(s)
            g.nodes[curie(s)]["kind"] = kinds[o]
    for key in list(g.nodes):
        iri = URIRef(g.nodes[key]["iri"])
        attrs = g.nodes[key]
        labels = sorted({str(o) for _, _, o, _ in ds.quads((iri, RDFS.label, None, None))})
        if labels:
            attrs["label"] = labels[0]
        alts = sorted({str(o) for _, _, o, _ in ds.quads((iri, SKOS.altLabel, None, None))})
        attrs["altLabels"] = "|".join(alts)
        attrs["role"] = "|".join(sorted({str(o) for _, _, o, _ in ds.quads((iri, GPOL.role, None, None))}))
        attrs["countryCode"] = "|".join(sorted({str(o) for _, _, o, _ in ds.quads((iri, GPOL.countryCode, None, None))}))
        attrs["affiliation"] = "|".join(sorted({curie(o) for _, _, o, _ in ds.quads((iri, GPOL.affiliation, None, None))}))
        qids = sorted({str(o)[len(str(WD)):] for _, _, o, _ in ds.quads((iri, OWL.sameAs, None, None))
                       if str(o).startswith(str(WD))})
        attrs["qid"] = "|".join(qids)

    # events: subjects of gpol:actor
    events = {s for s, _, _, _ in ds.quads((None, GPOL.actor, None, None))}
    edges: dict[tuple, dict] = {}
    for ev in events:
        types = {o for _, _, o, _ in ds.quads((ev, RDF.type, None, None)) if isinstance(o, URIRef)}
        typed = [(t, info(t)) for t in sorted(types) if info(t).top is not None] or \
                [(t, info(t)) for t in sorted(types)]
        if not typed:
            continue
        # the most specific class: the graph types an event by its class and its ancestors
        cls, ci = max(typed, key=lambda tc: _depth(tc[0]))
        modality = next((o for _, _, o, _ in ds.quads((ev, GPOL.modality, None, None))), GPOL.Asserted)
        dates = sorted({str(o) for _, _, o, _ in ds.quads((ev, GPOL.date, None, None))})
        actors = {o for _, _, o, _ in ds.quads((ev, GPOL.actor, None, None))}
        recips = {o for _, _, o, _ in ds.quads((ev, GPOL.recipient, None, None))}
        for a in sorted(actors):
            for r in sorted(recips):
                k = (node(a), node(r), curie(cls), curie(modality))
                e = edges.get(k)
                if e is None:
                    e = edges[k] = dict(
                        type=curie(cls).split(":", 1)[-1], top=_local(ci.top), quad=_local(ci.quad),
                        relation=_local(ci.relation), modality=_local(modality), count=0,
                        firstDate="", lastDate="")
                e["count"] += 1
                if dates:
                    e["firstDate"] = min([d for d in (e["firstDate"], dates[0]) if d])
                    e["lastDate"] = max(e["lastDate"], dates[-1])
    for (a, r, cls, mod), attrs in sorted(edges.items()):
        g.add_edge(a, r, key=f"{cls}|{mod}", label=attrs["relation"] or attrs["type"], **attrs)
    return g


def _local(term) -> str:
    if term is None:
        return ""
    text = str(term)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
            break
    return text


def _write_graphml(ds: Dataset, path: Path) -> Path:
    import networkx as nx

    nx.write_graphml(actor_network(ds), path, encoding="utf-8", named_key_ids=True)
    return path


def _write_gexf(ds: Dataset, path: Path) -> Path:
    import networkx as nx

    g = actor_network(ds)
    for key in g.nodes:  # GEXF reserves "label" for the node label
        g.nodes[key].setdefault("label", key)
    nx.write_gexf(g, path, encoding="utf-8")
    return path


def _neo4j_type(relation: str, type_: str) -> str:
    name = relation or type_ or "RELATED_TO"
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i and not name[i - 1].isupper():
            out.append("_")
        out.append(ch.upper())
    return "".join(out)


NEO4J_NODE_HEADER = ["actorId:ID", "name", "kind", "role", "countryCode", "qid", "affiliation",
                     "iri", "altLabels:string[]", ":LABEL"]
NEO4J_EDGE_HEADER = [":START_ID", ":END_ID", ":TYPE", "eventType", "topType", "quadClass",
                     "modality", "count:int", "firstDate", "lastDate"]


def _write_neo4j(ds: Dataset, path: Path) -> Path:
    """A folder with ``actors.csv`` and ``relationships.csv`` for ``neo4j-admin database import full``."""
    folder = path.with_suffix("") if path.suffix else path
    folder.mkdir(parents=True, exist_ok=True)
    g = actor_network(ds)
    with open(folder / "actors.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(NEO4J_NODE_HEADER)
        for key, a in sorted(g.nodes(data=True)):
            labels = ";".join(["Actor"] + ([a["kind"]] if a["kind"] else []))
            alts = ";".join(x.replace(";", ",") for x in a["altLabels"].split("|") if x)
            w.writerow([key, a["label"], a["kind"], a["role"], a["countryCode"], a["qid"],
                        a["affiliation"], a["iri"], alts, labels])
    with open(folder / "relationships.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(NEO4J_EDGE_HEADER)
        for a, r, e in sorted(g.edges(data=True), key=lambda x: (x[0], x[1], x[2]["type"], x[2]["modality"])):
            w.writerow([a, r, _neo4j_type(e["relation"], e["type"]), e["type"], e["top"], e["quad"],
                        e["modality"], e["count"], e["firstDate"], e["lastDate"]])
    return folder


FORMATS: dict[str, Format] = {f.name: f for f in [
    Format("turtle", (".ttl",), _write_rdflib("turtle", True), "triples", "Turtle (all graphs merged)"),
    Format("ntriples", (".nt",), _write_rdflib("nt", True), "triples", "N-Triples (all graphs merged)"),
    Format("nquads", (".nq",), _write_rdflib("nquads", False), "quads", "N-Quads, one named graph per article"),
    Format("trig", (".trig",), _write_rdflib("trig", False), "quads", "TriG, one named graph per article"),
    Format("jsonld", (".jsonld", ".json"), _write_jsonld, "quads", "compact JSON-LD with ontology/context.jsonld"),
    Format("rdfxml", (".rdf", ".owl", ".xml"), _write_rdflib("xml", True), "triples", "RDF/XML (all graphs merged)"),
    Format("graphml", (".graphml",), _write_graphml, "network", "GraphML actor network (yEd, Gephi, networkx)"),
    Format("gexf", (".gexf",), _write_gexf, "network", "GEXF actor network (Gephi)"),
    Format("neo4j", (), _write_neo4j, "folder", "CSV folder for neo4j-admin database import full"),
]}


def format_for(path, format: str | None = None) -> Format:
    """The :class:`Format` named ``format``, or else the one for the extension of ``path``."""
    choices = ", ".join(FORMATS)
    if format:
        key = format.lower().replace("-", "").replace("_", "")
        aliases = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "jsonld": "jsonld",
                   "xml": "rdfxml", "rdf": "rdfxml", "json": "jsonld"}
        key = aliases.get(key, key)
        if key not in FORMATS:
            raise KGError(ExportErrors.E061.format(name=format, choices=choices))
        return FORMATS[key]
    ext = Path(path).suffix.lower()
    for f in FORMATS.values():
        if ext in f.extensions:
            return f
    raise KGError(ExportErrors.E060.format(path=path, ext=ext, choices=choices))


def export(graph, path, format: str | None = None) -> Path:
    """Write ``graph`` (Dataset, Graph, RDF file or store folder) to ``path``; returns what was written.

    >>> # export("out/graph.trig", "out/graph.jsonld")
    >>> # export("out/graph.trig", "out/neo4j", format="neo4j")   # -> out/neo4j/actors.csv, ...
    """
    path = Path(path)
    fmt = format_for(path, format)
    ds = load_dataset(graph)
    if fmt.kind in ("quads", "triples"):
        ds = canonical_literals(ds)
    if fmt.kind != "folder":
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return fmt.writer(ds, path)
    except OSError as exc:
        raise KGError(ExportErrors.E062.format(path=path, detail=exc.strerror or exc)) from None
