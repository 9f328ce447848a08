"""Read and validate format 2 (``goglobal-schedule/2``); see docs/schedule-format.md."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from goglobal.engines.scheduling import fields as f
from goglobal.engines.scheduling.errors import InstanceError
from goglobal.engines.scheduling.model import (
    ANY_SESSION,
    Instance,
    Meeting,
    Participant,
    Precedence,
    Programme,
    Request,
    Slot,
    pair_of,
)

MAX_WEIGHT = 1_000_000
DEFAULT_SPREAD = 2
_TOP = {
    "format",
    "slots",
    "tables",
    "participants",
    "requests",
    "fixed",
    "programme",
    "precedences",
    "objective",
    "venues",
    "travel",
}


def load_v2(data: Mapping[str, Any]) -> Instance:
    f.only_keys(data, _TOP, "instance")
    slots = _slots(f.required(data, "slots", ""))
    slot_ids = {slot.id for slot in slots}
    sessions = {slot.session for slot in slots if slot.session}
    tables = _tables(f.required(data, "tables", ""))
    participants = _participants(f.required(data, "participants", ""), slot_ids)
    people = {p.id: p for p in participants}
    venues = _venues(data.get("venues", []))
    travel = _travel(data.get("travel", []), set(venues))
    requests = _requests(f.required(data, "requests", ""), people, sessions, slot_ids, set(venues))
    fixed = tuple(
        _fixed(entry, f"fixed[{index}]", people, slot_ids, set(tables))
        for index, entry in enumerate(f.array(data.get("fixed", []), "fixed"))
    )
    programme = _programme(data.get("programme", []), people, slot_ids)
    precedences = tuple(
        _precedence(entry, f"precedences[{index}]", people)
        for index, entry in enumerate(f.array(data.get("precedences", []), "precedences"))
    )
    spread, minimise = _objective(data.get("objective", {}))
    instance = Instance(
        slots,
        tables,
        participants,
        requests,
        fixed,
        version=2,
        programme=programme,
        precedences=precedences,
        break_spread=spread,
        minimise_breaks=minimise,
        venues=venues,
        travel=travel,
    )
    # Imported here: units imports this module's neighbours, not the other way round.
    from goglobal.engines.scheduling.units import check_units

    check_units(instance)
    return instance


def _slots(value: object) -> tuple[Slot, ...]:
    slots: list[Slot] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(f.array(value, "slots")):
        where = f"slots[{index}]"
        item = f.obj(entry, where)
        f.only_keys(item, {"id", "start", "end", "session"}, where)
        slot_id = f.text(f.required(item, "id", where), f"{where}.id")
        if slot_id in seen:
            raise InstanceError(
                f"{where}.id", f'duplicate slot "{slot_id}" (see slots[{seen[slot_id]}])'
            )
        seen[slot_id] = index
        start = f.moment(f.required(item, "start", where), f"{where}.start")
        end = f.moment(f.required(item, "end", where), f"{where}.end")
        if end <= start:
            raise InstanceError(f"{where}.end", "must be after start")
        if slots and start < slots[-1].end:
            raise InstanceError(f"{where}.start", "slots must be in time order without overlap")
        session = ""
        if "session" in item:
            session = f.text(item["session"], f"{where}.session")
            if session == ANY_SESSION:
                raise InstanceError(f"{where}.session", f'"{ANY_SESSION}" is not a session name')
        slots.append(Slot(slot_id, start, end, session))
    if not slots:
        raise InstanceError("slots", "must list at least one slot")
    return tuple(slots)


def _tables(value: object) -> tuple[str, ...]:
    tables: list[str] = []
    for index, entry in enumerate(f.array(value, "tables")):
        table = f.text(entry, f"tables[{index}]")
        if table in tables:
            raise InstanceError(f"tables[{index}]", f'duplicate table "{table}"')
        tables.append(table)
    return tuple(tables)


def _strings(value: object, where: str) -> list[str]:
    return [f.text(entry, f"{where}[{i}]") for i, entry in enumerate(f.array(value, where))]


def _participants(value: object, slot_ids: set[str]) -> tuple[Participant, ...]:
    participants: list[Participant] = []
    seen: dict[str, int] = {}
    allowed = {"id", "name", "organisation", "available", "max_meetings", "groups"}
    for index, entry in enumerate(f.array(value, "participants")):
        where = f"participants[{index}]"
        item = f.obj(entry, where)
        f.only_keys(item, allowed, where)
        person = f.text(f.required(item, "id", where), f"{where}.id")
        if person in seen:
            raise InstanceError(
                f"{where}.id",
                f'duplicate participant "{person}" (see participants[{seen[person]}])',
            )
        seen[person] = index
        texts = {}
        for key in ("name", "organisation"):
            raw = item.get(key, "")
            if not isinstance(raw, str):
                raise InstanceError(f"{where}.{key}", "must be a string")
            texts[key] = raw
        available = frozenset(slot_ids)
        if "available" in item:
            chosen = _strings(item["available"], f"{where}.available")
            for i, slot in enumerate(chosen):
                if slot not in slot_ids:
                    raise InstanceError(f"{where}.available[{i}]", f'unknown slot "{slot}"')
            available = frozenset(chosen)
        cap = None
        if item.get("max_meetings") is not None:
            cap = f.integer(item["max_meetings"], f"{where}.max_meetings", minimum=0)
        groups = frozenset(_strings(item.get("groups", []), f"{where}.groups"))
        participants.append(
            Participant(person, texts["name"], texts["organisation"], available, cap, groups)
        )
    return tuple(participants)


def _requests(  # noqa: C901 - one check per field
    value: object,
    people: dict[str, Participant],
    sessions: set[str],
    slot_ids: set[str],
    venues: set[str],
) -> tuple[Request, ...]:
    requests: list[Request] = []
    seen: dict[tuple[str, str], int] = {}
    organisations = {p.organisation for p in people.values() if p.organisation}
    keys = {
        "from",
        "to",
        "organisation",
        "marked_by",
        "weight",
        "session",
        "separate",
        "not_in",
        "venue",
    }
    for index, entry in enumerate(f.array(value, "requests")):
        where = f"requests[{index}]"
        item = f.obj(entry, where)
        f.only_keys(item, keys, where)
        source = _known(f.required(item, "from", where), f"{where}.from", people)
        target, organisation = "", ""
        marked: tuple[str, ...] = ()
        if ("to" in item) == ("organisation" in item):
            raise InstanceError(where, 'give exactly one of "to" and "organisation"')
        if "to" in item:
            target = _known(item["to"], f"{where}.to", people)
            if target == source:
                raise InstanceError(
                    f"{where}.to", f'a participant cannot request itself ("{source}")'
                )
            if "marked_by" in item:
                raise InstanceError(f"{where}.marked_by", 'only with "organisation"')
            shared = people[source].organisation
            if shared and shared == people[target].organisation:
                raise InstanceError(
                    f"{where}.to", f'"{source}" and "{target}" both represent "{shared}"'
                )
        else:
            organisation = f.text(item["organisation"], f"{where}.organisation")
            if organisation not in organisations:
                raise InstanceError(
                    f"{where}.organisation", f'no participant represents "{organisation}"'
                )
            if people[source].organisation == organisation:
                raise InstanceError(
                    f"{where}.organisation", f'"{source}" represents "{organisation}" itself'
                )
            names = _strings(item.get("marked_by", []), f"{where}.marked_by")
            for i, person in enumerate(names):
                field = f"{where}.marked_by[{i}]"
                _known(person, field, people)
                if people[person].organisation != organisation:
                    raise InstanceError(field, f'"{person}" does not represent "{organisation}"')
            marked = tuple(sorted(set(names)))
        separate = item.get("separate", False)
        if not isinstance(separate, bool):
            raise InstanceError(f"{where}.separate", "must be true or false")
        session = ANY_SESSION
        if "session" in item:
            session = f.text(item["session"], f"{where}.session")
            if session != ANY_SESSION and session not in sessions:
                raise InstanceError(f"{where}.session", f'no slot is in session "{session}"')
        key = (source, target or "@" + organisation)
        if key in seen and not separate:
            raise InstanceError(where, f"duplicate of requests[{seen[key]}]")
        seen.setdefault(key, index)
        weight = f.integer(item.get("weight", 1), f"{where}.weight", minimum=1, maximum=MAX_WEIGHT)
        avoid = _strings(item.get("not_in", []), f"{where}.not_in")
        for i, slot in enumerate(avoid):
            if slot not in slot_ids:
                raise InstanceError(f"{where}.not_in[{i}]", f'unknown slot "{slot}"')
        venue = ""
        if "venue" in item:
            venue = f.text(item["venue"], f"{where}.venue")
            if venue not in venues:
                raise InstanceError(f"{where}.venue", f'unknown venue "{venue}"')
        requests.append(
            Request(
                source,
                target,
                weight,
                session,
                separate,
                organisation,
                marked,
                frozenset(avoid),
                venue,
            )
        )
    return tuple(requests)


def _venues(value: object) -> tuple[str, ...]:
    venues: list[str] = []
    for index, entry in enumerate(f.array(value, "venues")):
        where = f"venues[{index}]"
        item = f.obj(entry, where)
        f.only_keys(item, {"id", "name"}, where)
        venue = f.text(f.required(item, "id", where), f"{where}.id")
        if venue in venues:
            raise InstanceError(f"{where}.id", f'duplicate venue "{venue}"')
        if not isinstance(item.get("name", ""), str):
            raise InstanceError(f"{where}.name", "must be a string")
        venues.append(venue)
    return tuple(venues)


def _travel(value: object, venues: set[str]) -> tuple[tuple[str, str, int], ...]:
    out: list[tuple[str, str, int]] = []
    seen: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(f.array(value, "travel")):
        where = f"travel[{index}]"
        item = f.obj(entry, where)
        f.only_keys(item, {"from", "to", "minutes"}, where)
        ends = []
        for key in ("from", "to"):
            venue = f.text(f.required(item, key, where), f"{where}.{key}")
            if venue not in venues:
                raise InstanceError(f"{where}.{key}", f'unknown venue "{venue}"')
            ends.append(venue)
        if ends[0] == ends[1]:
            raise InstanceError(f"{where}.to", "must differ from from")
        key2 = (min(ends), max(ends))
        if key2 in seen:
            raise InstanceError(where, f"duplicate of travel[{seen[key2]}]")
        seen[key2] = index
        minutes = f.integer(
            f.required(item, "minutes", where), f"{where}.minutes", minimum=0, maximum=24 * 60
        )
        out.append((ends[0], ends[1], minutes))
    return tuple(out)


def _known(value: object, where: str, people: Mapping[str, Participant]) -> str:
    person = f.text(value, where)
    if person not in people:
        raise InstanceError(where, f'unknown participant "{person}"')
    return person


def _fixed(
    entry: object,
    where: str,
    people: dict[str, Participant],
    slot_ids: set[str],
    tables: set[str],
) -> Meeting:
    item = f.obj(entry, where)
    f.only_keys(item, {"participants", "slot", "table"}, where)
    names = _strings(f.required(item, "participants", where), f"{where}.participants")
    if len(names) < 2:
        raise InstanceError(f"{where}.participants", "must list at least two participants")
    for i, person in enumerate(names):
        _known(person, f"{where}.participants[{i}]", people)
    if len(set(names)) != len(names):
        raise InstanceError(f"{where}.participants", "lists a participant twice")
    slot = f.text(f.required(item, "slot", where), f"{where}.slot")
    if slot not in slot_ids:
        raise InstanceError(f"{where}.slot", f'unknown slot "{slot}"')
    table = ""
    if "table" in item:
        table = f.text(item["table"], f"{where}.table")
        if table not in tables:
            raise InstanceError(f"{where}.table", f'unknown table "{table}"')
    return Meeting(tuple(sorted(names)), slot, table)


def _programme(
    value: object, people: dict[str, Participant], slot_ids: set[str]
) -> tuple[Programme, ...]:
    out: list[Programme] = []
    seen: set[str] = set()
    for index, entry in enumerate(f.array(value, "programme")):
        where = f"programme[{index}]"
        item = f.obj(entry, where)
        f.only_keys(item, {"id", "name", "slots", "groups", "participants"}, where)
        ident = f.text(f.required(item, "id", where), f"{where}.id")
        if ident in seen:
            raise InstanceError(f"{where}.id", f'duplicate programme session "{ident}"')
        seen.add(ident)
        name = item.get("name", "")
        if not isinstance(name, str):
            raise InstanceError(f"{where}.name", "must be a string")
        slots = _strings(f.required(item, "slots", where), f"{where}.slots")
        if not slots:
            raise InstanceError(f"{where}.slots", "must list at least one slot")
        for i, slot in enumerate(slots):
            if slot not in slot_ids:
                raise InstanceError(f"{where}.slots[{i}]", f'unknown slot "{slot}"')
        groups = _strings(item.get("groups", []), f"{where}.groups")
        known_groups = set().union(*(p.groups for p in people.values())) if people else set()
        for i, group in enumerate(groups):
            if group not in known_groups:
                raise InstanceError(f"{where}.groups[{i}]", f'no participant is in "{group}"')
        members = _strings(item.get("participants", []), f"{where}.participants")
        for i, person in enumerate(members):
            _known(person, f"{where}.participants[{i}]", people)
        out.append(Programme(ident, name, frozenset(slots), frozenset(groups), frozenset(members)))
    return tuple(out)


def _precedence(entry: object, where: str, people: dict[str, Participant]) -> Precedence:
    item = f.obj(entry, where)
    f.only_keys(item, {"before", "after"}, where)
    ends = []
    for key in ("before", "after"):
        names = _strings(f.required(item, key, where), f"{where}.{key}")
        if len(names) != 2 or names[0] == names[1]:
            raise InstanceError(f"{where}.{key}", "must name two participants of the meeting")
        for i, person in enumerate(names):
            _known(person, f"{where}.{key}[{i}]", people)
        ends.append(pair_of(names[0], names[1]))
    return Precedence(ends[0], ends[1])


def _objective(value: object) -> tuple[int | None, bool]:
    item = f.obj(value, "objective")
    f.only_keys(item, {"break_spread", "minimise_breaks"}, "objective")
    spread: int | None = DEFAULT_SPREAD
    if "break_spread" in item:
        raw = item["break_spread"]
        spread = None if raw is None else f.integer(raw, "objective.break_spread", minimum=0)
    minimise = item.get("minimise_breaks", True)
    if not isinstance(minimise, bool):
        raise InstanceError("objective.minimise_breaks", "must be true or false")
    return spread, minimise
