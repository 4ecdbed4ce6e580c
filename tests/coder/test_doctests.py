"""The docstring examples of the coder's modules run and give what they show."""
from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["kg.coder.candidates", "kg.coder.features", "kg.coder.model",
                                  "kg.coder.component", "kg.corpus", "kg.calibration"])
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
