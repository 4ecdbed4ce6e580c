"""The trained event coder: a model file, and what it decides for a Doc's candidates.

The model is two multinomial logistic regressions over the hashed features of :mod:`kg.coder.features`:
one for the event type (the 16 PLOVER top types and ``NONE``, no codable event), one for the
modality of a codable event; then a calibration (a logistic regression fitted on held-out
scores: the logit of the model's score, the length of the document, and their product) that turns the model's
score of the decision into the probability that the event is right, and the confidence under
which no event is written. Inference needs numpy and scipy only; training
(:mod:`kg.coder.train`) needs scikit-learn.

A model is one ``.npz`` file (arrays, no pickled code: loading it runs nothing it holds).

>>> m = CoderModel.load(DEFAULT_CODER)
>>> m.types[:3], m.modalities
(('NONE', 'Agree', 'Consult'), ('Asserted', 'Negated', 'Hypothetical'))
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

from ..errors import KGError
from ..evaluate import TOP_TYPES
from ..model import MODALITIES, Event
from ..resources import data_path
from ..events.syntax import evidence_span
from .candidates import Candidate, DocContext
from .features import HASH_BITS, hash_index, sparse_features
from .story import StoryRanker

__all__ = ["CoderModel", "CoderErrors", "DEFAULT_CODER", "featurize", "decide", "guessed"]

#: the model `kg build` uses unless told otherwise
DEFAULT_CODER = data_path("models", "coder.npz")
FORMAT_VERSION = 1


class CoderErrors:
    E160 = "[E160] {path}: no such coder model; train one with `kg train` or pass --coder rules."
    E161 = "[E161] {path}: not a coder model of this version of geopolitical-kg ({detail})."


def featurize(cands: list[Candidate], ctx: DocContext, bits: int = HASH_BITS) -> sparse.csr_matrix:
    """The binary feature matrix of candidates (one row each, ``2 ** bits`` hashed columns)."""
    rows, cols = [], []
    for i, c in enumerate(cands):
        idx = sorted({hash_index(n, bits) for n in sparse_features(c, ctx)})
        rows += [i] * len(idx)
        cols += idx
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                             shape=(len(cands), 1 << bits), dtype=np.float32)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class CoderModel:
    """Weights of the two classifiers, the calibration and the decision threshold."""

    type_coef: np.ndarray  # (n_types, 2 ** bits)
    type_bias: np.ndarray
    mod_coef: np.ndarray  # (3, 2 ** bits)
    mod_bias: np.ndarray
    # p = sigmoid(a * z + b + c * n + d * z * n), z = logit(raw), n = log(1 + sentences in the
    # document); a file with only (a, b) is Platt scaling
    calibration: tuple[float, ...] = (1.0, 0.0, 0.0, 0.0)
    threshold: float = 0.5  # events under this calibrated confidence are not written
    meta: dict = field(default_factory=dict)
    types: tuple[str, ...] = ("NONE", *TOP_TYPES)
    modalities: tuple[str, ...] = MODALITIES
    bits: int = HASH_BITS
    story: StoryRanker | None = None  # ranks the story's actors as targets of acts that name none

    # ------------------------------------------------------------------ scores
    def __post_init__(self):
        # transposed once, so that a batch of candidates is one sparse-dense product
        self._type_t = np.ascontiguousarray(self.type_coef.T)
        self._mod_t = np.ascontiguousarray(self.mod_coef.T)

    def predict_proba(self, X) -> tuple[np.ndarray, np.ndarray]:
        """Probabilities of each type (``self.types``) and each modality, per row of ``X``."""
        return (_softmax(np.asarray(X @ self._type_t) + self.type_bias),
                _softmax(np.asarray(X @ self._mod_t) + self.mod_bias))

    def calibrate(self, raw: np.ndarray, n_sentences: int = 1, inferred: np.ndarray | None = None) -> np.ndarray:
        """Calibrated probability that a decision of raw score ``raw``, in a document of
        ``n_sentences`` sentences, is right. The same score is worth less in a long article,
        whose background, quotes and analysis hold more candidates that are no event.

        >>> m = CoderModel.load(DEFAULT_CODER)
        >>> short, long = m.calibrate(np.array([0.6]), 3)[0], m.calibrate(np.array([0.6]), 60)[0]
        >>> bool(0 < long < short < 1)
        True

        ``inferred`` marks the decisions whose recipient the text does not name but the story
        suggests (``gpol:recipientInferred``): such a guess has its own, lower probability.

        >>> named, guessed = m.calibrate(np.array([0.6, 0.6]), 20, np.array([False, True]))
        >>> bool(guessed < named)
        True
        """
        a, b, c, d, e = (tuple(self.calibration) + (0.0, 0.0, 0.0))[:5]
        raw = np.clip(raw, 1e-6, 1 - 1e-6)
        z, n = np.log(raw / (1 - raw)), np.log1p(n_sentences)
        g = np.zeros_like(z) if inferred is None else np.asarray(inferred, dtype=float)
        return 1.0 / (1.0 + np.exp(-(a * z + b + c * n + d * z * n + e * g)))

    # ------------------------------------------------------------------ files
    def save(self, path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = dict(self.meta, format=FORMAT_VERSION, types=list(self.types), modalities=list(self.modalities),
                    bits=self.bits, calibration=list(self.calibration), threshold=self.threshold)
        tmp = path.with_name(path.name + ".tmp.npz")
        story = {} if self.story is None else dict(
            story_coef=self.story.coef.astype(np.float16), story_bias=np.array([self.story.bias]))
        np.savez_compressed(tmp, type_coef=self.type_coef.astype(np.float16), type_bias=self.type_bias,
                            mod_coef=self.mod_coef.astype(np.float16), mod_bias=self.mod_bias, **story,
                            meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8))
        tmp.replace(path)
        return path

    @classmethod
    def load(cls, path) -> "CoderModel":
        path = Path(path)
        if not path.is_file():
            raise KGError(CoderErrors.E160.format(path=path))
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(bytes(z["meta"]).decode("utf-8"))
                arrays = {k: z[k] for k in ("type_coef", "type_bias", "mod_coef", "mod_bias")}
                story = StoryRanker(z["story_coef"].astype(np.float32), float(z["story_bias"][0])) \
                    if "story_coef" in z.files else None
        except (OSError, ValueError, KeyError) as exc:
            raise KGError(CoderErrors.E161.format(path=path, detail=exc)) from None
        if meta.get("format") != FORMAT_VERSION:
            raise KGError(CoderErrors.E161.format(path=path, detail=f"format {meta.get('format')}"))
        return cls(arrays["type_coef"].astype(np.float32), arrays["type_bias"],
                   arrays["mod_coef"].astype(np.float32), arrays["mod_bias"], tuple(meta["calibration"]),
                   float(meta["threshold"]), meta, tuple(meta["types"]), tuple(meta["modalities"]),
                   int(meta["bits"]), story)


@dataclass
class Decision:
    """What the model decided for one candidate."""

    candidate: Candidate
    type: str  # top type, or "NONE"
    modality: str
    p_type: float
    p_modality: float
    confidence: float  # calibrated probability that the event is right


def decide(model: CoderModel, cands: list[Candidate], ctx: DocContext) -> list[Decision]:
    """The model's best reading of every candidate (before the threshold and the choice per group)."""
    if not cands:
        return []
    pt, pm = model.predict_proba(featurize(cands, ctx, model.bits))
    out = []
    none = model.types.index("NONE")
    for i, c in enumerate(cands):
        row = pt[i].copy()
        row[none] = -1.0
        t = int(row.argmax())
        m = int(pm[i].argmax())
        raw = float(pt[i, t] * pm[i, m])
        out.append(Decision(c, model.types[t], model.modalities[m], float(pt[i, t]), float(pm[i, m]), raw))
    cal = model.calibrate(np.array([d.confidence for d in out]), len(ctx.sent_spans), guessed(out))
    for d, p in zip(out, cal):
        d.confidence = float(p)
    return out


