"""Load a graph into a SPARQL server with the SPARQL 1.1 Graph Store Protocol (GSP).

Each article's named graph is sent with HTTP ``PUT ...?graph=<article IRI>``, which *replaces*
that graph on the server: pushing the same graph twice leaves one copy, and pushing a rebuilt
article replaces its old events. The default graph (actors, the ontology) is sent with
``POST ...?default``, which *merges*: actors are shared by all articles and by other pushes, so
replacing the default graph would delete actors another push still needs, while merging the same
triples again changes nothing (RDF graphs are sets). ``replace_default=True`` uses PUT instead.

Merging is idempotent only for triples without blank nodes: the ontology's lists and
``owl:AllDisjointClasses`` axioms are blank nodes, and a server reads each upload's blank nodes as
new ones. So the default graph's blank nodes are *skolemised* before sending (RDF 1.1 Concepts,
3.5): each becomes the IRI ``https://w3id.org/geopolitical-kg/.well-known/genid/<hash>``, the hash
being that of the blank node's canonical label (rdflib's RGDA1) and of the canonical form of the
triples of its connected group of blank nodes. The same axioms give the same IRIs on every push,
from any source file.

Only the standard library is used (``http.client``, one kept-alive connection).

>>> from kg.push import push, graph_store_url
>>> graph_store_url("http://127.0.0.1:7878/query")
'http://127.0.0.1:7878/store'
>>> # push("out/graph.trig", "http://127.0.0.1:7878/query").graphs
>>> from rdflib import BNode, Graph, URIRef
>>> g = Graph(); _ = g.add((URIRef("urn:x"), URIRef("urn:p"), BNode()))
>>> str(next(iter(skolemize(g)))[2]).startswith("https://w3id.org/geopolitical-kg/.well-known/genid/")
True
"""
from __future__ import annotations

import hashlib
import http.client
import socket
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit, urlunsplit

from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph

from .errors import KGError
from .export import load_dataset
from .namespaces import bind_prefixes

__all__ = ["push", "graph_store_url", "skolemize", "GENID", "PushReport", "PushErrors"]

GENID = "https://w3id.org/geopolitical-kg/.well-known/genid/"


class PushErrors:
    """Numbered messages of :mod:`kg.push` (E065-E069)."""

    E065 = "[E065] {url}: the server answered {status} {reason}: {body}"
    E066 = "[E066] Cannot reach {url}: {detail}. Is the SPARQL server running there?"
    E067 = ("[E067] Cannot tell the Graph Store Protocol URL from the endpoint {url}; "
            "pass --graph-store URL (Oxigraph: .../store, Fuseki: .../DATASET/data, "
            "GraphDB: .../repositories/REPO/rdf-graphs/service).")
    E068 = "[E068] {url}: not an http(s) URL."


@dataclass
class PushReport:
    """What :func:`push` sent: ``graphs`` maps each named graph IRI to its number of triples."""

    store: str
    graphs: dict[str, int] = field(default_factory=dict)
    default_triples: int = 0
    requests: int = 0

    @property
    def triples(self) -> int:
        return self.default_triples + sum(self.graphs.values())


def graph_store_url(endpoint: str, graph_store: str | None = None) -> str:
    """The GSP URL for a SPARQL endpoint: given, or derived from the usual server layouts.

    Oxigraph ``.../query`` -> ``.../store``; Fuseki ``.../ds/sparql`` or ``.../ds/query`` ->
    ``.../ds/data``; GraphDB/RDF4J ``.../repositories/R`` -> ``.../repositories/R/rdf-graphs/service``;
    a bare server URL -> ``/store`` (Oxigraph).
    """
    if graph_store:
        _check_url(graph_store)
        return graph_store
    _check_url(endpoint)
    parts = urlsplit(endpoint)
    path = parts.path.rstrip("/")
    segments = path.split("/")
    if path == "":
        new = "/store"
    elif len(segments) >= 3 and segments[-2] == "repositories":
        new = path + "/rdf-graphs/service"
    elif segments[-1] == "query" and len(segments) == 2:
        new = "/store"  # Oxigraph: /query and /store at the root
    elif segments[-1] in ("sparql", "query"):
        new = "/".join(segments[:-1]) + "/data"  # Fuseki: /DATASET/sparql and /DATASET/data
    else:
        raise KGError(PushErrors.E067.format(url=endpoint))
    return urlunsplit((parts.scheme, parts.netloc, new, "", ""))


def _check_url(url: str) -> None:
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise KGError(PushErrors.E068.format(url=url))


