"""Why each requested pair was left out of a schedule."""

from __future__ import annotations

from collections.abc import Iterable

from goglobal.engines.scheduling.model import Instance, Meeting, Unscheduled

NO_COMMON_SLOT = "no_common_slot"  # the two are never available in the same slot
CAP_REACHED = "cap_reached"  # one of them has reached max_meetings
SLOTS_TAKEN = "slots_taken"  # every common slot holds a meeting of one of them, or no free table


def explain(instance: Instance, meetings: Iterable[Meeting]) -> tuple[Unscheduled, ...]:
    """One entry per requested pair without a meeting, in pair order."""
    people = {participant.id: participant for participant in instance.participants}
    busy: dict[str, set[str]] = {}
    met = set()
    for meeting in meetings:
        met.add(meeting.participants)
        for person in meeting.participants:
            busy.setdefault(person, set()).add(meeting.slot)
    out = []
    for pair in sorted(instance.pair_values()):
        if pair in met:
            continue
        first, second = people[pair[0]], people[pair[1]]
        common = first.available & second.available
        if not common:
            reason = NO_COMMON_SLOT
        elif any(
            p.max_meetings is not None and len(busy.get(p.id, ())) >= p.max_meetings
            for p in (first, second)
        ):
            reason = CAP_REACHED
        else:
            reason = SLOTS_TAKEN
        out.append(Unscheduled(pair, reason))
    return tuple(out)
