"""The Python code blocks of README.md and docs/*.md run as written.

Each ```python block is run in its own interpreter, in a folder laid out like the repository
(``examples``, ``data`` and ``ontology`` linked in, ``out/graph.trig`` built from the examples), so
the relative paths the docs use resolve. A block that is not meant to run (a synopsis, or one
that needs files or pipelines the reader supplies) is preceded by the line
``<!-- not runnable: REASON -->``; the reason is required.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.S | re.M)
SKIP = re.compile(r"<!--\s*not runnable:\s*(.*?)\s*-->\s*$")


def python_blocks(path: Path) -> list[tuple[int, str, str | None]]:
    """(line, code, reason not to run it or None) for each ```python block of ``path``."""
    text = path.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        before = text[:m.start()].rstrip("\n").rsplit("\n", 1)[-1]
        skip = SKIP.search(before)
        out.append((line, m.group(1), skip.group(1) if skip else None))
    return out


BLOCKS = [(p, line, code, reason) for p in DOCS for line, code, reason in python_blocks(p)]


def test_the_docs_have_python_blocks_and_skips_give_reasons():
    assert len(BLOCKS) >= 8
    for path, line, _, reason in BLOCKS:
        assert reason is None or len(reason) >= 10, f"{path.name}:{line}: a skipped block needs a reason"


def test_a_skip_marker_only_counts_right_before_its_block(tmp_path):
    doc = tmp_path / "d.md"
    doc.write_text("<!-- not runnable: needs a news folder -->\n```python\nx = 1\n```\n\n"
                   "<!-- not runnable: needs a news folder -->\n\nText.\n```python\ny = 2\n```\n", encoding="utf-8")
    assert [(reason is None) for _, _, reason in python_blocks(doc)] == [False, True]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("docs")
    for name in ("examples", "data", "ontology"):
        (d / name).symlink_to(ROOT / name, target_is_directory=True)
    (d / "out").mkdir()
    r = subprocess.run([sys.executable, "-m", "kg", "build", "examples/articles", "-o", "out/graph.trig",
                        "--no-progress"], cwd=d, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    return d


@pytest.mark.slow
@pytest.mark.parametrize("path,line,code,reason", BLOCKS,
                         ids=[f"{p.relative_to(ROOT)}:{line}" for p, line, _, _ in BLOCKS])
def test_python_block_runs(workdir, path, line, code, reason):
    if reason is not None:
        pytest.skip(f"{path.name}:{line}: {reason}")
    r = subprocess.run([sys.executable, "-c", code], cwd=workdir, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, f"{path.relative_to(ROOT)}:{line} failed:\n{r.stderr[-3000:]}"
