"""Read articles from ``.txt`` files, ``.jsonl`` files and folders of them (DATA-MODEL.md, Input).

Reading never stops at a bad file: each problem becomes an :class:`kg.errors.InputError` handed to
``on_error`` (by default collected in :attr:`ArticleReader.errors`) and reading goes on.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Summit in Hanoi\\n\\nKim met Trump in Hanoi.\\n")
>>> [(a.id, a.title, a.text) for a in read_articles([d])]
[('a', 'Summit in Hanoi', 'Summit in Hanoi\\n\\nKim met Trump in Hanoi.')]
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from .errors import Errors, InputError
from .model import Article, safe_id

__all__ = ["ArticleReader", "read_articles", "clean_text", "strip_furniture", "english_score", "is_furniture", "MAX_MB"]

MAX_MB = 20.0

# Lines that are page furniture, not article text: related-story links, share buttons, gallery
# labels, bylines of widgets. Matched against a whole stripped line, case-insensitively.
_FURNITURE = re.compile(
    r"""^(
        (also\s+read|read\s+more|read\s+also|related|see\s+also|recommended|more\s+on\s+this|watch)\s*[:|\-–—].*
      | (share(\s+on\s+\w+)?|gallery|videos?|photos?|advertisement|subscribe|sign\s+up|follow\s+us.*|print|e-?mail|tweet|comments?)
        (\s+(share(\s+on\s+\w+)?|gallery|videos?|photos?|advertisement|subscribe|print|e-?mail|tweet|comments?))*
      | [\W_]*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_furniture(line: str) -> bool:
    """True for a line that belongs to the page around an article, not to the article.

    >>> is_furniture("Also Read: Putin Declares Missile Ready")
    True
    >>> is_furniture("Gallery Gallery Videos Videos Share on WhatsApp Share")
    True
    >>> is_furniture("Putin met Kim in Beijing.")
    False
    """
    return bool(_FURNITURE.match(line.strip()))


# control characters other than tab and line breaks: no text carries them, and XML 1.0 (GraphML,
# GEXF, RDF/XML) cannot hold most of them; "\x1b[31m" keeps its printable rest
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _paragraphs(raw: str) -> list[str]:
    raw = _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " "))
    return [p for p in (ln.strip() for ln in raw.split("\n")) if p and not is_furniture(p)]


def strip_furniture(raw: str) -> str:
    """The text without furniture lines, its paragraphs joined by a blank line."""
    return "\n\n".join(_paragraphs(raw))


def clean_text(raw: str) -> tuple[str | None, str]:
    """Split raw page text into (title, body), dropping furniture lines and normalising blank lines.

    The title is the first line of real text; paragraphs of the body are joined by a blank line.

    >>> clean_text("×\\n Title \\n\\nFirst.\\nAlso Read: Other story\\nSecond.")
    ('Title', 'First.\\n\\nSecond.')
    """
    paras = _paragraphs(raw)
    if not paras:
        return None, ""
    return paras[0], "\n\n".join(paras[1:])


