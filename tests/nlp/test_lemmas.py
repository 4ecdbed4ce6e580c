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


def test_an_agent_noun_opening_the_body_after_a_dateline_is_a_common_noun(extractor):
    # the blanked dateline leaves "Protesters" first, and the tagger reads it as a proper name
    from kg.model import Article

    doc = extractor.nlp(extractor._doc(Article(id="a", text="TUNIS (Wire) - Protesters occupied the ministry.",
                                               title=None)))
    first = next(t for t in doc if not t.is_space)
    assert (first.tag_, first.pos_, first.lemma_) == ("NNS", "NOUN", "protester")
    assert any(m.text == "Protesters" and m.key == "tunisia-opposition" for m in doc._.gpol_mentions)
    # a name stays a name
    doc = extractor.nlp(extractor._doc(Article(id="b", text="KABUL (Wire) - Taliban fighters seized the town.",
                                               title=None)))
    assert next(t for t in doc if not t.is_space).pos_ == "PROPN"
