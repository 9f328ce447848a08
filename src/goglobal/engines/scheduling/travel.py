"""Format 2: venues and travel times between them (delegations visiting several places a day).

A request may name the ``venue`` where its meeting takes place. ``travel`` gives minutes between
two venues (both ways); the engine uses the shortest route through the listed times, and a venue
pair without any route cannot be combined in one day's sequence at all. A member of two meetings
at different venues needs, between the end of the earlier and the start of the later, at least
the travel time between the two. With shortest routes this rule on every pair of a member's
meetings is the same as the rule on consecutive ones. Meetings without a venue take place
wherever the member is and need no travel.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from goglobal.engines.scheduling.errors import InstanceError
from goglobal.engines.scheduling.model import Instance

if TYPE_CHECKING:
    from goglobal.engines.scheduling.units import Unit

NO_ROUTE = 10**9  # minutes: no route between the venues


def routes(instance: Instance) -> dict[tuple[str, str], int]:
    """Shortest travel minutes between every pair of venues (Floyd–Warshall on ``travel``)."""
    venues = instance.venues
    best = {(a, b): 0 if a == b else NO_ROUTE for a in venues for b in venues}
    for a, b, minutes in instance.travel:
        best[a, b] = min(best[a, b], minutes)
        best[b, a] = min(best[b, a], minutes)
    for k in venues:
        for a in venues:
            via = best[a, k]
            if via >= NO_ROUTE:
                continue
            for b in venues:
                if via + best[k, b] < best[a, b]:
                    best[a, b] = via + best[k, b]
    return best


def unit_venue(instance: Instance, unit: Unit) -> str:
    venues = {instance.requests[i].venue for i in unit.requests} - {""}
    return min(venues) if venues else ""


def check_venues(instance: Instance, units: Sequence[Unit]) -> None:
    """A shared meeting takes place at one venue: its requests may not name two (InstanceError)."""
    for unit in units:
        named = [(i, instance.requests[i].venue) for i in unit.requests]
        venues = {venue for _, venue in named if venue}
        if len(venues) > 1:
            index, venue = next((i, v) for i, v in named if v and v != min(venues))
            raise InstanceError(
                f"requests[{index}].venue",
                f'"{venue}" differs from "{min(venues)}", named by another request of the same '
                "shared meeting",
            )


def too_close(
    instance: Instance,
    units: Sequence[Unit],
    members: Sequence[Sequence[int]],
    allowed: Sequence[int],
) -> tuple[tuple[int, int, int, int], ...]:
    """Pairs (unit, slot, unit, slot) with a shared member and too little time to travel."""
    if not instance.venues:
        return ()
    best = routes(instance)
    venue = [unit_venue(instance, unit) for unit in units]
    slots = instance.slots
    by_person: dict[int, list[int]] = {}
    for u, people in enumerate(members):
        for p in people if venue[u] else ():
            by_person.setdefault(p, []).append(u)
    out: list[tuple[int, int, int, int]] = []
    for a, b in _sharing(by_person, venue):
        for ta in range(len(slots)):
            if not allowed[a] >> ta & 1:
                continue
            for tb in range(len(slots)):
                if tb == ta or not allowed[b] >> tb & 1:
                    continue
                first, second = (a, b) if ta < tb else (b, a)
                early, late = slots[min(ta, tb)], slots[max(ta, tb)]
                gap = (late.start - early.end).total_seconds() / 60
                if gap < best[venue[first], venue[second]]:
                    out.append((a, ta, b, tb))
    return tuple(out)


def _sharing(by_person: dict[int, list[int]], venue: list[str]) -> list[tuple[int, int]]:
    """Pairs of units at different venues with a member in common."""
    pairs: set[tuple[int, int]] = set()
    for units_of in by_person.values():
        for i, a in enumerate(units_of):
            for b in units_of[i + 1 :]:
                if venue[a] != venue[b]:
                    pairs.add((a, b) if a < b else (b, a))
    return sorted(pairs)


def violations(plan_too_close: Sequence[tuple[int, int, int, int]], slot_of: Sequence[int]) -> int:
    """How many too-close pairs a schedule (slot per unit, -1 when left out) contains."""
    return sum(1 for a, ta, b, tb in plan_too_close if slot_of[a] == ta and slot_of[b] == tb)
