"""Check that the fixed meetings of an instance can all take place together."""

from __future__ import annotations

from goglobal.engines.scheduling.errors import InstanceError
from goglobal.engines.scheduling.model import Instance


def check_fixed(instance: Instance) -> None:
    """Raise InstanceError naming the first fixed meeting that breaks a rule."""
    people = {participant.id: participant for participant in instance.participants}
    busy: dict[tuple[str, str], int] = {}
    tables: dict[tuple[str, str], int] = {}
    pairs: dict[tuple[str, ...], int] = {}
    counts: dict[str, int] = {}
    for index, meeting in enumerate(instance.fixed):
        where = f"fixed[{index}]"
        if meeting.participants in pairs:
            raise InstanceError(
                where, f"the pair already meets in fixed[{pairs[meeting.participants]}]"
            )
        pairs[meeting.participants] = index
        if (meeting.table, meeting.slot) in tables:
            other = tables[(meeting.table, meeting.slot)]
            raise InstanceError(f"{where}.table", f"already used in this slot by fixed[{other}]")
        tables[(meeting.table, meeting.slot)] = index
        field = f"{where}.participants"
        for person in meeting.participants:
            if meeting.slot not in people[person].available:
                raise InstanceError(field, f'"{person}" is not available in slot "{meeting.slot}"')
            if (person, meeting.slot) in busy:
                other = busy[(person, meeting.slot)]
                raise InstanceError(
                    field, f'"{person}" already meets in this slot in fixed[{other}]'
                )
            busy[(person, meeting.slot)] = index
            counts[person] = counts.get(person, 0) + 1
            cap = people[person].max_meetings
            if cap is not None and counts[person] > cap:
                raise InstanceError(field, f'"{person}" would exceed max_meetings ({cap})')
