"""The ``gpol_lemmas`` pipeline component: mend verb lemmas the pretrained lemmatizer gets wrong.

The rule lemmatizer of the pinned English pipeline strips some inflections to a word that is no
verb ("staged" -> "stag"). The event lexicon looks verbs up by lemma, so such a verb would be
missed. For a verb whose lemma the lexicon does not know, this component tries the regular
de-inflections of the word as written ("staged" -> "stage", "shelled" -> "shell", "stopped" ->
"stop", "carried" -> "carry") and keeps the first one the lexicon knows. Known lemmas are left as
they are, so a correct lemma is never changed.

>>> from kg.nlp import load_pipeline
>>> [t.lemma_ for t in load_pipeline()("China staged drills.") if t.pos_ == "VERB"]
['stage']
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["LemmaMender", "candidates"]

_INFLECTED = {"VBD", "VBN", "VBG", "VBZ"}


def candidates(word: str) -> list[str]:
    """Regular de-inflections of an inflected verb form, most likely first.

    >>> candidates("staged"), candidates("stopped"), candidates("carried")
    (['stage', 'stag'], ['stoppe', 'stopp', 'stop'], ['carry', 'carrie'])
    """
    w = word.lower()
    out: list[str] = []
    if w.endswith("ied") and len(w) > 4:
        out += [w[:-3] + "y", w[:-1]]
    elif w.endswith("ed") and len(w) > 3:
        out += [w[:-1], w[:-2]]
        if len(w) > 4 and w[-3] == w[-4]:
            out.append(w[:-3])  # "stopped" -> "stop"
    elif w.endswith("ing") and len(w) > 4:
        out += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            out.append(w[:-4])  # "stopping" -> "stop"
    elif w.endswith("ies") and len(w) > 4:
        out += [w[:-3] + "y"]
    elif w.endswith("es") and len(w) > 3:
        out += [w[:-1], w[:-2]]
    elif w.endswith("s") and len(w) > 2:
        out += [w[:-1]]
    return out


class LemmaMender:
    """Set ``token.lemma_`` of an inflected verb to a lemma the lexicon knows, when it has none;
    and read a capitalised agent noun that opens a sentence as the common noun it is.

    After a dateline blanked out ("KINSHASA (Reuters) - Protesters stormed ..."), the tagger reads
    the first word as a proper name ("Protesters" NNPS, lemma "Protesters"); a word whose lower-case
    singular names people of a sector (``agent``: "protester", "police", "rebel") is a common noun.
    """

    def __init__(self, known: Callable[[str], bool], agent: Callable[[str], bool] = lambda w: False):
        self.known = known
        self.agent = agent

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if tok.tag_ in ("NNP", "NNPS") and tok.is_title and (tok.i == 0 or tok.is_sent_start
                                                                   or doc[tok.i - 1].is_space):
                low = tok.lower_
                lemma = next((w for w in (*candidates(low), low) if self.agent(w)), None)
                if lemma is not None and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
                    tok.tag_ = "NNS" if lemma != low else "NN"
                    tok.pos_ = "NOUN"
                    tok.lemma_ = lemma
                continue
            if tok.tag_ not in _INFLECTED or tok.pos_ not in ("VERB", "AUX"):
                continue
            if self.known(tok.lemma_.lower()):
                continue
            for cand in candidates(tok.text):
                if self.known(cand):
                    tok.lemma_ = cand
                    break
        return doc


@Language.factory("gpol_lemmas", default_config={})
def make_lemma_mender(nlp: Language, name: str) -> LemmaMender:
    from ..events.lexicon import Lexicon
    from ..events.modality import word_list

    from ..actors.gazetteer import Gazetteer

    verbs = Lexicon.load().verbs() | set(word_list("light_verbs")) | set(word_list("speech_verbs"))
    gaz = Gazetteer.load()
    return LemmaMender(verbs.__contains__, lambda w: gaz.sector(w) is not None)
