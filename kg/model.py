"""Plain data records passed between the pipeline's stages.

An :class:`Article` goes in; an :class:`Extraction` (its actors and events) comes out of the NLP
stage and is mapped onto RDF by :mod:`kg.graph`. They are plain dataclasses so that they pickle
across processes and cluster workers.

>>> from kg.model import Article
>>> a = Article(id="a1", text="Putin met Kim.", title="Summit")
>>> a.content_hash[:8]
'bc64845b'
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

__all__ = ["Article", "Actor", "Event", "Extraction", "ACTOR_KINDS", "MODALITIES", "safe_id"]

ACTOR_KINDS = ("Person", "State", "Organization")
MODALITIES = ("Asserted", "Negated", "Hypothetical")

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_id(raw: str) -> str:
    """An article id fit for an IRI. An id made only of letters, digits, ``.``, ``_`` and ``-``
    is kept as it is; in any other, runs of other characters become one hyphen and a short hash
    of the original id is appended, so that ids which differ only in those characters stay
    distinct articles (``x/y``, ``x y`` and ``x-y`` are three).

    >>> safe_id("reuters-2025-03-01.txt")
    'reuters-2025-03-01.txt'
    >>> safe_id("x/y"), safe_id("x y"), safe_id("x-y")
    ('x-y-748fdbd6', 'x-y-73dec593', 'x-y')
    >>> safe_id("???")
    'article-2d86c2a6'
    """
    cleaned = _UNSAFE.sub("-", raw).strip("-")
    if cleaned == raw and raw:
        return raw
    digest = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{cleaned or 'article'}-{digest}"


@dataclass
class Article:
    """One news article: its text (page furniture removed) and what is known about it."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source_path: str | None = None
    source_line: int | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of title and text: the article's identity together with its id."""
        h = hashlib.sha256()
        h.update((self.title or "").encode("utf-8"))
        h.update(b"\x00")
        h.update(self.text.encode("utf-8"))
        return h.hexdigest()

    @property
    def where(self) -> str:
        """File (and line) the article came from, for messages."""
        if self.source_path and self.source_line:
            return f"{self.source_path}:{self.source_line}"
        return self.source_path or self.id


@dataclass
class Actor:
    """A resolved actor: every mention of it in an article points here.

    ``key`` is the slug of its IRI (``actor:<key>``) and is stable across articles.
    """

    key: str
    kind: str  # one of ACTOR_KINDS
    label: str
    alt_labels: set[str] = field(default_factory=set)
    qid: str | None = None
    country_code: str | None = None
    affiliation: str | None = None  # key of another Actor
    role: str | None = None
    sector: str | None = None  # CAMEO agent code of a group of a state's society ("REB")
    mentions: list[tuple[int, int]] = field(default_factory=list)  # char spans in the article


@dataclass
class Event:
    """One extracted event (n-ary), typed by a class of the ontology (e.g. ``"Meet"``)."""

    type: str
    actors: list[str]
    recipients: list[str] = field(default_factory=list)
    modality: str = "Asserted"
    date: str | None = None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    location: str | None = None  # place name as written, e.g. "the Kremlin"
    evidence: str = ""
    char_start: int = 0
    char_end: int = 0
    confidence: float = 0.5
    trigger: str | None = None
    cameo: str | None = None
    claimed_by: str | None = None  # key of the actor whose statement reports the event
    actor_sector: str | None = None
    recipient_sector: str | None = None
    recipient_inferred: bool = False  # the recipient comes from the context, not from a phrase of the trigger
    trigger_index: int | None = None  # token index of the trigger in the spaCy Doc it was found in


@dataclass
class Extraction:
    """What the NLP stage found in one article."""

    article: Article
    actors: dict[str, Actor] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
