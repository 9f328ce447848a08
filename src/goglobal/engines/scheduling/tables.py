"""Give every new meeting a table; pinned (fixed and kept) meetings keep theirs."""

from __future__ import annotations

from collections.abc import Iterable

from goglobal.engines.scheduling.model import Instance, Meeting, Pair


def seat(
    instance: Instance, pinned: Iterable[Meeting], placed: Iterable[tuple[Pair, str]]
) -> tuple[Meeting, ...]:
    """Meetings sorted by slot order, then table order, with free tables given in table order."""
    taken: dict[str, set[str]] = {}
    meetings = list(pinned)
    for meeting in meetings:
        taken.setdefault(meeting.slot, set()).add(meeting.table)
    by_slot: dict[str, list[Pair]] = {}
    for pair, slot in placed:
        by_slot.setdefault(slot, []).append(pair)
    for slot, pairs in by_slot.items():
        used = taken.get(slot, set())
        free = (table for table in instance.tables if table not in used)
        meetings.extend(
            Meeting(pair, slot, table) for pair, table in zip(sorted(pairs), free, strict=False)
        )
    slot_order = {slot.id: index for index, slot in enumerate(instance.slots)}
    table_order = {table: index for index, table in enumerate(instance.tables)}
    return tuple(
        sorted(meetings, key=lambda m: (slot_order[m.slot], table_order[m.table], m.participants))
    )
