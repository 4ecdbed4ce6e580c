"""A SPARQL 1.1 Protocol endpoint over a :class:`~kg.store.KnowledgeGraph`, on the standard
library's ``ThreadingHTTPServer``.

``/sparql`` answers ``GET ?query=``, form-encoded ``POST`` (``query=`` or ``update=``) and direct
``POST`` bodies (``application/sparql-query``, ``application/sparql-update``). SELECT and ASK
results come as JSON (default), XML, CSV or TSV, graphs as Turtle (default), N-Triples or
JSON-LD, chosen by the ``Accept`` header. ``/`` serves an offline query page.

Limits: updates are refused (403) unless ``allow_update``; ``SERVICE`` is refused (400), so the
server never calls other hosts; a query over ``timeout`` seconds gets 503 and its worker thread
is abandoned (Oxigraph cannot be interrupted): it still runs to its end in the background and
uses a core meanwhile, while the server keeps answering.

>>> import threading, urllib.request, urllib.parse, json
>>> from kg.store import KnowledgeGraph
>>> server = make_server(KnowledgeGraph(), port=0)
>>> _ = threading.Thread(target=server.serve_forever, daemon=True).start()
>>> url = f"http://127.0.0.1:{server.server_port}/sparql?" + urllib.parse.urlencode({"query": "ASK {}"})
>>> json.load(urllib.request.urlopen(url))["boolean"]
True
>>> server.shutdown()
"""
from __future__ import annotations

import json
import re
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .errors import KGError
from .query import QueryError
from .store import KnowledgeGraph

__all__ = ["make_server", "serve", "uses_service", "negotiate", "SparqlHandler"]

_STATIC = Path(__file__).resolve().parent / "static"

