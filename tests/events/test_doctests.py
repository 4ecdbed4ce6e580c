"""The docstring examples of the event extractor's modules run and give what they show (each rule
of :mod:`kg.events.rules` shows its example sentence this way)."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["kg.events.extract", "kg.events.state"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
