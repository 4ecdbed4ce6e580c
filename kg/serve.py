"""A SPARQL 1.1 Protocol endpoint over a :class:`~kg.store.KnowledgeGraph`, on the standard
library's ``ThreadingHTTPServer``.

``/sparql`` answers ``GET ?query=``, form-encoded ``POST`` (``query=`` or ``update=``) and direct
``POST`` bodies (``application/sparql-query``, ``application/sparql-update``). SELECT and ASK
results come as JSON (default), XML, CSV or TSV, graphs as Turtle (default), N-Triples or
JSON-LD, chosen by the ``Accept`` header. ``/`` serves an offline query page.

Each query runs in a forked child process (:func:`kg.sandbox.run_forked`) that cannot create
sockets, so no query, however written, makes the server connect anywhere (``SERVICE`` gets 400);
the child is killed at ``timeout`` seconds (503 ``[E033]``), past ``max_memory`` bytes of its own
memory or ``max_result_bytes`` of output (503), so the work stops with the answer, and a crash of
the engine ends the child, not the server. Updates are refused (403) unless ``allow_update``,
and then still refused when the request carries an ``Origin`` other than the server's own (a
web page cannot change the store); they run in a thread that cannot create sockets, so ``LOAD``
is refused (403) unless ``allow_load``. Request bodies over ``max_body`` bytes get 413, a
malformed ``Content-Length`` 400, and a connection idle for ``idle_timeout`` seconds is closed.

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

import ipaddress
import os
import re
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .errors import Errors, KGError
from .query import QueryError
from .sandbox import can_fork, deny_network, network_guard, run_forked
from .store import KnowledgeGraph

__all__ = ["make_server", "serve", "uses_service", "mentions_network", "negotiate", "respond",
           "SparqlHandler"]

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
# where a skipped span starts, and (matched from just after its start) where it ends; the
# possessive repeats never backtrack, so a scan is linear in the length of the text
_SPAN_START = re.compile(r'"""|' + r"'''" + r'''|["'#]|<(?=[^<>"{}|^`\\\x00-\x20]*+>)''')
_SPAN_END = {
    '"""': re.compile(r'(?:[^"\\]|\\.|"(?!""))*+"""', re.S),
    "'''": re.compile(r"(?:[^'\\]|\\.|'(?!''))*+'''", re.S),
    '"': re.compile(r'(?:[^"\\\n\r]|\\.)*+"'),
    "'": re.compile(r"(?:[^'\\\n\r]|\\.)*+'"),
    "<": re.compile(r'[^<>"{}|^`\\\x00-\x20]*+>'),
    "#": re.compile(r"[^\n\r]*+"),
}
_SERVICE = re.compile(r"(?<![\w:])SERVICE(?![\w:])", re.IGNORECASE)


