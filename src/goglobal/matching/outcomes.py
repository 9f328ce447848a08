"""Referral outcomes read for the matcher: track records and this month's open referrals.

``cases`` sits above ``matching``, so the referral model is looked up by name inside functions
(``apps.get_model``) instead of imported.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone

from goglobal.engines import matching as engine
from goglobal.knowledge.models import Sector

ACCEPTED = ("accepted", "in_progress")
OPEN = ("sent", "accepted", "in_progress", "completed")  # what takes up a month's capacity


def _referrals() -> Any:
    return apps.get_model("cases", "Referral").objects


def _counts(filters: Q) -> dict[int, dict[int | None, dict[str, int]]]:
    """Per provider, per enterprise sector id, referral counts by status: one grouped query."""
    rows = (
        _referrals()
        .filter(filters, status__in=(*ACCEPTED, "completed", "declined"))
        .values("provider_id", "case__enterprise__sector_id", "status")
        .annotate(n=Count("id"))
    )
    counts: dict[int, dict[int | None, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    for row in rows:
        counts[row["provider_id"]][row["case__enterprise__sector_id"]][row["status"]] += row["n"]
    return counts


def _sum(by_sector: dict[int | None, dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = defaultdict(int)
    for counts in by_sector.values():
        for status, n in counts.items():
            total[status] += n
    return total


def _record(counts: dict[str, int], sector: str) -> engine.TrackRecord:
    return engine.TrackRecord(
        accepted=sum(counts.get(status, 0) for status in ACCEPTED),
        completed=counts.get("completed", 0),
        declined=counts.get("declined", 0),
        sector=sector,
    )


def _scope_key(sector: Sector) -> tuple[str, int]:
    """The same section, or the same division when it has none."""
    if sector.section_id is None:
        return "sector", sector.pk
    return "section", sector.section_id


def _scope(kind: str, scope_id: int) -> Q:
    """Referrals for enterprises in the same section (in the same division when it has none)."""
    if kind == "sector":
        return Q(case__enterprise__sector_id=scope_id)
    return Q(case__enterprise__sector__section_id=scope_id)


def _records(
    sector: Sector, counts: dict[int, dict[int | None, dict[str, int]]]
) -> tuple[tuple[str, engine.TrackRecord], ...]:
    section = sector.section if sector.section_id is not None else None
    records: dict[int, engine.TrackRecord] = {}
    for provider, by_sector in counts.items():
        if sector.pk in by_sector:  # referrals for enterprises in the same division
            records[provider] = _record(by_sector[sector.pk], sector.code)
        elif section is not None:  # else in the same section
            records[provider] = _record(_sum(by_sector), section.code)
    return tuple((str(provider), records[provider]) for provider in sorted(records))


def track_records(sector: Sector | None) -> tuple[tuple[str, engine.TrackRecord], ...]:
    """Per provider, referrals for enterprises in the same division, else in the same section."""
    if sector is None:
        return ()
    return _records(sector, _counts(_scope(*_scope_key(sector))))


def _month_start() -> datetime.datetime:
    now = timezone.localtime()
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _held(start: datetime.datetime | None = None) -> Q:
    return Q(status__in=OPEN, sent_at__gte=start or _month_start())


def open_referrals(provider_ids: list[int] | None) -> dict[int, int]:
    """Referrals each provider received this calendar month (Hong Kong time) and still holds
    (``None``: every provider that holds any)."""
    held = _referrals().filter(_held())
    if provider_ids is not None:
        held = held.filter(provider_id__in=provider_ids)
    rows = held.values("provider_id").annotate(n=Count("id"))
    return {row["provider_id"]: row["n"] for row in rows}


def referral_counts(
    sector: Sector | None,
) -> tuple[tuple[tuple[str, engine.TrackRecord], ...], dict[int, int]]:
    """``track_records(sector)`` and ``open_referrals(None)`` in one grouped query: what a
    suggestion request reads about referrals."""
    if sector is None:
        return (), open_referrals(None)
    sql, params = _grouped_sql(*_scope_key(sector), _month_start(), connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    counts: dict[int, dict[int | None, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    open_counts: dict[int, int] = defaultdict(int)
    for provider, enterprise_sector, status, held, counted in rows:
        if held:
            open_counts[provider] += held
        if counted:
            counts[provider][enterprise_sector][status] += counted
    return _records(sector, counts), dict(open_counts)


@lru_cache(maxsize=256)
def _grouped_sql(
    kind: str, scope_id: int, start: datetime.datetime, _vendor: str
) -> tuple[str, tuple[Any, ...]]:
    """The grouped statement of ``referral_counts`` as SQL and parameters, composed by the ORM
    once per sector scope and month (composing it took most of the call's 4 ms)."""
    held = _held(start)
    scope = _scope(kind, scope_id) & Q(status__in=(*ACCEPTED, "completed", "declined"))
    rows = (
        _referrals()
        .filter(held | scope)
        .values("provider_id", "case__enterprise__sector_id", "status")
        .annotate(held=Count("id", filter=held), counted=Count("id", filter=scope))
        .order_by()
    )
    sql, params = rows.query.sql_with_params()
    return sql, tuple(params)
