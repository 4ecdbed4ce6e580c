"""Shared fixtures: the spaCy pipeline and the seed article's graph are built once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "articles" / "putin-hosts-north-korean-envoy.txt"


@pytest.fixture(scope="session")
def nlp():
    """The pipeline with the rule extractor deciding (no trained coder): the rules' own tests."""
    from kg.nlp import load_pipeline

    return load_pipeline(coder="rules")


@pytest.fixture(scope="session")
def extractor():
    """Extractor with the rule extractor deciding: the rules' own tests."""
    from kg.pipeline import Extractor

    return Extractor(coder="rules")


@pytest.fixture(scope="session")
def coded_extractor():
    """Extractor as `kg build` runs it by default: the shipped trained coder decides."""
    from kg.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_article():
    from kg.readers import read_articles

    return next(iter(read_articles([SEED])))


@pytest.fixture(scope="session")
def seed_extraction(extractor, seed_article):
    return extractor.extract(seed_article)


@pytest.fixture(scope="session")
def seed_graph_file(tmp_path_factory):
    """The seed article built with the real CLI into a TriG file."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("seed") / "seed.trig"
    assert main(["build", str(SEED), "-o", str(out), "--no-progress"]) == 0
    return out
