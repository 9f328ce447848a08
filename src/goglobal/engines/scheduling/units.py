"""Format 2: the meetings to schedule ("units"), shared ones included, in integer indices.

A unit is one meeting: two participants, or a **shared** meeting that holds every representative
of an organisation concerned. Requests between the representatives of two organisations are
joined into connected components, so nobody meets two colleagues of one organisation separately;
a request marked ``separate`` stays a meeting of its own. A request naming an organisation adds
an edge to every representative who marked it (``marked_by``; all of them when empty). A
participant without an organisation is an organisation of one. Slot sets are bit masks.
"""

from __future__ import annotations

from dataclasses import dataclass

from goglobal.engines.scheduling.errors import InstanceError
from goglobal.engines.scheduling.model import ANY_SESSION, Instance, Members, Participant
from goglobal.engines.scheduling.travel import check_venues, too_close


@dataclass(frozen=True, slots=True)
class Unit:
    members: Members  # sorted participant ids
    value: int
    session: str  # ANY_SESSION or a session name
    requests: tuple[int, ...]  # indices into instance.requests


@dataclass(frozen=True, slots=True)
class Plan:
    people: tuple[str, ...]  # participant ids, sorted
    slots: tuple[str, ...]  # slot ids in time order
    units: tuple[Unit, ...]
    members: tuple[tuple[int, ...], ...]  # person indices per unit
    values: tuple[int, ...]
    allowed: tuple[int, ...]  # mask of slots per unit (availability, programme, session, fixed)
    capacity: tuple[int, ...]  # per person (max_meetings, or the slot count)
    tables: tuple[int, ...]  # tables per slot
    pinned: tuple[tuple[int, int, str], ...]  # (unit, slot, table or "") of fixed meetings
    order: tuple[tuple[int, int], ...]  # (before, after) unit pairs
    sequences: tuple[tuple[tuple[int, ...], ...], ...]  # per person: per day, slots that count
    spread: int | None
    minimise_breaks: bool
    # (unit, slot, unit, slot): a member of both could not travel between their venues in time
    too_close: tuple[tuple[int, int, int, int], ...] = ()

    def slot_list(self, unit: int) -> list[int]:
        mask = self.allowed[unit]
        return [t for t in range(len(self.slots)) if mask >> t & 1]


def _organisation(participant: Participant) -> str:
    return participant.organisation or "#" + participant.id


def _edges(
    instance: Instance,
) -> tuple[list[tuple[Members, list[int]]], dict[tuple[str, ...], list[tuple[str, str, int]]]]:
    """Separate meetings, and the request edges grouped by the pair of organisations."""
    people = {p.id: p for p in instance.participants}
    by_org: dict[str, list[str]] = {}
    for participant in instance.participants:
        if participant.organisation:
            by_org.setdefault(participant.organisation, []).append(participant.id)
    groups: dict[tuple[str, ...], list[tuple[str, str, int]]] = {}
    singles: list[tuple[Members, list[int]]] = []
    for index, request in enumerate(instance.requests):
        if request.to_id:
            targets = [request.to_id]
        else:
            targets = list(request.marked_by or sorted(by_org[request.organisation]))
        for target in targets:
            if request.separate:
                singles.append((tuple(sorted((request.from_id, target))), [index]))
                continue
            key = tuple(
                sorted((_organisation(people[request.from_id]), _organisation(people[target])))
            )
            groups.setdefault(key, []).append((request.from_id, target, index))
    return singles, groups


def _components(edges: list[tuple[str, str, int]]) -> list[tuple[Members, list[int]]]:
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in edges:
        parent[root(a)] = root(b)
    components: dict[str, tuple[set[str], list[int]]] = {}
    for a, b, index in edges:
        people_in, indices = components.setdefault(root(a), (set(), []))
        people_in.update((a, b))
        if index not in indices:
            indices.append(index)
    return [(tuple(sorted(p)), sorted(i)) for p, i in components.values()]


def _session(instance: Instance, members: Members, indices: list[int]) -> str:
    session = ANY_SESSION
    for index in indices:
        asked = instance.requests[index].session
        if asked == ANY_SESSION:
            continue
        if session not in (ANY_SESSION, asked):
            raise InstanceError(
                f"requests[{index}].session",
                f'"{asked}" conflicts with another request of the same shared meeting'
                f' ({", ".join(members)}) asking for "{session}"',
            )
        session = asked
    return session