def guessed(decisions: list[Decision]) -> np.ndarray:
    """Whether each decision's recipient is one the story suggests rather than one the text names."""
    return np.array([d.candidate.guessed for d in decisions], dtype=bool)


def select(decisions: list[Decision], threshold: float) -> list[Decision]:
    """The events to write, each over the threshold. The candidates of one act by one actor are
    alternatives (with the recipient the proposer found, or with none): the most confident wins;
    when it names a recipient, the act's other recipients of the same type are kept with it ("called
    on Burhan and Hemedti" is a request to each). One event is kept per (actor, type, recipient)
    in a sentence. The same triple told in two sentences stays two events (the 2020 war and this
    week's shelling are two events of one pair); `kg eval` counts a triple once per document
    (coding rule R10)."""
    groups: dict[tuple, list[Decision]] = {}
    for d in decisions:
        if d.confidence >= threshold:
            groups.setdefault(d.candidate.group, []).append(d)
    chosen = []
    for ds in groups.values():
        best = max(ds, key=lambda d: d.confidence)
        chosen.append(best)
        if best.candidate.recipient is not None:
            chosen += [d for d in ds if d is not best and d.type == best.type and d.candidate.recipient is not None
                       and d.candidate.recipient != best.candidate.recipient]
    per_sentence: dict[tuple, Decision] = {}
    for d in chosen:
        key = (d.candidate.sent, d.candidate.actor, d.type, d.candidate.recipient)
        if key not in per_sentence or d.confidence > per_sentence[key].confidence:
            per_sentence[key] = d
    return sorted(per_sentence.values(), key=lambda d: (d.candidate.trigger, d.candidate.actor))


