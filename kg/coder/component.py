"""The ``gpol_coder`` pipeline component: the trained coder decides the Doc's events.

It runs after ``gpol_events`` (the rules, which now propose) and replaces ``doc._.gpol_events``
with the events the model codes, keeping the proposals in ``doc._.gpol_candidates``.

>>> from kg.nlp import load_pipeline
>>> nlp = load_pipeline()
>>> nlp.pipe_names[-2:]
['gpol_events', 'gpol_coder']
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..events.timex import starts_after
from .candidates import DocContext, propose
from .model import DEFAULT_CODER, CoderModel, decide, select, to_event

__all__ = ["EventCoder"]


class EventCoder:
    """Decide the events of a Doc with a trained :class:`~kg.coder.model.CoderModel`."""

    def __init__(self, nlp: Language, name: str = "gpol_coder", path: str | None = None,
                 min_confidence: float | None = None):
        if not Doc.has_extension("gpol_candidates"):
            Doc.set_extension("gpol_candidates", default=None)
        self.name = name
        self.path = str(path or DEFAULT_CODER)
        self.model = CoderModel.load(self.path)
        # the model's own threshold unless a stricter (or looser) one is asked for
        self.threshold = self.model.threshold if min_confidence is None else float(min_confidence)

    def __call__(self, doc: Doc) -> Doc:
        ctx = DocContext.of(doc)
        cands = propose(doc, ctx, self.model.story)
        doc._.gpol_candidates = list(doc._.gpol_events or [])
        decisions = select(decide(self.model, cands, ctx), self.threshold)
        events = [to_event(d, ctx) for d in decisions]
        published = doc._.gpol_anchor
        for ev in events:
            if published is not None and ev.date and ev.modality != "Hypothetical" \
                    and starts_after(ev.date, published):
                ev.modality = "Hypothetical"  # dated after the story that tells it: planned, not done
        doc._.gpol_events = events
        return doc


@Language.factory("gpol_coder", default_config={"path": None, "min_confidence": None})
def make_event_coder(nlp: Language, name: str, path: str | None, min_confidence: float | None) -> EventCoder:
    return EventCoder(nlp, name, path, min_confidence)