def uses_service(sparql: str) -> bool:
    """Whether a query or update has a ``SERVICE`` keyword outside strings, IRIs and comments
    (a comment ends at a line feed or a carriage return, as in the SPARQL grammar). Linear time.

    This gives the common case a clear 400 before any work; the guarantee that no query
    reaches the network is the sandbox the engine runs in (:mod:`kg.sandbox`), not this scan.

    >>> uses_service('SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }')
    True
    >>> uses_service('SELECT * { ?s ?p "SERVICE" }  # SERVICE')
    False
    >>> uses_service('SELECT * { # x' + chr(13) + 'SERVICE <http://x/> { ?s ?p ?o } }')
    True
    """
    code, i, n = [], 0, len(sparql)
    while i < n:
        start = _SPAN_START.search(sparql, i)
        if start is None:
            code.append(sparql[i:])
            break
        code.append(sparql[i:start.start()])
        code.append(" ")
        end = _SPAN_END[start.group()].match(sparql, start.end())
        if end is None:  # an unterminated string: the rest is inside it
            break
        i = end.end()
    return _SERVICE.search("".join(code)) is not None


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def mentions_network(sparql: str) -> bool:
    """Whether the words ``load`` or ``service`` appear anywhere in an update, in any case,
    with SPARQL's ``\\u``/``\\U`` escapes decoded. The refusal used for updates where a thread
    cannot be denied sockets: it refuses some harmless updates, never a LOAD or a SERVICE.

    >>> mentions_network('LOAD <http://x/>'), mentions_network('INSERT DATA { <x:a> <x:b> 1 }')
    (True, False)
    """
    def decode(m):
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code < 0x110000 else m.group(0)

    text = _ESCAPE.sub(decode, sparql).lower()
    return "load" in text or "service" in text


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
    cors = True  # reads may be made from any origin; updates answer without CORS headers

    # -- plumbing
    def setup(self):
        self.timeout = getattr(self.server, "idle_timeout", None)  # an idle connection is closed
        super().setup()

    def log_message(self, fmt, *args):  # one line per request, unless quiet
        if not getattr(self.server, "quiet", False):
            sys.stderr.write(f"{self.address_string()} {fmt % args}\n")

    def _send(self, status: int, body: str | bytes, ctype: str = "text/plain; charset=utf-8"):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        if self.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _error(self, status: int, message: str):
        self._send(status, message.rstrip() + "\n")

    # -- methods
    def do_GET(self):
        self.cors = True
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            return self._send(200, (_STATIC / "query.html").read_bytes(), "text/html; charset=utf-8")
        if url.path == "/queries" or url.path.startswith("/queries/"):
            return self._named(url)
        if url.path != "/sparql":
            return self._error(404, f"Not found: {url.path}; the endpoint is /sparql")
        form = parse_qs(url.query, keep_blank_values=True)
        if "update" in form:
            return self._error(405, "Updates must be sent with POST.")
        if "query" not in form:
            return self._error(400, "Missing the 'query' parameter.")
        self._answer(form["query"][0])

    def _named(self, url):
        """``GET /queries``: the named queries and their parameters as JSON (for the page);
        ``GET /queries/NAME?param=value``: run one, the answer negotiated as for ``/sparql``.
        The query text is fixed and values are bound as terms (:mod:`kg.query`)."""
        import json

        from .query import catalog

        if url.path.rstrip("/") == "/queries":
            return self._send(200, json.dumps(catalog(), ensure_ascii=False), "application/json; charset=utf-8")
        name = url.path[len("/queries/"):]
        params = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        kg, accept = self.server.kg, self.headers.get("Accept")
        # in the same sandbox as /sparql: the time, memory and size limits hold for it too
        self._work(lambda timeout: respond(kg, None, accept, timeout=timeout, named=(name, params)))

    do_HEAD = do_GET

    def do_POST(self):
        self.cors = True
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._error(404, f"Not found: {url.path}; the endpoint is /sparql")
        raw = self._read_body()
        if raw is None:
            return
        body = raw.decode("utf-8", errors="replace")
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

    def _read_body(self) -> bytes | None:
        """The request body, or ``None`` after answering 400/411/413/408 (and closing the
        connection, whose remaining bytes are not read)."""
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            return self._error(411, "Send the body with a Content-Length header (no Transfer-Encoding).")
        raw = (self.headers.get("Content-Length") or "0").strip()
        if not re.fullmatch(r"[0-9]{1,100}", raw):
            self.close_connection = True
            return self._error(400, f"Content-Length must be a whole number of bytes, not {raw[:40]!r}.")
        length, limit = int(raw), self.server.max_body
        if length > limit:
            self.close_connection = True
            self._discard(length)
            return self._error(413, f"The request body has {length} bytes; this server takes at most "
                                    f"{limit} (kg serve --max-body).")
        chunks, left = [], length
        deadline = time.monotonic() + (self.server.idle_timeout or 60.0)
        try:
            while left:
                chunk = self.rfile.read1(min(left, 1 << 16))
                if not chunk or time.monotonic() > deadline:
                    raise TimeoutError
                chunks.append(chunk)
                left -= len(chunk)
        except (TimeoutError, OSError):
            self.close_connection = True
            try:
                self._error(408, f"The request body did not arrive in time ({length - left} of {length} bytes).")
            except OSError:
                pass
            return None
        return b"".join(chunks)

    def _discard(self, length: int) -> None:
        """Read and drop a refused body that is not much over the limit, so that the client,
        still sending, reads the answer instead of a reset connection."""
        if length > 16 * self.server.max_body:
            return
        deadline = time.monotonic() + (self.server.idle_timeout or 10.0)
        try:
            while length > 0 and time.monotonic() < deadline:
                chunk = self.rfile.read1(min(length, 1 << 16))
                if not chunk:
                    return
                length -= len(chunk)
        except OSError:
            pass

    # -- work
    def _answer(self, sparql: str):
        if uses_service(sparql):
            return self._error(400, _NO_SERVICE)
        kg, accept = self.server.kg, self.headers.get("Accept")
        self._work(lambda timeout: respond(kg, sparql, accept, timeout=timeout))

    def _work(self, answer):
        """Send ``answer(timeout)`` (``(status, body, content type)``), computed in a forked child
        without network that is stopped at the time, memory and size limits."""
        server = self.server
        if not server.fork:  # no fork() here: in a thread, which cannot be stopped
            return self._send(*answer(server.query_timeout))
        timeout = server.query_timeout
        # a query waits for a free worker for up to its time limit, then has all of it to run
        if not server.slots.acquire(timeout=timeout if timeout else -1):
            return self._error(503, f"All {server.workers} query workers stayed busy for {timeout} s; "
                                    "try again later.")
        try:
            out = run_forked(lambda: _pack(answer(None)), timeout=timeout,
                             max_bytes=server.max_result_bytes, max_memory=server.max_memory,
                             fork_lock=server.write_lock)
        finally:
            server.slots.release()
        if out.status == "ok":
            head, _, body = out.data.partition(b"\n")
            status, ctype = head.decode().split(" ", 1)
            return self._send(int(status), body, ctype)
        mb = 1024 * 1024
        if out.status == "timeout":
            return self._error(503, Errors.E033.format(seconds=timeout))
        if out.status == "memory":
            return self._error(503, f"The query used more than {server.max_memory // mb} MB of memory "
                                    "and was stopped; narrow it or add LIMIT (kg serve --max-memory).")
        if out.status == "size":
            return self._error(503, f"The result is larger than {server.max_result_bytes // mb} MB and "
                                    "was stopped; narrow the query or add LIMIT.")
        if out.signal in (signal.SIGSEGV, signal.SIGBUS):
            return self._error(400, "The query engine crashed on this query (most likely nesting too "
                                    "deep for its parser); the server goes on.")
        return self._error(500, f"The query process ended abnormally ({out}).")

    def _foreign_origin(self) -> str | None:
        """Why this request comes from another web origin (a page elsewhere), or ``None``.
        Requests without ``Origin`` (curl, SPARQL clients) and the server's own query page pass;
        the own origin is ``http://`` + the ``Host`` header, where that host is an IP address,
        ``localhost`` or the ``--host`` name (a domain re-pointed at this server is foreign)."""
        site = (self.headers.get("Sec-Fetch-Site") or "").strip().lower()
        if site and site not in ("same-origin", "none"):
            return f"Sec-Fetch-Site: {site}"
        origin = self.headers.get("Origin")
        if origin is None:
            return None
        host = (self.headers.get("Host") or "").strip()
        try:
            name = (urlsplit("//" + host).hostname or "").lower()
        except ValueError:
            name = ""
        try:
            ipaddress.ip_address(name)
            named = True
        except ValueError:
            named = name in ("localhost", str(self.server.server_name_given).lower())
        if named and origin.strip().lower() == f"http://{host}".lower():
            return None
        return f"Origin: {origin[:100]}"

    def _update(self, sparql: str):
        self.cors = False
        server = self.server
        if not server.allow_update:
            return self._error(403, "Updates are disabled; start the server with --allow-update.")
        foreign = self._foreign_origin()
        if foreign:
            return self._error(403, f"Updates from another web origin are refused ({foreign}); send them "
                                    "from the server's own page or from a client that sends no Origin.")
        if not server.allow_load:
            if uses_service(sparql):
                return self._error(400, _NO_SERVICE)
            if server.updater is None and mentions_network(sparql):
                return self._error(403, _NO_LOAD + " (On this system the check reads the text: an "
                                                   "update that mentions 'load' or 'service' is refused.)")
        try:
            with server.write_lock:
                if server.updater is not None:
                    server.updater.submit(server.kg.update, sparql).result()
                else:
                    server.kg.update(sparql)
        except KGError as exc:
            return self._error(400, str(exc))
        except Exception as exc:  # noqa: BLE001
            if _network_denied(exc):
                return self._error(403, _NO_LOAD)
            return self._error(500, f"Update failed: {type(exc).__name__}: {exc}")
        self._send(200, "OK\n")