def build_units(instance: Instance) -> tuple[Unit, ...]:
    """Every meeting to schedule, sorted by members; raise InstanceError on a session conflict."""
    singles, groups = _edges(instance)
    found = list(singles)
    for edges in groups.values():
        found.extend(_components(edges))
    units = [
        Unit(
            members,
            sum(instance.requests[i].weight for i in indices),
            _session(instance, members, indices),
            tuple(indices),
        )
        for members, indices in found
    ]
    units.sort(key=lambda u: (u.members, u.requests))
    return tuple(units)


def find_unit(units: tuple[Unit, ...], names: tuple[str, ...], exact: bool) -> int:
    """Index of the first unit holding every name (exactly those with ``exact``), or -1."""
    wanted = set(names)
    for index, unit in enumerate(units):
        held = set(unit.members)
        if (held == wanted) if exact else wanted <= held:
            return index
    return -1


def _masks(
    instance: Instance, people: tuple[str, ...], slots: tuple[str, ...]
) -> tuple[list[int], list[int], list[int]]:
    """Per person: available slots, slots blocked by the programme, and the meeting cap."""
    person = {pid: i for i, pid in enumerate(people)}
    slot_index = {s: t for t, s in enumerate(slots)}
    free = [0] * len(people)
    blocked = [0] * len(people)
    caps = [len(slots)] * len(people)
    for participant in instance.participants:
        i = person[participant.id]
        free[i] = sum(1 << slot_index[s] for s in participant.available)
        for session in instance.programme:
            if session.blocks(participant):
                blocked[i] |= sum(1 << slot_index[s] for s in session.slots)
        if participant.max_meetings is not None:
            caps[i] = participant.max_meetings
    return free, blocked, caps


def _days(instance: Instance) -> list[list[int]]:
    days: list[list[int]] = []
    for t, slot in enumerate(instance.slots):
        if t and slot.start.date() == instance.slots[t - 1].start.date():
            days[-1].append(t)
        else:
            days.append([t])
    return days


def _pin(
    instance: Instance, units: list[Unit], slot_index: dict[str, int]
) -> list[tuple[int, int, str]]:
    """Fixed meetings as (unit, slot, table); a fixed meeting nobody requested gets a unit."""
    pinned: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for meeting in instance.fixed:
        found = find_unit(tuple(units), meeting.participants, exact=True)
        if found < 0 or found in taken:
            found = len(units)
            units.append(Unit(meeting.participants, 0, ANY_SESSION, ()))
        taken.add(found)
        pinned.append((found, slot_index[meeting.slot], meeting.table))
    return pinned


def build_plan(instance: Instance) -> Plan:
    units = list(build_units(instance))
    people = tuple(sorted(p.id for p in instance.participants))
    person = {pid: i for i, pid in enumerate(people)}
    slots = tuple(s.id for s in instance.slots)
    slot_index = {s: t for t, s in enumerate(slots)}
    free, blocked, caps = _masks(instance, people, slots)
    session_mask: dict[str, int] = {ANY_SESSION: (1 << len(slots)) - 1}
    for t, slot in enumerate(instance.slots):
        if slot.session:
            session_mask[slot.session] = session_mask.get(slot.session, 0) | 1 << t
    pinned = _pin(instance, units, slot_index)
    members = tuple(tuple(person[m] for m in unit.members) for unit in units)
    allowed = []
    for u, unit in enumerate(units):
        mask = session_mask[unit.session]
        for i in members[u]:
            mask &= free[i] & ~blocked[i]
        for index in unit.requests:
            for avoided in instance.requests[index].not_in:
                mask &= ~(1 << slot_index[avoided])
        allowed.append(mask)
    for u, t, _ in pinned:
        allowed[u] = 1 << t
    frozen = tuple(units)
    order = tuple(
        (find_unit(frozen, p.before, exact=False), find_unit(frozen, p.after, exact=False))
        for p in instance.precedences
    )
    days = _days(instance)
    sequences = tuple(
        tuple(tuple(t for t in day if not blocked[i] >> t & 1) for day in days)
        for i in range(len(people))
    )
    return Plan(
        people=people,
        slots=slots,
        units=frozen,
        members=members,
        values=tuple(u.value for u in units),
        allowed=tuple(allowed),
        capacity=tuple(caps),
        tables=tuple(len(instance.tables) for _ in slots),
        pinned=tuple(pinned),
        order=order,
        sequences=sequences,
        spread=instance.break_spread,
        minimise_breaks=instance.minimise_breaks,
        too_close=too_close(instance, frozen, members, allowed),
    )


