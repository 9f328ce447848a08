"""Format 2: an independent checker and an exhaustive solver, written from the format's rules."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime

from goglobal.engines.scheduling.model import Instance, Meeting, Result


def blocked(instance: Instance) -> set[tuple[str, str]]:
    out = set()
    for session in instance.programme:
        for p in instance.participants:
            if (not session.groups and not session.participants) or (
                p.id in session.participants or session.groups & p.groups
            ):
                out.update((p.id, slot) for slot in session.slots)
    return out


def breaks_of(instance: Instance, meetings: Iterable[Meeting]) -> dict[str, int]:
    """Per participant: runs of idle slots between two of its meetings on one day."""
    busy = {(person, m.slot) for m in meetings for person in m.participants}
    programme = blocked(instance)
    out = {}
    for p in instance.participants:
        count = 0
        day = None
        seen = idle = False
        for slot in instance.slots:
            if slot.start.date() != day:
                day, seen, idle = slot.start.date(), False, False
            if (p.id, slot.id) in programme:
                continue
            if (p.id, slot.id) in busy:
                if seen and idle:
                    count += 1
                seen, idle = True, False
            elif seen:
                idle = True
        out[p.id] = count
    return out


def value_of(instance: Instance, meetings: Iterable[Meeting]) -> int:
    together: dict[str, set[frozenset[str]]] = {}  # each person's meeting groups
    for m in meetings:
        for person in m.participants:
            together.setdefault(person, set()).add(frozenset(m.participants))
    by_org: dict[str, set[str]] = {}
    for p in instance.participants:
        if p.organisation:
            by_org.setdefault(p.organisation, set()).add(p.id)
    total = 0
    for request in instance.requests:
        if request.to_id:
            wanted = {request.from_id, request.to_id}
        else:
            wanted = {request.from_id, *(request.marked_by or by_org[request.organisation])}
        if any(wanted <= group for group in together.get(request.from_id, ())):
            total += request.weight
    return total


def check(instance: Instance, result: Result) -> None:  # noqa: C901 - one rule each
    """Assert every rule of format 2 on ``result``."""
    people = {p.id: p for p in instance.participants}
    slots = {s.id: s for s in instance.slots}
    order = [s.id for s in instance.slots]
    programme = blocked(instance)
    seen_person: set[tuple[str, str]] = set()
    seen_table: set[tuple[str, str]] = set()
    counts: Counter[str] = Counter()
    where: dict[frozenset[str], str] = {}
    sessions: dict[frozenset[str], set[str]] = {}  # a pair's requested sessions
    for request in instance.requests:
        if request.session != "any" and request.to_id:
            ends = frozenset((request.from_id, request.to_id))
            sessions.setdefault(ends, set()).add(request.session)
    for m in result.meetings:
        group = frozenset(m.participants)
        assert len(group) == len(m.participants) >= 2, m
        assert m.slot in slots, m
        assert m.table in instance.tables, m
        assert (m.table, m.slot) not in seen_table, f"table twice {m}"
        seen_table.add((m.table, m.slot))
        for person in m.participants:
            assert m.slot in people[person].available, f"{person} unavailable {m}"
            assert (person, m.slot) not in programme, f"{person} in the programme {m}"
            assert (person, m.slot) not in seen_person, f"{person} twice in {m.slot}"
            seen_person.add((person, m.slot))
            counts[person] += 1
        for pair in itertools.combinations(sorted(group), 2):
            for session in sessions.get(frozenset(pair), ()):
                assert slots[m.slot].session == session, f"wrong session {m}"
        where.setdefault(group, m.slot)
    for person, count in counts.items():
        cap = people[person].max_meetings
        assert cap is None or count <= cap, f"{person} over max_meetings"
    # Nobody meets two representatives of one organisation separately, unless asked.
    separate = {
        frozenset((r.from_id, r.to_id)) for r in instance.requests if r.separate and r.to_id
    }
    meetings_of: dict[str, list[Meeting]] = {}
    for m in result.meetings:
        for person in m.participants:
            meetings_of.setdefault(person, []).append(m)
    for person in people:
        met: dict[str, list[frozenset[str]]] = {}
        for m in meetings_of.get(person, ()):
            for other in m.participants:
                org = people[other].organisation
                foreign = other != person and org and org != people[person].organisation
                if foreign and frozenset((person, other)) not in separate:
                    met.setdefault(org, []).append(frozenset(m.participants))
        for org, groups in met.items():
            assert len(set(groups)) <= 1, f"{person} meets {org} separately"
    held: dict[frozenset[str], list[Meeting]] = {}
    for x in result.meetings:
        held.setdefault(frozenset(x.participants), []).append(x)
    for m in instance.fixed:
        assert any(
            x.slot == m.slot and (not m.table or x.table == m.table)
            for x in held.get(frozenset(m.participants), ())
        ), f"fixed meeting missing {m}"
    slot_at = {frozenset(m.participants): order.index(m.slot) for m in result.meetings}
    for precedence in instance.precedences:
        after = [t for g, t in slot_at.items() if set(precedence.after) <= g]
        before = [t for g, t in slot_at.items() if set(precedence.before) <= g]
        if after:
            assert before, f"precedence broken {precedence}"
            assert min(before) < min(after), f"precedence broken {precedence}"
    check_travel(instance, result.meetings)
    assert result.value == value_of(instance, result.meetings), "value"
    assert result.value <= result.upper_bound, "value above the bound"
    assert result.breaks is not None
    per = breaks_of(instance, result.meetings)
    assert result.breaks.total == sum(per.values()), "breaks total"
    active = [per[p] for p in counts]
    if active:
        assert result.breaks.most == max(active)
        assert result.breaks.spread == max(active) - min(active)


def brute_force(instance: Instance, units: Sequence[tuple[str, ...]]) -> tuple[int, int]:
    """(best value, fewest breaks among the best-valued schedules within the spread bound)."""
    slots = [s.id for s in instance.slots]
    best: tuple[int, int] = (-1, 0)
    for choice in itertools.product([None, *slots], repeat=len(units)):
        meetings = []
        used: Counter[str] = Counter()
        for members, slot in zip(units, choice, strict=True):
            if slot is not None:
                used[slot] += 1
                meetings.append(
                    Meeting(
                        members,
                        slot,
                        instance.tables[used[slot] - 1]
                        if used[slot] <= len(instance.tables)
                        else "?",
                    )
                )
        if any(m.table == "?" for m in meetings):
            continue
        fake = Result(tuple(meetings), 0, 10**9, "feasible", 0.0, ())
        try:
            _rules_only(instance, fake)
        except AssertionError:
            continue
        value = value_of(instance, meetings)
        per = breaks_of(instance, meetings)
        active = [per[p] for p in {x for m in meetings for x in m.participants}]
        spread = max(active) - min(active) if active else 0
        if instance.break_spread is not None and spread > instance.break_spread:
            continue
        key = (value, -sum(per.values()))
        if key > (best[0], -best[1]):
            best = (value, sum(per.values()))
    return best


def _rules_only(instance: Instance, result: Result) -> None:
    values = value_of(instance, result.meetings)
    check(
        instance,
        Result(
            result.meetings,
            values,
            10**9,
            "feasible",
            0.0,
            (),
            breaks=_fake(instance, result.meetings),
        ),
    )


def _fake(instance: Instance, meetings: Sequence[Meeting]):  # type: ignore[no-untyped-def]
    from goglobal.engines.scheduling.model import Breaks

    per = breaks_of(instance, meetings)
    people = {x for m in meetings for x in m.participants}
    active = [per[p] for p in people]
    return Breaks(
        sum(per.values()),
        max(active, default=0),
        (max(active) - min(active)) if active else 0,
        (),
    )


def _venue_of(instance: Instance, meeting: Meeting) -> str:
    """The venue named by a request among the meeting's participants ("" when none names one)."""
    inside = set(meeting.participants)
    orgs = {p.organisation for p in instance.participants if p.id in inside}
    for request in instance.requests:
        met = request.to_id in inside or (request.organisation and request.organisation in orgs)
        if request.venue and request.from_id in inside and met:
            return request.venue
    return ""


