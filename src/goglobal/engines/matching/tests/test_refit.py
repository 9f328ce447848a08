import random

import pytest

from goglobal.engines.matching.rank import PARTS
from goglobal.engines.matching.refit import fit_weights
from goglobal.engines.matching.weights import DEFAULT_WEIGHTS


def _synthetic(count: int, seed: int = 7):
    """Outcomes driven by the track record and the market; the other parts are noise."""
    rng = random.Random(seed)
    samples = []
    for _ in range(count):
        parts = {name: rng.random() for name in PARTS}
        good = parts["track_record"] + parts["market"] + rng.gauss(0, 0.2) > 1.0
        samples.append((parts, good))
    return samples


def test_refit_raises_the_parts_that_predict_good_outcomes():
    refit = fit_weights(_synthetic(600), DEFAULT_WEIGHTS)

    new = refit.weights
    assert new.track_record > DEFAULT_WEIGHTS.track_record
    assert new.track_record > new.text
    assert new.market > new.language
    total = sum(getattr(new, name) for name in PARTS)
    assert total == pytest.approx(sum(getattr(DEFAULT_WEIGHTS, name) for name in PARTS), 1e-3)
    assert new.fairness_margin == DEFAULT_WEIGHTS.fairness_margin
    assert refit.samples == 600
    assert refit.log_loss < 0.6


def test_refit_is_deterministic_and_needs_samples():
    assert fit_weights(_synthetic(100), DEFAULT_WEIGHTS) == fit_weights(
        _synthetic(100), DEFAULT_WEIGHTS
    )
    with pytest.raises(ValueError, match="no samples"):
        fit_weights([], DEFAULT_WEIGHTS)
