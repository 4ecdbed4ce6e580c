"""gpol_lemmas: verb lemmas the pretrained lemmatizer gets wrong are mended from the lexicon."""
from kg.nlp.lemmas import LemmaMender, candidates


def test_wrong_lemma_is_mended_with_the_real_pipeline(nlp):
    doc = nlp("China's military staged drills around Taiwan, and troops were staging more.")
    assert [t.lemma_ for t in doc if t.lower_ in ("staged", "staging")] == ["stage", "stage"]


def test_known_lemma_is_never_changed(nlp):
    doc = nlp("China staged drills.")
    staged = doc[1]
    staged.lemma_ = "stag"
    LemmaMender({"stag", "stage"}.__contains__)(doc)
    assert staged.lemma_ == "stag"  # the lexicon knows it: left alone
    LemmaMender({"stage"}.__contains__)(doc)
    assert staged.lemma_ == "stage"


def test_candidates_cover_regular_inflections():
    assert "stop" in candidates("stopped") and "carry" in candidates("carries")
    assert candidates("go") == []