def _shortest(instance: Instance, start: str) -> dict[str, float]:
    """Dijkstra-free: relax every travel edge until nothing changes (Bellman-Ford)."""
    far = float("inf")
    distance = {v: far for v in instance.venues}
    distance[start] = 0
    changed = True
    while changed:
        changed = False
        for a, b, minutes in instance.travel:
            for x, y in ((a, b), (b, a)):
                if distance[x] + minutes < distance[y]:
                    distance[y] = distance[x] + minutes
                    changed = True
    return distance


def check_travel(instance: Instance, meetings: Iterable[Meeting]) -> None:
    """Every member's consecutive meetings at venues leave at least the travel time between."""
    if not instance.venues:
        return
    slots = {s.id: s for s in instance.slots}
    agenda: dict[str, list[tuple[datetime, datetime, str]]] = {}
    for meeting in meetings:
        venue = _venue_of(instance, meeting)
        if not venue:
            continue
        slot = slots[meeting.slot]
        for person in meeting.participants:
            agenda.setdefault(person, []).append((slot.start, slot.end, venue))
    for person, items in agenda.items():
        items.sort(key=lambda item: item[0])
        for (_, end, here), (start, _, there) in itertools.pairwise(items):
            gap = (start - end).total_seconds() / 60
            need = _shortest(instance, here)[there]
            assert gap >= need, f"{person} cannot travel {here} -> {there} in {gap} minutes"
