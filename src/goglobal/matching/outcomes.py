"""Referral outcomes read for the matcher: track records and this month's open referrals.

``cases`` sits above ``matching``, so the referral model is looked up by name inside functions
(``apps.get_model``) instead of imported.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.apps import apps
from django.db.models import Count, Q
from django.utils import timezone

from goglobal.engines import matching as engine
from goglobal.knowledge.models import Sector

ACCEPTED = ("accepted", "in_progress")
OPEN = ("sent", "accepted", "in_progress", "completed")  # what takes up a month's capacity


def _referrals() -> Any:
    return apps.get_model("cases", "Referral").objects


def _counts(filters: Q) -> dict[int, dict[str, int]]:
    rows = (
        _referrals()
        .filter(filters, status__in=(*ACCEPTED, "completed", "declined"))
        .values("provider_id", "status")
        .annotate(n=Count("id"))
    )
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        counts[row["provider_id"]][row["status"]] += row["n"]
    return counts


def _record(counts: dict[str, int], sector: str) -> engine.TrackRecord:
    return engine.TrackRecord(
        accepted=sum(counts.get(status, 0) for status in ACCEPTED),
        completed=counts.get("completed", 0),
        declined=counts.get("declined", 0),
        sector=sector,
    )


def track_records(sector: Sector | None) -> tuple[tuple[str, engine.TrackRecord], ...]:
    """Per provider, referrals for enterprises in the same division, else in the same section."""
    if sector is None:
        return ()
    same = _counts(Q(case__enterprise__sector=sector))
    records = {provider: _record(counts, sector.code) for provider, counts in same.items()}
    if sector.section_id is not None:
        section = sector.section
        wider = _counts(Q(case__enterprise__sector__section_id=sector.section_id))
        for provider, counts in wider.items():
            if provider not in records and section is not None:
                records[provider] = _record(counts, section.code)
    return tuple((str(provider), records[provider]) for provider in sorted(records))


def open_referrals(provider_ids: list[int] | None) -> dict[int, int]:
    """Referrals each provider received this calendar month (Hong Kong time) and still holds
    (``None``: every provider that holds any)."""
    now = timezone.localtime()
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    held = _referrals().filter(status__in=OPEN, sent_at__gte=start)
    if provider_ids is not None:
        held = held.filter(provider_id__in=provider_ids)
    rows = held.values("provider_id").annotate(n=Count("id"))
    return {row["provider_id"]: row["n"] for row in rows}
