"""An independent feasibility checker and an exhaustive solver, written from the issue's rules."""

from __future__ import annotations

import itertools
from collections import Counter

from goglobal.engines.scheduling.model import Instance, Result


def requested_values(instance: Instance) -> dict[frozenset[str], int]:
    values: Counter[frozenset[str]] = Counter()
    for request in instance.requests:
        values[frozenset((request.from_id, request.to_id))] += request.weight
    return dict(values)


def check(instance: Instance, result: Result) -> None:
    """Assert every rule of the issue on ``result``; raise AssertionError naming the broken one."""
    people = {p.id: p for p in instance.participants}
    slots = {s.id for s in instance.slots}
    values = requested_values(instance)
    fixed = {frozenset(m.participants): (m.slot, m.table) for m in instance.fixed}
    seen_person_slot: set[tuple[str, str]] = set()
    seen_table_slot: set[tuple[str, str]] = set()
    seen_pairs: set[frozenset[str]] = set()
    counts: Counter[str] = Counter()
    total = 0
    for meeting in result.meetings:
        a, b = meeting.participants
        pair = frozenset((a, b))
        assert a != b, f"meets itself {meeting}"
        assert a in people, f"unknown participant {meeting}"
        assert b in people, f"unknown participant {meeting}"
        assert meeting.slot in slots, f"unknown slot {meeting}"
        assert meeting.table in instance.tables, f"unknown table {meeting}"
        assert pair in values or pair in fixed, f"meeting without request {meeting}"
        assert pair not in seen_pairs, f"pair meets twice {meeting}"
        seen_pairs.add(pair)
        assert (meeting.table, meeting.slot) not in seen_table_slot, f"table twice {meeting}"
        seen_table_slot.add((meeting.table, meeting.slot))
        for person in (a, b):
            assert meeting.slot in people[person].available, f"{person} unavailable {meeting}"
            assert (person, meeting.slot) not in seen_person_slot, f"{person} double {meeting}"
            seen_person_slot.add((person, meeting.slot))
            counts[person] += 1
        total += values.get(pair, 0)
    for person, count in counts.items():
        cap = people[person].max_meetings
        assert cap is None or count <= cap, f"{person} exceeds max_meetings"
    for pair, (slot, table) in fixed.items():
        assert any(
            frozenset(m.participants) == pair and m.slot == slot and m.table == table
            for m in result.meetings
        ), f"fixed meeting missing {sorted(pair)}"
    assert result.value == total, f"value {result.value} != recomputed {total}"
    assert result.value <= result.upper_bound, "value above the upper bound"
    _check_unscheduled(instance, result, values, seen_pairs, counts, seen_person_slot)


def _check_unscheduled(
    instance: Instance,
    result: Result,
    values: dict[frozenset[str], int],
    met: set[frozenset[str]],
    counts: Counter[str],
    busy: set[tuple[str, str]],
) -> None:
    people = {p.id: p for p in instance.participants}
    listed = {frozenset(u.participants): u.reason for u in result.unscheduled}
    assert set(listed) == set(values) - met, "unscheduled must list exactly the pairs left out"
    per_slot = Counter(m.slot for m in result.meetings)
    for pair, reason in listed.items():
        a, b = (people[p] for p in sorted(pair))
        common = a.available & b.available
        capped = [
            p for p in (a, b) if p.max_meetings is not None and counts[p.id] >= p.max_meetings
        ]
        if reason == "no_common_slot":
            assert not common, f"{sorted(pair)} do share a slot"
        elif reason == "cap_reached":
            assert capped, f"{sorted(pair)}: nobody reached a cap"
        else:
            assert reason == "slots_taken", f"unknown reason {reason}"
            for slot in common:
                taken = (a.id, slot) in busy or (b.id, slot) in busy
                assert taken or per_slot[slot] >= len(instance.tables), f"{sorted(pair)} fit {slot}"


def brute_force(instance: Instance) -> int:
    """Best total value by trying every slot (or none) for every requested pair."""
    values = requested_values(instance)
    people = {p.id: p for p in instance.participants}
    fixed = {frozenset(m.participants): m.slot for m in instance.fixed}
    pairs = sorted(values, key=sorted)
    options = []
    for pair in pairs:
        if pair in fixed:
            options.append([fixed[pair]])
            continue
        a, b = (people[p] for p in sorted(pair))
        options.append([None, *sorted(a.available & b.available)])
    for pair, slot in fixed.items():
        if pair not in values:
            pairs.append(pair)
            options.append([slot])
    best = -1
    for choice in itertools.product(*options):
        if _feasible(instance, pairs, choice):
            best = max(
                best,
                sum(values.get(p, 0) for p, s in zip(pairs, choice, strict=True) if s is not None),
            )
    return best


def _feasible(
    instance: Instance, pairs: list[frozenset[str]], choice: tuple[str | None, ...]
) -> bool:
    caps = {p.id: p.max_meetings for p in instance.participants}
    busy: set[tuple[str, str]] = set()
    counts: Counter[str] = Counter()
    per_slot: Counter[str] = Counter()
    for pair, slot in zip(pairs, choice, strict=True):
        if slot is None:
            continue
        per_slot[slot] += 1
        for person in pair:
            if (person, slot) in busy:
                return False
            busy.add((person, slot))
            counts[person] += 1
    if any(count > len(instance.tables) for count in per_slot.values()):
        return False
    return all(caps[p] is None or counts[p] <= caps[p] for p in counts)
