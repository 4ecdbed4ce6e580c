"""The trained event coder: candidates from the parse and the lexicon, decided by a model
learned from the project's annotated corpus (``data/corpus/``).

Stages: :mod:`~kg.coder.candidates` (who may have done what to whom) →
:mod:`~kg.coder.features` → :mod:`~kg.coder.model` (type, modality, calibrated confidence) →
the ``gpol_coder`` pipeline component (:mod:`~kg.coder.component`). :mod:`~kg.coder.train`
learns a model from gold records (``kg train``).
"""
from __future__ import annotations

from .candidates import Candidate, DocContext, propose
from .model import DEFAULT_CODER, CoderModel

__all__ = ["Candidate", "DocContext", "propose", "CoderModel", "DEFAULT_CODER"]