_NO_SERVICE = "SERVICE clauses are not allowed: this endpoint calls no other hosts."
_NO_LOAD = ("This update reaches the network (LOAD, or SERVICE inside an update), which this server "
            "does not allow; start it with --allow-load to let updates fetch.")


def _network_denied(exc: BaseException) -> bool:
    """Whether an engine error is the sandbox refusing a socket (or, without seccomp, any new
    descriptor), here or in the exception it wraps."""
    while exc is not None:
        if isinstance(exc, PermissionError) or "os error 1)" in str(exc) or "os error 24)" in str(exc):
            return True
        exc = exc.__cause__ or exc.__context__ or getattr(exc, "reason", None)
        if not isinstance(exc, BaseException):
            return False
    return False


def respond(kg: KnowledgeGraph, sparql: str | None, accept: str | None, *,
            timeout: float | None = None, named: tuple[str, dict] | None = None) -> tuple[int, bytes, str]:
    """Run a query and write its answer for an ``Accept`` header: ``(status, body, content type)``.
    ``named`` is ``(name, parameters)`` of a named query to run instead of ``sparql``."""
    text = "text/plain; charset=utf-8"
    try:
        if named is not None:
            result = kg.named_query(named[0], timeout=timeout, **named[1])
        else:
            result = kg.query(sparql, timeout=timeout)
    except QueryError as exc:
        status = 503 if str(exc).startswith("[E033]") else 404 if str(exc).startswith("[E031]") else 400
        return status, f"{exc}\n".encode(), text
    except KGError as exc:
        return 400, f"{exc}\n".encode(), text
    except Exception as exc:  # noqa: BLE001 - the client gets the message, the server lives on
        if _network_denied(exc):
            return 400, f"{_NO_SERVICE}\n".encode(), text
        return 500, f"Query failed: {type(exc).__name__}: {exc}\n".encode(), text
    if result.kind == "graph":
        choice = negotiate(accept, GRAPH_TYPES, "text/turtle")
    else:
        choice = negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
    if choice is None:
        offers = GRAPH_TYPES if result.kind == "graph" else RESULT_TYPES
        return 406, ("Not acceptable; available: " + ", ".join(offers) + "\n").encode(), text
    media, fmt = choice
    try:
        body = result.serialize(fmt)
    except Exception as exc:  # noqa: BLE001
        return 500, f"Cannot write the result as {media}: {exc}\n".encode(), text
    return 200, body.encode("utf-8") if isinstance(body, str) else body, f"{media}; charset=utf-8"


