"""The example notebook runs top to bottom on the venv's kernel."""
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def kernel_name(tmp_path, monkeypatch):
    """A kernelspec for this interpreter, registered in a temporary folder only."""
    from jupyter_client.kernelspec import KernelSpecManager

    if Path(sys.prefix, "share", "jupyter", "kernels", "python3").is_dir():
        return "python3"
    from ipykernel.kernelspec import install

    install(prefix=str(tmp_path), kernel_name="kg-test")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "share" / "jupyter"))
    assert "kg-test" in KernelSpecManager().find_kernel_specs()
    return "kg-test"


def test_notebook_runs(kernel_name, tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    nb = nbformat.read(ROOT / "examples" / "notebook.ipynb", as_version=4)
    NotebookClient(nb, timeout=180, kernel_name=kernel_name,
                   resources={"metadata": {"path": str(ROOT / "examples")}}).execute()
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    assert "quads in" in text and "who-met" in text