RESULT_TYPES = {  # media type -> Result.serialize format, for SELECT / ASK
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {  # media type -> rdflib format, for CONSTRUCT / DESCRIBE
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "json-ld",
    "application/json": "json-ld",
    "application/rdf+xml": "xml",
}
_STRIP = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')


def uses_service(sparql: str) -> bool:
    """Whether a query or update has a ``SERVICE`` clause (outside strings, IRIs and comments).

    >>> uses_service('SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }')
    True
    >>> uses_service('SELECT * { ?s ?p "SERVICE" }  # SERVICE')
    False
    """
    return re.search(r"\bSERVICE\b", _STRIP.sub(" ", sparql), re.IGNORECASE) is not None


def negotiate(accept: str | None, offers: dict, default: str) -> tuple[str, str] | None:
    """The best media type of ``offers`` for an ``Accept`` header, with its format; ``None``
    when the client accepts none of them. No header, or ``*/*``, gets ``default``."""
    if not accept:
        return default, offers[default]
    ranked = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if media:
            ranked.append((-q, i, media))
    for negq, _, media in sorted(ranked):
        if negq == 0:
            continue
        if media in offers:
            return media, offers[media]
        if media in ("*/*", "application/*", "text/*") or media.endswith("/*"):
            if media == "*/*" or default.startswith(media[:-1]):
                return default, offers[default]
            for m in offers:
                if m.startswith(media[:-1]):
                    return m, offers[m]
    return None


class SparqlHandler(BaseHTTPRequestHandler):
    """Answers ``/sparql`` and ``/``; settings come from the server object."""

    server_version = "geopolitical-kg"
    protocol_version = "HTTP/1.1"

    # -- plumbing
    def log_message(self, fmt, *args):  # one line per request, unless quiet
        if not getattr(self.server, "quiet", False):
            sys.stderr.write(f"{self.address_string()} {fmt % args}\n")

    def _send(self, status: int, body: str | bytes, ctype: str = "text/plain; charset=utf-8"):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _error(self, status: int, message: str):
        self._send(status, message.rstrip() + "\n")

    # -- methods
    def do_GET(self):
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            return self._send(200, (_STATIC / "query.html").read_bytes(), "text/html; charset=utf-8")
        if url.path != "/sparql":
            return self._error(404, f"Not found: {url.path}; the endpoint is /sparql")
        form = parse_qs(url.query, keep_blank_values=True)
        if "update" in form:
            return self._error(405, "Updates must be sent with POST.")
        if "query" not in form:
            return self._error(400, "Missing the 'query' parameter.")
        self._answer(form["query"][0])

    do_HEAD = do_GET

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._error(404, f"Not found: {url.path}; the endpoint is /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace") if length else ""
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            return self._answer(body)
        if ctype == "application/sparql-update":
            return self._update(body)
        if ctype in ("application/x-www-form-urlencoded", ""):
            form = parse_qs(body, keep_blank_values=True)
            if "query" in form:
                return self._answer(form["query"][0])
            if "update" in form:
                return self._update(form["update"][0])
            return self._error(400, "Missing the 'query' or 'update' parameter.")
        return self._error(415, f"Unsupported Content-Type {ctype!r}; use application/sparql-query, "
                                "application/sparql-update or application/x-www-form-urlencoded.")

    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    # -- work
    def _answer(self, sparql: str):
        if uses_service(sparql):
            return self._error(400, "SERVICE clauses are not allowed: this endpoint calls no other hosts.")
        try:
            result = self.server.kg.query(sparql, timeout=self.server.query_timeout)
        except QueryError as exc:
            status = 503 if str(exc).startswith("[E033]") else 400
            return self._error(status, str(exc))
        except KGError as exc:
            return self._error(400, str(exc))
        except Exception as exc:  # noqa: BLE001 - the client gets the message, the server lives on
            return self._error(500, f"Query failed: {type(exc).__name__}: {exc}")
        accept = self.headers.get("Accept")
        if result.kind == "graph":
            choice = negotiate(accept, GRAPH_TYPES, "text/turtle")
        else:
            choice = negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
        if choice is None:
            offers = GRAPH_TYPES if result.kind == "graph" else RESULT_TYPES
            return self._error(406, "Not acceptable; available: " + ", ".join(offers))
        media, fmt = choice
        try:
            body = result.serialize(fmt)
        except Exception as exc:  # noqa: BLE001
            return self._error(500, f"Cannot write the result as {media}: {exc}")
        self._send(200, body, f"{media}; charset=utf-8")

    def _update(self, sparql: str):
        if not self.server.allow_update:
            return self._error(403, "Updates are disabled; start the server with --allow-update.")
        if uses_service(sparql):
            return self._error(400, "SERVICE clauses are not allowed: this endpoint calls no other hosts.")
        try:
            self.server.kg.update(sparql)
        except KGError as exc:
            return self._error(400, str(exc))
        except Exception as exc:  # noqa: BLE001
            return self._error(500, f"Update failed: {type(exc).__name__}: {exc}")
        self._send(200, "OK\n")


class _Server(ThreadingHTTPServer):
    # socketserver listens with a backlog of 5: a sixth client connecting at the same moment
    # gets its connection reset. A SPARQL endpoint has many clients at once.
    request_queue_size = 128


def make_server(kg: KnowledgeGraph, *, host: str = "127.0.0.1", port: int = 7878,
                allow_update: bool = False, timeout: float | None = 30.0,
                quiet: bool = False) -> ThreadingHTTPServer:
    """A ready server (not yet serving: call ``serve_forever()``); ``port=0`` picks a free one."""
    server = _Server((host, port), SparqlHandler)
    server.daemon_threads = True
    server.kg = kg
    server.allow_update = allow_update
    server.query_timeout = timeout
    server.quiet = quiet
    return server


def serve(source, *, host: str = "127.0.0.1", port: int = 7878, allow_update: bool = False,
          timeout: float | None = 30.0, quiet: bool = False) -> None:
    """Open ``source`` (store folder or RDF file) and serve it until interrupted."""
    kg = KnowledgeGraph.load(source, read_only=not allow_update)
    server = make_server(kg, host=host, port=port, allow_update=allow_update, timeout=timeout,
                         quiet=quiet)
    print(f"kg serve: {len(kg)} quads from {source}; SPARQL endpoint "
          f"http://{host}:{server.server_port}/sparql, query page http://{host}:{server.server_port}/"
          f"{'' if allow_update else ' (read-only)'}", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        kg.close()
