"""Locate the project's bundled resources: the ``ontology/`` and ``data/`` folders.

In a source checkout (and an editable install) they sit beside the ``kg`` package; in a wheel
they are installed inside it as ``kg/_ontology`` and ``kg/_data``.

>>> from kg.resources import data_path, ontology_path
>>> ontology_path("gpol.ttl").name
'gpol.ttl'
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["data_path", "ontology_path", "project_root"]

_PKG = Path(__file__).resolve().parent


def _base(installed: str, source: str) -> Path:
    inside = _PKG / installed
    if inside.is_dir():
        return inside
    return _PKG.parent / source


def project_root() -> Path:
    """The folder that holds ``kg/``, ``data/`` and ``ontology/`` in a source checkout."""
    return _PKG.parent


def data_path(*parts: str) -> Path:
    """Path to a file under the project's ``data/`` folder."""
    return _base("_data", "data").joinpath(*parts)


def ontology_path(*parts: str) -> Path:
    """Path to a file under the project's ``ontology/`` folder."""
    return _base("_ontology", "ontology").joinpath(*parts)
