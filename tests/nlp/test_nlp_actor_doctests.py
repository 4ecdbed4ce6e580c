"""The docstring examples of the NLP and actor stages run and give what they show."""
from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["kg.nlp.dateline", "kg.nlp.boilerplate", "kg.nlp.orgnames", "kg.nlp.headline", "kg.nlp.lemmas",
                                  "kg.nlp.pipeline", "kg.actors.recognise", "kg.actors.gazetteer",
                                  "kg.actors.resolve", "kg.actors.score", "kg.actors.mentions"])
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
