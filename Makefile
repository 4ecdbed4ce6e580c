# geopolitical-kg: `make demo` builds the bundled examples, `make test` runs the test suite.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
KG     := $(VENV)/bin/kg
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

TRSTAMP := $(VENV)/.installed-train

.PHONY: demo test test-fast system-deps bench train clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TSTAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

$(TRSTAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e ".[train]"
	touch $@

demo: $(STAMP)
	$(KG) build examples/articles -o out/graph.trig --html out/graph.html --summary

# Debian packages the tests use: headless Chromium for the HTML views, rapper for Turtle.
system-deps:
	@scripts/install-system-deps.sh

# the whole suite, the slow tests included (about five and a half minutes on two cores)
test: $(TSTAMP) system-deps
	$(PY) -m pytest -q -m "slow or not slow"

# the quick subset that a bare `pytest` runs while developing
test-fast: $(TSTAMP) system-deps
	$(PY) -m pytest -q

# rebuild the shipped event coder, data/models/coder.npz, from data/corpus (seed 0)
train: $(TRSTAMP)
	$(KG) train --seed 0

bench: $(TSTAMP)
	$(PY) bench/query.py
	$(PY) bench/extract.py

clean:
	rm -rf $(VENV) out build dist *.egg-info
