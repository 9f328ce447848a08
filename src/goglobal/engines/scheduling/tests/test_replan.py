from __future__ import annotations

import dataclasses
import random

from goglobal.engines.scheduling import Instance, Meeting, schedule
from goglobal.engines.scheduling.generator import Conference, generate
from goglobal.engines.scheduling.tests.checker import check
from goglobal.engines.scheduling.tests.factories import tiny


def _cancel(instance: Instance, share: float, seed: int) -> Instance:
    rng = random.Random(seed)
    gone = {p.id for p in instance.participants if rng.random() < share}
    return Instance(
        instance.slots,
        instance.tables,
        tuple(p for p in instance.participants if p.id not in gone),
        tuple(r for r in instance.requests if r.from_id not in gone and r.to_id not in gone),
    )


def _still_valid(instance: Instance, meeting: Meeting) -> bool:
    present = {p.id: p for p in instance.participants}
    return all(p in present and meeting.slot in present[p].available for p in meeting.participants)


def test_replanning_after_cancellations_keeps_every_still_valid_meeting():
    instance = generate(Conference(participants=200, requests=2000, slots=10, seed=11))
    before = schedule(instance, time_limit=20)
    changed = _cancel(instance, 0.05, seed=1)

    after = schedule(changed, time_limit=20, previous=before.meetings)

    check(changed, after)
    valid = [m for m in before.meetings if _still_valid(changed, m)]
    assert set(valid) <= set(after.meetings)
    assert after.changes is not None
    assert after.changes.kept == len(valid)
    assert after.changes.kept + after.changes.moved + after.changes.dropped == len(before.meetings)
    assert after.changes.kept + after.changes.moved + after.changes.added == len(after.meetings)
    assert after.changes.dropped == len(before.meetings) - len(valid)


def test_replanning_moves_a_meeting_whose_slot_became_unavailable():
    instance = tiny(3, people=4, slot_count=3, requests=3)
    instance = Instance(
        instance.slots,
        ("T0",),
        tuple(
            dataclasses.replace(p, available=frozenset({"s0", "s1", "s2"}), max_meetings=None)
            for p in instance.participants
        ),
        instance.requests[:1],
    )
    pair = tuple(sorted((instance.requests[0].from_id, instance.requests[0].to_id)))
    old = Meeting((pair[0], pair[1]), "s0", "T0")
    person = instance.participants[[p.id for p in instance.participants].index(pair[0])]
    unavailable = dataclasses.replace(person, available=frozenset({"s1", "s2"}))
    changed = Instance(
        instance.slots,
        instance.tables,
        tuple(unavailable if p.id == person.id else p for p in instance.participants),
        instance.requests,
    )

    result = schedule(changed, previous=(old,))

    assert result.changes is not None
    assert (result.changes.kept, result.changes.moved) == (0, 1)
    assert result.meetings[0].slot != "s0"


def test_replanning_drops_meetings_of_people_who_left_and_adds_new_ones():
    instance = tiny(4, people=6, slot_count=3, requests=8)
    old = (Meeting(("p0", "zz-left"), "s0", "T0"),)

    result = schedule(instance, previous=old)

    check(instance, result)
    assert result.changes is not None
    assert result.changes.dropped == 1
    assert result.changes.added == len(result.meetings)


def test_a_previous_meeting_clashing_with_a_fixed_one_gives_way():
    base = tiny(5, people=4, slot_count=2, requests=4)
    first = base.requests[0]
    pair = tuple(sorted((first.from_id, first.to_id)))
    people = tuple(
        dataclasses.replace(p, available=frozenset({"s0", "s1"}), max_meetings=None)
        for p in base.participants
    )
    fixed = Meeting((pair[0], pair[1]), "s0", "T0")
    instance = Instance(base.slots, ("T0", "T1"), people, base.requests, (fixed,))
    old = (Meeting((pair[0], pair[1]), "s1", "T1"),)

    result = schedule(instance, previous=old)

    check(instance, result)
    assert fixed in result.meetings
    assert result.changes is not None
    assert result.changes.moved == 1
