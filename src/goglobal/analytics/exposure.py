"""Exposure fairness of the matcher: who is shown first in stored suggestions, and how evenly."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from goglobal.engines.matching import exposure_shares, gini
from goglobal.matching.models import MatchSuggestion
from goglobal.providers.models import ServiceProvider

TOP = 15


@dataclass(frozen=True)
class Exposure:
    provider: str
    first_places: int
    share: float  # of all first places, 0–1


@dataclass(frozen=True)
class ExposureReport:
    rows: list[Exposure]
    gini: float  # over every provider suggested at least once, zero first places included
    batches: int


def exposure_report() -> ExposureReport:
    suggested = set(MatchSuggestion.objects.values_list("provider_id", flat=True).distinct())
    firsts = dict(
        MatchSuggestion.objects.filter(rank=1)
        .values("provider_id")
        .annotate(n=Count("id"))
        .values_list("provider_id", "n")
    )
    counts = {str(pk): firsts.get(pk, 0) for pk in suggested}
    shares = exposure_shares(counts)
    names = {str(p.pk): p.name for p in ServiceProvider.objects.filter(pk__in=suggested)}
    ordered = sorted(counts, key=lambda pk: (-counts[pk], names.get(pk, pk)))[:TOP]
    rows = [Exposure(names.get(pk, pk), counts[pk], shares[pk]) for pk in ordered if counts[pk]]
    return ExposureReport(rows, round(gini(counts), 3), sum(firsts.values()))