def _parse_date(value, path, line) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(Errors.E010.format(path=path, line=line, value=value)) from None


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise InputError(Errors.E001.format(path=path))
    if b"\x00" in data[:8192]:
        raise InputError(Errors.E002.format(path=path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E003.format(path=path, offset=exc.start)) from None
    # Control characters other than whitespace are not text a newswire carries.
    bad = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if bad > max(8, len(text[:8192]) // 100):
        raise InputError(Errors.E002.format(path=path))
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: str) -> str:
    """A JSON string as text: lone surrogates (``"\\ud800"``, which no UTF-8 file can hold and
    no RDF store accepts) become U+FFFD, and control characters other than tab and line breaks
    are removed.

    >>> _text("Kenya\\x01 met \\x1b[31mSomalia")
    'Kenya met [31mSomalia'
    """
    return _CONTROL.sub("", _SURROGATE.sub("\ufffd", value))


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _url(value) -> str | None:
    """A record's ``url`` as an IRI the graph can hold: characters IRIs forbid (spaces, quotes,
    angle brackets, controls) are percent-encoded; a value without a scheme is dropped.

    >>> _url('https://example.org/a b"<c>')
    'https://example.org/a%20b%22%3Cc%3E'
    >>> _url("not a url") is None
    True
    """
    from urllib.parse import quote

    if not isinstance(value, str) or not _SCHEME.match(value.strip()):
        return None
    return quote(_text(value.strip()), safe=":/?#[]@!$&'()*+,;=%~")


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_score(text: str) -> tuple[float, int]:
    """(share of English function words, number of words) in the first 3,000 characters.

    News in English has 30-50 % function words; other languages have next to none of them.

    >>> round(english_score("The talks with the envoy were held in the capital on Friday.")[0], 2)
    0.58
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.lower() for w in _WORD.findall(text[:3000])]
    if not words:
        return 0.0, 0
    return sum(w in STOP_WORDS for w in words) / len(words), len(words)


def _check_english(path, text: str) -> None:
    share, n = english_score(text)
    if n >= 15 and share < 0.12:
        raise InputError(Errors.E007.format(path=path, detail=f"{share:.0%} English function words"))




class ArticleReader:
    """Iterate over the articles in files and folders, collecting the errors met on the way.

    ``max_mb`` bounds one article's size; larger ones are reported and skipped.
    """

    def __init__(self, paths: Iterable[str | os.PathLike], *, max_mb: float = MAX_MB,
                 on_error: Callable[[InputError], None] | None = None):
        self.paths = [Path(p) for p in paths]
        self.max_bytes = int(max_mb * 1024 * 1024)
        self.max_mb = max_mb
        self.errors: list[InputError] = []
        self._on_error = on_error

    def _error(self, exc: InputError) -> None:
        self.errors.append(exc)
        if self._on_error is not None:
            self._on_error(exc)

    def files(self) -> Iterator[Path]:
        """The input files, folders expanded in sorted order."""
        for path in self.paths:
            if path.is_dir():
                for child in sorted(path.rglob("*")):
                    if child.is_file() and child.suffix.lower() in (".txt", ".jsonl"):
                        yield child
            elif path.is_file():
                if path.suffix.lower() in (".txt", ".jsonl"):
                    yield path
                else:
                    self._error(InputError(Errors.E009.format(path=path)))
            else:
                self._error(InputError(Errors.E008.format(path=path)))

    def __iter__(self) -> Iterator[Article]:
        for path in self.files():
            try:
                if path.suffix.lower() == ".jsonl":
                    yield from self._read_jsonl(path)
                else:
                    yield self._read_txt(path)
            except InputError as exc:
                self._error(exc)
            except OSError as exc:
                self._error(InputError(f"{path}: cannot read the file: {exc.strerror or exc}"))

    def _check_size(self, path, size: int) -> None:
        if size > self.max_bytes:
            raise InputError(Errors.E006.format(path=path, size=round(size / 2**20, 1), limit=self.max_mb))

    def _read_txt(self, path: Path) -> Article:
        self._check_size(path, path.stat().st_size)
        text = _decode(path, path.read_bytes())
        title, body = clean_text(text)
        if not body and not title:
            raise InputError(Errors.E001.format(path=path))
        # the article text is the whole cleaned file, headline included: headlines name actors and
        # events too, and evidence offsets then point into what the user sees in the file
        text = "\n\n".join(p for p in (title, body) if p)
        _check_english(path, text)
        return Article(id=safe_id(path.stem), text=text, title=title, source_path=str(path))

    def _read_jsonl(self, path: Path) -> Iterator[Article]:
        with path.open("rb") as fh:
            empty = True
            for lineno, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                empty = False
                try:
                    self._check_size(f"{path}:{lineno}", len(raw))
                    line = _decode(f"{path}:{lineno}", raw)
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise InputError(Errors.E004.format(path=path, line=lineno, detail=exc.msg)) from None
                    except RecursionError:  # "[[[[..." thousands deep: one bad line, not the build
                        raise InputError(Errors.E004.format(path=path, line=lineno,
                                                            detail="nested too deeply")) from None
                    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
                        raise InputError(Errors.E005.format(path=path, line=lineno))
                    text = strip_furniture(_text(rec["text"]))
                    if not text:
                        raise InputError(Errors.E005.format(path=path, line=lineno))
                    _check_english(f"{path}:{lineno}", text)
                    yield Article(
                        id=safe_id(str(rec.get("id") or f"{path.stem}-{lineno}")),
                        text=text,
                        title=(_text(str(rec["title"])).strip() or None) if rec.get("title") is not None else None,
                        published=_parse_date(rec.get("published"), path, lineno),
                        url=_url(rec.get("url")),
                        source_path=str(path),
                        source_line=lineno,
                    )
                except InputError as exc:
                    self._error(exc)
            if empty:
                raise InputError(Errors.E001.format(path=path))


def read_articles(paths: Iterable[str | os.PathLike], **kwargs) -> Iterator[Article]:
    """Yield the articles under ``paths``; problems are reported to ``on_error`` and skipped."""
    return iter(ArticleReader(paths, **kwargs))