class _Client:
    def __init__(self, url: str, timeout: float):
        self.parts = urlsplit(url)
        self.timeout = timeout
        self.conn = None

    def _connect(self):
        cls = http.client.HTTPSConnection if self.parts.scheme == "https" else http.client.HTTPConnection
        self.conn = cls(self.parts.netloc, timeout=self.timeout)

    def send(self, method: str, query: str, body: bytes) -> None:
        base = self.parts.path or "/"
        sep = "&" if self.parts.query else "?"
        target = base + (f"?{self.parts.query}" if self.parts.query else "") + sep + query
        url = urlunsplit((self.parts.scheme, self.parts.netloc, base, "", "")) + sep + query
        headers = {"Content-Type": "application/n-triples; charset=utf-8"}
        for attempt in (1, 2):  # a kept-alive connection the server closed: reconnect once
            if self.conn is None:
                self._connect()
            try:
                self.conn.request(method, target, body=body, headers=headers)
                resp = self.conn.getresponse()
                text = resp.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                self.close()
                if attempt == 2:
                    raise KGError(PushErrors.E066.format(url=url, detail=exc)) from None
            except (ConnectionRefusedError, socket.timeout, socket.gaierror, OSError) as exc:
                self.close()
                raise KGError(PushErrors.E066.format(url=url, detail=getattr(exc, "strerror", None) or exc)) from None
        if resp.status >= 300:
            body_text = text.decode("utf-8", "replace").strip().replace("\n", " ")[:300]
            raise KGError(PushErrors.E065.format(url=url, status=resp.status, reason=resp.reason, body=body_text))

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def _ntriples(g: Graph) -> bytes:
    out = Graph()
    for t in g:
        out.add(t)
    return out.serialize(format="nt", encoding="utf-8")


def skolemize(g: Graph) -> Graph:
    """A copy of ``g`` whose blank nodes are replaced by Skolem IRIs (``GENID`` + a hash) that
    depend only on what each blank node's connected group of blank-node triples says, so that the
    same axioms parsed twice (with new blank node labels) give the same IRIs. (Two groups that say
    exactly the same thing become one, which changes no entailment.)"""
    out = Graph()
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    touching = []
    for t in g:
        s, _, o = t
        if isinstance(s, BNode) or isinstance(o, BNode):
            touching.append(t)
            if isinstance(s, BNode) and isinstance(o, BNode):
                parent[find(s)] = find(o)
            else:
                find(s if isinstance(s, BNode) else o)
        else:
            out.add(t)
    groups: dict = {}
    for t in touching:
        groups.setdefault(find(t[0] if isinstance(t[0], BNode) else t[2]), Graph()).add(t)

    for part in groups.values():
        canon = to_canonical_graph(part)
        # a canonical label is unique within its group only (identical list tails of two
        # groups get the same one): the IRI hashes it together with the whole group
        group = hashlib.sha256("\n".join(sorted(" ".join(x.n3() for x in t) for t in canon)).encode()).hexdigest()

        def iri(term, group=group):
            if not isinstance(term, BNode):
                return term
            return URIRef(GENID + hashlib.sha256(f"{group} {term}".encode()).hexdigest()[:32])

        for s, p, o in canon:
            out.add((iri(s), p, iri(o)))
    return out


def push(graph, endpoint: str | None = None, *, graph_store: str | None = None,
         replace_default: bool = False, timeout: float = 120.0) -> PushReport:
    """Send ``graph`` (Dataset, Graph, RDF file or store folder) to a GSP server.

    One PUT per non-empty named graph; the default graph, its blank nodes skolemised
    (:func:`skolemize`), is merged with POST (or replaced with PUT when ``replace_default``). Give ``endpoint`` (the SPARQL query URL) or ``graph_store``.
    """
    if not endpoint and not graph_store:
        raise KGError(PushErrors.E067.format(url="(none)"))
    store = graph_store_url(endpoint or "", graph_store)
    ds = load_dataset(graph)
    bind_prefixes(ds)
    report = PushReport(store=store)
    client = _Client(store, timeout)
    try:
        default = ds.default_graph
        if len(default) or replace_default:
            default = skolemize(default)
            client.send("PUT" if replace_default else "POST", "default", _ntriples(default))
            report.default_triples = len(default)
            report.requests += 1
        for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
            if str(g.identifier) == "urn:x-rdflib:default" or not len(g):
                continue
            client.send("PUT", "graph=" + quote(str(g.identifier), safe=""), _ntriples(g))
            report.graphs[str(g.identifier)] = len(g)
            report.requests += 1
    finally:
        client.close()
    return report