def check_units(instance: Instance) -> None:
    """Validation that needs the units: fixed meetings, precedences (raise InstanceError)."""
    units = build_units(instance)
    _check_fixed(instance, units)
    _check_precedences(instance, units)
    check_venues(instance, units)


def _check_fixed(instance: Instance, units: tuple[Unit, ...]) -> None:
    sessions = {s.id: s.session for s in instance.slots}
    tables: dict[tuple[str, str], int] = {}
    per_slot: dict[str, int] = {}
    seen: dict[int, int] = {}
    people = _FixedPeople(instance)
    for index, meeting in enumerate(instance.fixed):
        where = f"fixed[{index}]"
        found = find_unit(units, meeting.participants, exact=True)
        if found >= 0:
            if found in seen:
                raise InstanceError(where, f"the meeting is already fixed in fixed[{seen[found]}]")
            seen[found] = index
            asked = units[found].session
            if asked != ANY_SESSION and sessions[meeting.slot] != asked:
                raise InstanceError(f"{where}.slot", f'the meeting must be in session "{asked}"')
        if meeting.table:
            key = (meeting.table, meeting.slot)
            if key in tables:
                raise InstanceError(
                    f"{where}.table", f"already used in this slot by fixed[{tables[key]}]"
                )
            tables[key] = index
        per_slot[meeting.slot] = per_slot.get(meeting.slot, 0) + 1
        if per_slot[meeting.slot] > len(instance.tables):
            raise InstanceError(f"{where}.slot", "more fixed meetings than tables in this slot")
        for person in meeting.participants:
            people.take(person, meeting.slot, index)


class _FixedPeople:
    """Each person of the fixed meetings: available, not in the programme, once a slot, cap."""

    def __init__(self, instance: Instance) -> None:
        self.people = {p.id: p for p in instance.participants}
        self.blocked: dict[str, set[str]] = {}
        for session in instance.programme:
            for participant in instance.participants:
                if session.blocks(participant):
                    self.blocked.setdefault(participant.id, set()).update(session.slots)
        self.busy: dict[tuple[str, str], int] = {}
        self.counts: dict[str, int] = {}

    def take(self, person: str, slot: str, index: int) -> None:
        field = f"fixed[{index}].participants"
        if slot not in self.people[person].available:
            raise InstanceError(field, f'"{person}" is not available in slot "{slot}"')
        if slot in self.blocked.get(person, ()):
            raise InstanceError(field, f'"{person}" is in a programme session in slot "{slot}"')
        if (person, slot) in self.busy:
            other = self.busy[(person, slot)]
            raise InstanceError(field, f'"{person}" already meets in this slot in fixed[{other}]')
        self.busy[(person, slot)] = index
        self.counts[person] = self.counts.get(person, 0) + 1
        cap = self.people[person].max_meetings
        if cap is not None and self.counts[person] > cap:
            raise InstanceError(field, f'"{person}" would exceed max_meetings ({cap})')


def _check_precedences(instance: Instance, units: tuple[Unit, ...]) -> None:
    edges: dict[int, list[int]] = {}
    for index, precedence in enumerate(instance.precedences):
        where = f"precedences[{index}]"
        ends = []
        for key, names in (("before", precedence.before), ("after", precedence.after)):
            found = find_unit(units, names, exact=False)
            if found < 0:
                raise InstanceError(f"{where}.{key}", "no requested meeting holds these two")
            ends.append(found)
        if ends[0] == ends[1]:
            raise InstanceError(where, "a meeting cannot come before itself")
        edges.setdefault(ends[0], []).append(ends[1])
        if _reaches(edges, ends[1], ends[0]):
            raise InstanceError(where, "the precedences form a cycle")


def _reaches(edges: dict[int, list[int]], start: int, goal: int) -> bool:
    stack, seen = [start], set()
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(edges.get(node, ()))
    return False
