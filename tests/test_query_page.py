"""The query page of ``kg serve`` in a real headless Chromium, driven over the DevTools protocol
(``--remote-debugging-pipe``): a named query chosen from the menu, its field filled and run
against a real ``kg serve`` on a free port; the result has names, sorts by a column, and its CSV
and JSON downloads hold the same rows as the endpoint's own answer. Skipped only when chromium is
not installed (scripts/install-system-deps.sh)."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed; run scripts/install-system-deps.sh")]

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         # no network but the server: every request goes to a closed port except those to
         # loopback, which Chromium sends directly by default
         "--proxy-server=127.0.0.1:9", "--window-size=1200,800"]


class Browser:
    """Headless Chromium over ``--remote-debugging-pipe`` (fd 3 in, fd 4 out, JSON messages
    ended by NUL): just enough of the DevTools protocol to open a page and evaluate script."""

    def __init__(self, profile: Path):
        to_child, self._send_fd = os.pipe()
        self._recv_fd, from_child = os.pipe()

        def fds():
            os.dup2(to_child, 3)
            os.dup2(from_child, 4)

        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}",
                                      "--remote-debugging-pipe", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     preexec_fn=fds, close_fds=False)
        os.close(to_child)
        os.close(from_child)
        self._buf, self._id, self.session = b"", 0, None

    def call(self, method: str, params: dict | None = None, timeout: float = 30):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if self.session and not method.startswith("Target."):
            msg["sessionId"] = self.session
        os.write(self._send_fd, json.dumps(msg).encode() + b"\0")
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            while b"\0" in self._buf:
                raw, self._buf = self._buf.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._id:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply["result"]
            self._buf += os.read(self._recv_fd, 1 << 16)
        raise TimeoutError(method)

    def open(self, url: str) -> None:
        target = self.call("Target.createTarget", {"url": url})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def js(self, expression: str):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError(r["exceptionDetails"])
        return r["result"].get("value")

    def wait(self, expression: str, timeout: float = 30):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                if self.js(expression):
                    return
            except RuntimeError:  # the page is not there yet
                pass
            time.sleep(0.1)
        raise TimeoutError(expression)

    def close(self):
        self.proc.kill()
        self.proc.wait(timeout=30)
        os.close(self._send_fd)
        os.close(self._recv_fd)


@pytest.fixture(scope="module")
def server(seed_graph_file):
    """``kg serve`` on a free port (port 0), serving the seed article's graph."""
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(seed_graph_file), "--port", "0", "--quiet"],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert m, line
    yield f"http://127.0.0.1:{m.group(1)}/"
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture()
def browser(tmp_path):
    b = Browser(tmp_path / "profile")
    yield b
    b.close()


def table(browser) -> tuple[list[str], list[list[str]]]:
    return browser.js("""[Array.from(document.querySelectorAll('#out thead th')).map(th => th.textContent),
        Array.from(document.querySelectorAll('#out tbody tr')).map(tr =>
            Array.from(tr.children).map(td => td.textContent))]""")


def test_page_runs_a_named_query_with_names_sorts_and_downloads(server, browser):
    with urllib.request.urlopen(server, timeout=60) as resp:  # offline: nothing from elsewhere
        assert not re.search(r"""(src|href|url)\s*[=(]\s*["']?(https?:)?//""", resp.read().decode("utf-8"))
    browser.open(server)
    browser.wait("window.kgQuery && window.kgQuery.ready")
    menu = browser.js("Array.from(document.querySelectorAll('#name option')).map(o => o.value)")
    assert {"who-met", "events", "timeline", "path"} <= set(menu)
    # choose who-met, fill its one field (a name, not an IRI) and press Run
    browser.js("""(() => { const s = document.getElementById('name'); s.value = 'who-met';
        s.dispatchEvent(new Event('change'));
        document.querySelector('[data-param=actor]').value = 'Putin';
        document.getElementById('run-named').click(); })()""")
    browser.wait("/rows? in/.test(document.getElementById('status').textContent)")
    head, rows = table(browser)
    assert head[:6] == ["actor", "actorLabel", "who", "whoLabel", "whom", "whomLabel"]
    pairs = {(r[head.index("whoLabel")], r[head.index("whomLabel")]) for r in rows}
    assert ("Choe Son Hui", "Vladimir Putin") in pairs  # found from Putin's side
    # sort by whomLabel, twice: ascending, then descending
    col = head.index("whomLabel")
    browser.js(f"document.querySelectorAll('#out thead th')[{col}].click()")
    asc = [r[col] for r in table(browser)[1]]
    browser.js(f"document.querySelectorAll('#out thead th')[{col}].click()")
    desc = [r[col] for r in table(browser)[1]]
    assert len(set(asc)) > 1 and asc == sorted(asc) and desc == sorted(desc, reverse=True)
    # the downloads hold what the endpoint answers for the same named query
    req = urllib.request.Request(server + "queries/who-met?actor=Putin", headers={"Accept": "text/csv"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        served = list(csv.reader(io.StringIO(resp.read().decode("utf-8"))))
    page_csv = list(csv.reader(io.StringIO(browser.js("window.kgQuery.csv()"))))
    assert page_csv[0] == served[0] == head
    assert sorted(page_csv[1:]) == sorted(served[1:]) and len(served) == len(rows) + 1
    page_json = json.loads(browser.js("window.kgQuery.json()"))
    assert len(page_json["results"]["bindings"]) == len(rows)
    assert not browser.js("document.getElementById('csv').disabled || document.getElementById('json').disabled")


def test_page_link_runs_a_named_query_and_examples_run(server, browser):
    # a link to the page names the query and its parameters; it fills the fields and runs it
    browser.open(server + "#name=events&type=Meet&undated=true")
    browser.wait("/rows? in/.test(document.getElementById('status').textContent)")
    assert browser.js("document.querySelector('[data-param=undated]').checked") is True
    head, rows = table(browser)
    assert "actorLabel" in head and rows
    assert all(r[head.index("type")] == "gpol:Meet" for r in rows)
    # each example query of the SPARQL box runs without an error and gives rows
    n = browser.js("document.querySelectorAll('#example option').length")
    assert n >= 3
    for i in range(n):
        browser.js(f"""(() => {{ const s = document.getElementById('example'); s.value = '{i}';
            s.dispatchEvent(new Event('change')); document.getElementById('status').textContent = '';
            document.getElementById('run').click(); }})()""")
        browser.wait("/ in \\d+ ms|HTTP/.test(document.getElementById('status').textContent)")
        status = browser.js("document.getElementById('status').textContent")
        assert "HTTP" not in status and not status.startswith("0 rows"), (i, status)
