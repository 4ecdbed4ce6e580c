"""Read articles from ``.txt`` files, ``.jsonl`` files and folders of them (DATA-MODEL.md, Input).

Reading never stops at a bad file: each problem becomes an :class:`kg.errors.InputError` handed to
``on_error`` (by default collected in :attr:`ArticleReader.errors`) and reading goes on.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Summit in Hanoi\\n\\nKim met Trump in Hanoi.\\n")
>>> [(a.id, a.title, a.text) for a in read_articles([d])]
[('a', 'Summit in Hanoi', 'Summit in Hanoi\\n\\nKim met Trump in Hanoi.')]

The publication date is the JSONL ``published``; else the date of a wire dateline ("HANOI, Feb
27, 2019 (Reuters) - ...") or of a date line ("Published: 2019-02-27", a line with just a date)
among the first lines of the text; else the reader's ``published`` default. A date line is taken
out of the text; a dateline stays (it names where the story was filed).

>>> _ = (d / "a.txt").write_text("Summit in Hanoi\\n27 February 2019\\nKim met Trump in Hanoi.\\n")
>>> [(a.title, a.text, a.published) for a in read_articles([d])]
[('Summit in Hanoi', 'Summit in Hanoi\\n\\nKim met Trump in Hanoi.', datetime.date(2019, 2, 27))]
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

__all__ = ["ArticleReader", "read_articles", "clean_text", "strip_furniture", "english_score", "is_furniture",
           "date_line", "head_date", "MAX_MB"]

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


# how many paragraphs from the top (title included) may hold the dateline or a date line: a date
# further down is one the story tells of, not when it was published
HEAD_PARAGRAPHS = 4

_DATE_LABEL = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified)|dated?)(?:\s+on)?\s*[:\-–—|]?\s*",
    re.IGNORECASE)
_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b",
                         re.IGNORECASE)


def date_line(line: str) -> date | None:
    """The date of a line that is only a date, bare or labelled ("Published: 2025-03-03", "3 March
    2025", "Updated March 3, 2025 14:05 GMT"); None for any other line. The month is named or the
    date is ISO: "03/04/2025" is March 4 in one country and April 3 in another.

    >>> date_line("Published: 2025-03-03"), date_line("Tuesday 3 March 2025 | 14:05 GMT")
    (datetime.date(2025, 3, 3), datetime.date(2025, 3, 3))
    >>> date_line("Talks resume on March 3, 2025.") is None, date_line("03/04/2025") is None
    (True, True)
    """
    from .nlp.dateline import parse_full_date

    line = line.strip()
    if len(line) > 60:
        return None
    rest = _DATE_LABEL.sub("", line, count=1).replace("|", " ").replace("·", " ")
    if not _MONTH_NAME.search(rest):
        return None
    return parse_full_date(rest)


def head_date(paras: list[str]) -> tuple[date | None, list[str]]:
    """(publication date, paragraphs without the date lines) of an article's paragraphs: the first
    date line, else the first dateline with a full date, among the first :data:`HEAD_PARAGRAPHS`."""
    from .nlp.dateline import dateline_date

    head = paras[:HEAD_PARAGRAPHS]
    lines = [date_line(p) for p in head]
    found = next((d for d in lines if d is not None), None)
    if found is None:
        found = next((d for d in map(dateline_date, head) if d is not None), None)
    kept = [p for p, d in zip(head, lines) if d is None] + paras[HEAD_PARAGRAPHS:]
    return found, kept


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

    ``max_mb`` bounds one article's size; larger ones are reported and skipped. ``published`` is
    the publication date of the articles that give none; an article left without one is said so,
    once, to ``on_warning`` (and in :attr:`warnings`).
    """

    def __init__(self, paths: Iterable[str | os.PathLike], *, max_mb: float = MAX_MB,
                 on_error: Callable[[InputError], None] | None = None, published: date | None = None,
                 on_warning: Callable[[str], None] | None = None):
        self.paths = [Path(p) for p in paths]
        self.max_bytes = int(max_mb * 1024 * 1024)
        self.max_mb = max_mb
        self.errors: list[InputError] = []
        self._on_error = on_error
        self.published = published
        self.warnings: list[str] = []
        self._on_warning = on_warning

    def _dated(self, where, found: date | None) -> date | None:
        """``found``, else the default date; an article with neither is reported as undated."""
        if found is None and self.published is None:
            msg = (f"{where}: no publication date (no \"published\", dateline or date line; give one "
                   "with --published): relative dates such as \"on Tuesday\" are read against the "
                   "latest full date in the text, and events it does not date are left undated")
            self.warnings.append(msg)
            if self._on_warning is not None:
                self._on_warning(msg)
        return found or self.published

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
        found, paras = head_date(_paragraphs(text))
        if not paras:
            raise InputError(Errors.E001.format(path=path))
        # the article text is the whole cleaned file, headline included (headlines name actors and
        # events too), its date lines left out
        title, text = paras[0], "\n\n".join(paras)
        _check_english(path, text)
        return Article(id=safe_id(path.stem), text=text, title=title, source_path=str(path),
                       published=self._dated(path, found))

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
                    found, paras = head_date(_paragraphs(_text(rec["text"])))
                    text = "\n\n".join(paras)
                    if not text:
                        raise InputError(Errors.E005.format(path=path, line=lineno))
                    _check_english(f"{path}:{lineno}", text)
                    published = _parse_date(rec.get("published"), path, lineno) or found
                    yield Article(
                        id=safe_id(str(rec.get("id") or f"{path.stem}-{lineno}")),
                        text=text,
                        title=(_text(str(rec["title"])).strip() or None) if rec.get("title") is not None else None,
                        published=self._dated(f"{path}:{lineno}", published),
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
