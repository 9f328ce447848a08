"""Refit the score weights from referral outcomes: L2-regularised logistic regression (NumPy).

A sample is the score parts of a stored suggestion (``Match.parts``) and whether the referral
that followed went well (accepted or completed: 1) or not (declined: 0). The fitted coefficients
are clipped at a floor (a part never counts against a provider), then scaled so that their sum
equals the old weights' sum, keeping scores on the same scale as the fairness margin expects.
Deterministic: plain gradient descent from zero.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import numpy as np

from goglobal.engines.matching.rank import PARTS
from goglobal.engines.matching.weights import Weights

Sample = tuple[Mapping[str, float], bool]


@dataclasses.dataclass(frozen=True, slots=True)
class Refit:
    weights: Weights
    samples: int
    positives: int
    log_loss: float  # on the samples, with the fitted (unscaled) coefficients


def _matrix(samples: Sequence[Sample]) -> tuple[np.ndarray, np.ndarray]:
    features = np.array([[float(parts.get(name, 0.0)) for name in PARTS] for parts, _ in samples])
    labels = np.array([1.0 if good else 0.0 for _, good in samples])
    return features, labels


def fit_weights(
    samples: Sequence[Sample],
    old: Weights,
    *,
    l2: float = 0.01,
    steps: int = 3000,
    rate: float = 0.5,
    floor: float = 0.05,
) -> Refit:
    """New weights for the six score parts; every other setting is kept from ``old``."""
    if not samples:
        raise ValueError("no samples to fit")
    x, y = _matrix(samples)
    coef = np.zeros(x.shape[1])
    bias = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ coef + bias)))
        error = p - y
        coef -= rate * (x.T @ error / len(y) + l2 * coef)
        bias -= rate * float(error.mean())
    p = np.clip(1.0 / (1.0 + np.exp(-(x @ coef + bias))), 1e-9, 1 - 1e-9)
    loss = float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())
    clipped = np.maximum(coef, floor)
    total_old = sum(getattr(old, name) for name in PARTS)
    scaled = clipped * (total_old / float(clipped.sum()))
    new = dataclasses.replace(
        old, **{name: round(float(value), 4) for name, value in zip(PARTS, scaled, strict=True)}
    )
    return Refit(new, len(samples), int(y.sum()), round(loss, 6))
