"""Samples for refitting the weights: stored suggestions' score parts and the referral outcomes.

A referral (read by name: ``cases`` sits above ``matching``) that was accepted, in progress or
completed is a good outcome; a declined one is not. Its features are the parts of the latest
suggestion of the same provider for the same enterprise and need made before the referral.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.utils import timezone

from goglobal.engines import matching as engine
from goglobal.engines.matching.refit import Refit, Sample, fit_weights
from goglobal.matching.models import MatchSuggestion
from goglobal.matching.weights import current_weights, weights_path

GOOD = ("accepted", "in_progress", "completed")


def refit_samples() -> list[Sample]:
    referral_model: Any = apps.get_model("cases", "Referral")
    referrals = list(
        referral_model.objects.filter(status__in=(*GOOD, "declined")).values_list(
            "case__enterprise_id", "need_id", "provider_id", "created_at", "status"
        )
    )
    keys = {(e, n, p) for e, n, p, _at, _s in referrals}
    history: dict[tuple[int, int, int], list[tuple[datetime, dict[str, float]]]] = {}
    rows = MatchSuggestion.objects.filter(
        enterprise_id__in={k[0] for k in keys}, provider_id__in={k[2] for k in keys}
    ).values_list("enterprise_id", "need_id", "provider_id", "created_at", "parts")
    for enterprise, need, provider, created, parts in rows.order_by("created_at", "id"):
        if (enterprise, need, provider) in keys:
            history.setdefault((enterprise, need, provider), []).append((created, parts))
    samples: list[Sample] = []
    for enterprise, need, provider, created, status in referrals:
        seen = history.get((enterprise, need, provider), [])
        before = [parts for at, parts in seen if at <= created] or [p for _at, p in seen[:1]]
        if before:
            samples.append((before[-1], status in GOOD))
    return samples


def weights_refit(*, min_samples: int = 30, write: bool = True) -> tuple[engine.Weights, Refit]:
    """Fit new weights; write them to the weights file the services read. Returns (old, refit)."""
    samples = refit_samples()
    if len(samples) < min_samples:
        raise ValueError(f"{len(samples)} samples; at least {min_samples} are needed")
    old = current_weights()
    result = fit_weights(samples, old)
    if write:
        path: Path = weights_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        document = {
            "weights": dataclasses.asdict(result.weights),
            "samples": result.samples,
            "positives": result.positives,
            "log_loss": result.log_loss,
            "fitted_at": timezone.now().isoformat(),
            "engine_version": engine.ENGINE_VERSION,
        }
        path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return old, result
