"""Re-planning: which earlier meetings are kept, and how the new schedule differs from the old."""

from __future__ import annotations

from collections.abc import Iterable

from goglobal.engines.scheduling.model import Changes, Instance, Meeting, Participant


def kept_meetings(instance: Instance, previous: Iterable[Meeting]) -> tuple[Meeting, ...]:
    """Earlier meetings that stay exactly where they were.

    A meeting stays when its two participants are still present, still requested each other and
    are available in its slot, its slot and table still exist, and it clashes neither with a
    fixed meeting nor with a meeting kept before it (higher value first, then ids) nor with a cap.
    """
    people = {participant.id: participant for participant in instance.participants}
    slots = {slot.id for slot in instance.slots}
    tables = set(instance.tables)
    values = instance.pair_values()
    busy = {(person, m.slot) for m in instance.fixed for person in m.participants}
    used = {(m.table, m.slot) for m in instance.fixed}
    pairs = {m.participants for m in instance.fixed}
    counts: dict[str, int] = {}
    for meeting in instance.fixed:
        for person in meeting.participants:
            counts[person] = counts.get(person, 0) + 1
    kept: list[Meeting] = []
    ordered = sorted(
        set(previous), key=lambda m: (-values.get(m.participants, 0), m.participants, m.slot)
    )
    for meeting in ordered:
        ends = meeting.participants
        if (
            values.get(ends, 0) <= 0
            or ends in pairs
            or meeting.slot not in slots
            or meeting.table not in tables
            or (meeting.table, meeting.slot) in used
        ):
            continue
        if not all(_can_take(people.get(p), meeting.slot, busy, counts) for p in ends):
            continue
        kept.append(meeting)
        pairs.add(ends)
        used.add((meeting.table, meeting.slot))
        for person in ends:
            busy.add((person, meeting.slot))
            counts[person] = counts.get(person, 0) + 1
    return tuple(kept)


def _can_take(
    participant: Participant | None, slot: str, busy: set[tuple[str, str]], counts: dict[str, int]
) -> bool:
    if participant is None or slot not in participant.available:
        return False
    if (participant.id, slot) in busy:
        return False
    cap = participant.max_meetings
    return cap is None or counts.get(participant.id, 0) < cap


def changes(previous: Iterable[Meeting], meetings: Iterable[Meeting]) -> Changes:
    """Count kept (same slot and table), moved, dropped and added meetings, pair by pair."""
    before = {m.participants: m for m in previous}
    after = {m.participants: m for m in meetings}
    kept = sum(1 for pair, m in after.items() if before.get(pair) == m)
    moved = sum(1 for pair, m in after.items() if pair in before and before[pair] != m)
    dropped = sum(1 for pair in before if pair not in after)
    added = sum(1 for pair in after if pair not in before)
    return Changes(kept=kept, moved=moved, dropped=dropped, added=added)
