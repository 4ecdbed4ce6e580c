"""Extraction: articles in, :class:`kg.model.Extraction` records (actors and events) out.

>>> from kg import Article
>>> from kg.pipeline import Extractor
>>> ex = Extractor().extract(Article(id="t", text="NATO condemned Russia on Friday."))
>>> [(e.type, e.actors, e.recipients) for e in ex.events]
[('Condemn', ['nato'], ['russia'])]
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .actors.mentions import register_extensions
from .model import Article, Extraction
from .nlp import DEFAULT_MODEL, load_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Extractor", "doc_to_extraction"]


def doc_to_extraction(article: Article, doc) -> Extraction:
    """Collect what the pipeline's components found in ``doc`` into an Extraction."""
    actors = dict(doc._.gpol_actors or {})
    events = list(doc._.gpol_events or [])
    used = {k for e in events for k in (*e.actors, *e.recipients, e.claimed_by) if k}
    keep = {k: a for k, a in actors.items() if a.mentions or k in used}
    # an affiliation is a node of the graph too, from the Doc or else from the gazetteer
    from .actors.gazetteer import Gazetteer
    from .actors.recognise import actor_from_entry

    gaz = Gazetteer.load()
    for k in sorted(used - keep.keys()):
        # a participant the text names only by a place ("blew themselves up in Tel Aviv" hits
        # Israel) is a node of the graph too
        if gaz.get(k) is not None:
            keep[k] = actor_from_entry(gaz.get(k))
    for a in list(keep.values()):
        aff = a.affiliation
        if not aff or aff in keep:
            continue
        if aff in actors:
            keep[aff] = actors[aff]
        elif gaz.get(aff) is not None:
            keep[aff] = actor_from_entry(gaz.get(aff))
        else:
            a.affiliation = None
    return Extraction(article=article, actors=keep, events=events)


class Extractor:
    """Runs the NLP pipeline over articles. ``model`` names any installed spaCy pipeline;
    ``coder`` the event coder (``None``: the shipped model; a model path; ``"rules"``)."""

    def __init__(self, model: str | None = None, *, coder: str | None = None,
                 min_confidence: float | None = None, batch_size: int = 16):
        self.model = model or DEFAULT_MODEL
        self.coder = coder
        self.nlp = load_pipeline(self.model, None if coder is None else str(coder), min_confidence)
        self.batch_size = batch_size
        register_extensions()

    def _doc(self, article: Article):
        from .actors.gazetteer import Gazetteer
        from .nlp.boilerplate import mask_boilerplate
        from .nlp.dateline import mask_datelines
        from .nlp.headline import recase_title

        gaz = Gazetteer.load()
        # (datelines, credits and the page's own lines are not the story: blanked, offsets kept)
        text, places = mask_datelines(mask_boilerplate(recase_title(article.text, article.title, gaz)))
        doc = self.nlp.make_doc(text)
        if "\n\n" in text:
            toks = list(doc)
            for prev, tok in zip(toks, toks[1:]):
                if prev.is_space and "\n\n" in prev.text_with_ws and not tok.is_space:
                    tok.is_sent_start = True  # no sentence runs across paragraphs (a headline has no stop)
        doc._.gpol_anchor = article.published
        doc._.gpol_source = article.text
        # a state the dateline names ("MAAN, Jordan -"), else the state of its town ("KHARTOUM -")
        states = [next((e for e in gaz.lookup(p) if e.kind == "State"), None) for p in places]
        homes = states + [gaz.locate(p) for p in places]
        doc._.gpol_home = next((h.key for h in homes if h is not None), None)
        return doc

    def extract(self, article: Article) -> Extraction:
        """The actors and events of one article."""
        return doc_to_extraction(article, self.nlp(self._doc(article)))

    def parse_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Doc]]:
        """Each article with its Doc after the whole pipeline, in order, batched through
        ``nlp.pipe`` (for callers that read the Doc itself: training, scoring)."""
        pending: deque[Article] = deque()

        def docs():
            for art in articles:
                pending.append(art)
                yield self._doc(art)

        for doc in self.nlp.pipe(docs(), batch_size=self.batch_size):
            yield pending.popleft(), doc

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extractions of many articles, in order, batched through ``nlp.pipe``."""
        for art, doc in self.parse_many(articles):
            yield doc_to_extraction(art, doc)