def to_event(d: Decision, ctx: DocContext) -> Event:
    """The decided event, with the proposer's details (date, place, evidence) where it had them."""
    from ..taxonomy import top_of

    c = d.candidate
    src = c.source
    cls = d.type
    if c.proposed != "NONE":
        try:
            if top_of(c.proposed) == d.type:
                cls = c.proposed  # the finer class the text says ("Airstrike" under Assault)
        except KeyError:
            pass
    doc = ctx.doc
    s, e = ctx.sent_spans[c.sent]
    start, evidence = evidence_span(doc[s:e])  # (not a masked dateline after a headline)
    date = src.date if src is not None else _sentence_date(doc, s, e)
    return Event(
        type=cls, actors=[c.actor], recipients=[c.recipient] if c.recipient else [], modality=d.modality,
        date=date, location=src.location if src is not None else None,
        evidence=evidence, char_start=start, char_end=start + len(evidence), confidence=round(d.confidence, 3),
        trigger=doc[c.trigger].text, trigger_index=c.trigger,
        cameo=src.cameo if src is not None and cls == c.proposed else None,
        claimed_by=src.claimed_by if src is not None else None,
        actor_sector=src.actor_sector if src is not None and c.actor in src.actors else None,
        recipient_sector=src.recipient_sector if src is not None and c.recipient in src.recipients else None,
        recipient_inferred=c.guessed)


def _sentence_date(doc, start: int, end: int) -> str | None:
    """The date of an act no rule read (a statement): that of an event the rules read in its
    sentence, else the date the story was published (an act told without a date carries the
    date it was reported on)."""
    for ev in doc._.gpol_events or []:  # (the rules' events, until the coder replaces them)
        if ev.date and ev.trigger_index is not None and start <= ev.trigger_index < end:
            return ev.date
    anchor = doc._.gpol_anchor
    return anchor.isoformat() if anchor is not None else None
