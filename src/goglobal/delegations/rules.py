"""Pure decisions about delegations: who may do what, slots, routes and travel windows."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from goglobal.accounts.models import Role

DELEGATION_MANAGERS = frozenset({Role.ADMIN, Role.ORGANISER, Role.OFFICER})
NO_ROUTE = 10**9
V = TypeVar("V", str, int)  # a venue: its engine key or its pk
AFTERNOON_FROM = datetime.time(12, 30)


def _role(user: Any) -> str | None:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return str(user.role)


def can_manage_delegations(user: Any) -> bool:
    """Officers, organisers and administrators plan delegations and read briefing packs."""
    return _role(user) in DELEGATION_MANAGERS


def day_slots(
    day: datetime.date,
    *,
    starts: datetime.time,
    ends: datetime.time,
    minutes: int,
    zone: datetime.tzinfo,
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """Back-to-back meeting slots of ``minutes`` from ``starts`` while they end by ``ends``."""
    start = datetime.datetime.combine(day, starts, tzinfo=zone)
    last = datetime.datetime.combine(day, ends, tzinfo=zone)
    step = datetime.timedelta(minutes=minutes)
    slots = []
    while start + step <= last:
        slots.append((start, start + step))
        start += step
    return slots


def session_of(start: datetime.datetime) -> str:
    return "morning" if start.timetz().replace(tzinfo=None) < AFTERNOON_FROM else "afternoon"


def shortest_routes(
    venues: Iterable[V], travel: Iterable[tuple[V, V, int]]
) -> dict[tuple[V, V], int]:
    """Shortest minutes between every two venues through the listed times (Floyd–Warshall)."""
    names = list(venues)
    best = {(a, b): 0 if a == b else NO_ROUTE for a in names for b in names}
    for a, b, minutes in travel:
        best[a, b] = min(best[a, b], minutes)
        best[b, a] = min(best[b, a], minutes)
    for k in names:
        for a in names:
            if best[a, k] >= NO_ROUTE:
                continue
            for b in names:
                if best[a, k] + best[k, b] < best[a, b]:
                    best[a, b] = best[a, k] + best[k, b]
    return best


def too_close(
    first: tuple[datetime.datetime, datetime.datetime],
    second: tuple[datetime.datetime, datetime.datetime],
    minutes: int,
) -> bool:
    """Whether a person cannot make both: they overlap or leave less than ``minutes`` between."""
    if minutes >= NO_ROUTE:
        return True  # no route between the venues: never both in one programme
    gap = datetime.timedelta(minutes=minutes)
    return not (first[1] + gap <= second[0] or second[1] + gap <= first[0])


@dataclass(frozen=True)
class Commitment:
    """Where a member has to be and when: a meeting (``visit``) or a plenary or site visit."""

    kind: str  # "visit" | "item"
    pk: int
    venue: int
    start: datetime.datetime
    end: datetime.datetime


def unreachable(
    busy: Iterable[Commitment], routes: dict[tuple[int, int], int]
) -> list[tuple[Commitment, Commitment, int]]:
    """Pairs of one member's commitments, at least one a meeting, that the member cannot both
    make: they overlap, or leave less than the shortest route between their venues (or there
    is no route). Each pair once, earlier first, with the route's minutes."""
    ordered = sorted(busy, key=lambda c: (c.start, c.end, c.kind, c.pk))
    out = []
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if first.kind == second.kind == "item":
                continue  # two fixed items: the delegation page's own warning
            minutes = routes.get((first.venue, second.venue), NO_ROUTE)
            if too_close((first.start, first.end), (second.start, second.end), minutes):
                out.append((first, second, minutes))
    return out
