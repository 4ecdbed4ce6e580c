"""Numbered error and warning messages, in the manner of spaCy's ``Errors``.

Every message a user can see has a code, so that it can be looked up and searched for.

>>> from kg.errors import Errors
>>> Errors.E001.format(path="a.txt")
'[E001] a.txt: the file is empty.'
"""
from __future__ import annotations

__all__ = ["Errors", "Warnings", "KGError", "InputError"]


class _Messages(type):
    def __getattribute__(cls, code: str):
        msg = super().__getattribute__(code)
        if code.startswith(("E", "W")) and code[1:].isdigit():
            return f"[{code}] {msg}"
        return msg


class Errors(metaclass=_Messages):
    # reading input
    E001 = "{path}: the file is empty."
    E002 = "{path}: the file is binary, not text."
    E003 = "{path}: the file is not valid UTF-8 (byte {offset}); save it as UTF-8."
    E004 = "{path}:{line}: the line is not valid JSON ({detail})."
    E005 = "{path}:{line}: the JSON object has no non-empty \"text\" field."
    E006 = "{path}: the article is {size} MB, over the limit of {limit} MB; split it or raise --max-mb."
    E007 = "{path}: the article does not look like English text ({detail}); skipped."
    E008 = "{path}: no such file or folder."
    E009 = "{path}: unsupported input type; give .txt or .jsonl files or folders of them."
    E010 = "{path}:{line}: \"published\" is not an ISO date: {value!r}."
    E011 = ("{where}: the article id {id!r} is already used by {first} with another text; this one "
            "was skipped (give each article its own id).")
    # output and configuration
    E020 = "{path}: cannot tell the RDF format from the extension {ext!r}; use one of {choices}."
    E021 = "Cannot load the spaCy pipeline {name!r}: {detail}. Install it with pip, or pass --model with an installed pipeline."
    E022 = "{path}: cannot read the graph: {detail}"
    # query
    E030 = "SPARQL syntax error at line {line}, column {column}: {detail}"
    E031 = "No named query {name!r}; available: {choices}."
    E032 = "Missing parameter {name!r} for the query {query!r}; pass --param {name}=VALUE."
    E033 = "Query timed out after {seconds} s."


class Warnings(metaclass=_Messages):
    W001 = "{path}: {count} article(s) skipped because of errors."
    W002 = ("{where}: the article {id!r} is already in the store with another text; the stored "
            "version was replaced by this one.")


class KGError(Exception):
    """Base class for errors this package raises for its users."""


class InputError(KGError):
    """An input file or record could not be read; the message names the file and line."""