def _pack(answer: tuple[int, bytes, str]) -> bytes:
    status, body, ctype = answer
    return f"{status} {ctype}\n".encode() + body

class _Server(ThreadingHTTPServer):
    # socketserver listens with a backlog of 5: a sixth client connecting at the same moment
    # gets its connection reset. A SPARQL endpoint has many clients at once.
    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that vanished or stalled is one log line, not a traceback."""
        exc = sys.exc_info()[1]
        if isinstance(exc, OSError):
            if not getattr(self, "quiet", False):
                sys.stderr.write(f"{client_address[0]} connection dropped: {type(exc).__name__}\n")
            return
        super().handle_error(request, client_address)

    def server_close(self):
        super().server_close()
        if getattr(self, "updater", None) is not None:
            self.updater.shutdown(wait=False)


_WARM: list = []


def _warm_up() -> None:
    """Import every result writer once in the server process, so that query children, which
    start from a copy of it, do not each import them again."""
    if _WARM:
        return
    tiny = KnowledgeGraph()
    for fmt in set(RESULT_TYPES.values()):
        tiny.query("SELECT (1 AS ?x) WHERE {}").serialize(fmt)
    for fmt in set(GRAPH_TYPES.values()):
        tiny.query("CONSTRUCT { <urn:x:a> <urn:x:b> 1 } WHERE {}").serialize(fmt)
    _WARM.append(True)


def make_server(kg: KnowledgeGraph, *, host: str = "127.0.0.1", port: int = 7878,
                allow_update: bool = False, timeout: float | None = 30.0,
                quiet: bool = False, allow_load: bool = False, max_memory: int = 512 << 20,
                max_result_bytes: int = 64 << 20, max_body: int = 256 << 10,
                idle_timeout: float | None = 10.0, workers: int | None = None) -> ThreadingHTTPServer:
    """A ready server (not yet serving: call ``serve_forever()``); ``port=0`` picks a free one.

    ``max_memory`` bytes of its own memory and ``max_result_bytes`` of output bound each query,
    ``max_body`` each request body; ``workers`` queries run at once (default: twice the CPU
    count, at least 2), the others wait within their time limit. ``allow_load`` lets updates
    reach the network (``LOAD``)."""
    server = _Server((host, port), SparqlHandler)
    server.kg = kg
    server.allow_update = allow_update
    server.allow_load = allow_load
    server.query_timeout = timeout
    server.quiet = quiet
    server.server_name_given = host
    server.max_memory = max_memory
    server.max_result_bytes = max_result_bytes
    server.max_body = max_body
    server.idle_timeout = idle_timeout
    server.fork = can_fork()
    server.workers = workers or max(2, 2 * (os.cpu_count() or 1))
    server.slots = threading.BoundedSemaphore(server.workers)
    server.write_lock = threading.Lock()
    server.updater = None
    if allow_update and not allow_load and network_guard():
        server.updater = ThreadPoolExecutor(1, thread_name_prefix="kg-update", initializer=deny_network)
    if server.fork:
        _warm_up()
    return server


def serve(source, *, host: str = "127.0.0.1", port: int = 7878, allow_update: bool = False,
          timeout: float | None = 30.0, quiet: bool = False, allow_load: bool = False,
          max_memory: int = 512 << 20, max_body: int = 256 << 10,
          idle_timeout: float | None = 10.0) -> None:
    """Open ``source`` (store folder or RDF file) and serve it until interrupted."""
    kg = KnowledgeGraph.load(source, read_only=not allow_update)
    server = make_server(kg, host=host, port=port, allow_update=allow_update, timeout=timeout,
                         quiet=quiet, allow_load=allow_load, max_memory=max_memory, max_body=max_body,
                         idle_timeout=idle_timeout)
    print(f"kg serve: {len(kg)} quads from {source}; SPARQL endpoint "
          f"http://{host}:{server.server_port}/sparql, query page http://{host}:{server.server_port}/"
          f"{'' if allow_update else ' (read-only)'}", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        kg.close()
