"""Read and fully validate the exchange format (see docs/schedule-format.md)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from goglobal.engines.scheduling import fields as f
from goglobal.engines.scheduling.errors import InstanceError
from goglobal.engines.scheduling.fixed import check_fixed
from goglobal.engines.scheduling.model import (
    FORMAT,
    FORMAT_2,
    RESULT_FORMAT,
    RESULT_FORMAT_2,
    Instance,
    Meeting,
    Participant,
    Request,
    Slot,
    pair_of,
)

MAX_WEIGHT = 1_000_000  # keeps the exact bound arithmetic within 64-bit integers
_TOP = {"format", "slots", "tables", "participants", "requests", "fixed"}


def load_instance(source: str | Path | Mapping[str, Any]) -> Instance:
    """Parse an instance from a JSON file path or an already-decoded dict; raise InstanceError."""
    data = f.read_json(source, "instance")
    if data.get("format") == FORMAT_2:
        from goglobal.engines.scheduling.parse2 import load_v2

        return load_v2(data)
    f.only_keys(data, _TOP, "instance")
    if data.get("format") != FORMAT:
        raise InstanceError(
            "format", f"must be {FORMAT!r} or {FORMAT_2!r}, got {data.get('format')!r}"
        )
    slots = _slots(f.required(data, "slots", ""))
    slot_ids = {slot.id for slot in slots}
    tables = _tables(f.required(data, "tables", ""))
    participants = _participants(f.required(data, "participants", ""), slots, slot_ids)
    known = {participant.id for participant in participants}
    requests = _requests(f.required(data, "requests", ""), known)
    fixed = tuple(
        _meeting(entry, f"fixed[{index}]", known, slot_ids, set(tables))
        for index, entry in enumerate(f.array(data.get("fixed", []), "fixed"))
    )
    instance = Instance(slots, tables, participants, requests, fixed)
    check_fixed(instance)
    return instance


def load_previous(source: str | Path | Mapping[str, Any]) -> tuple[Meeting, ...]:
    """Read the meetings of a previously published result (ids may since have disappeared)."""
    data = f.read_json(source, "previous schedule")
    if data.get("format") not in (RESULT_FORMAT, RESULT_FORMAT_2):
        raise InstanceError("format", f"must be {RESULT_FORMAT!r}, got {data.get('format')!r}")
    entries = f.array(f.required(data, "meetings", ""), "meetings")
    return tuple(
        _meeting(
            entry, f"meetings[{index}]", None, None, None, shared=data["format"] != RESULT_FORMAT
        )
        for index, entry in enumerate(entries)
    )


def _slots(value: object) -> tuple[Slot, ...]:
    slots: list[Slot] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(f.array(value, "slots")):
        where = f"slots[{index}]"
        item = f.obj(entry, where)
        f.only_keys(item, {"id", "start", "end"}, where)
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
        slots.append(Slot(slot_id, start, end))
    if not slots:
        raise InstanceError("slots", "must list at least one slot")
    return tuple(slots)


def _tables(value: object) -> tuple[str, ...]:
    tables: list[str] = []
    seen: set[str] = set()
    for index, entry in enumerate(f.array(value, "tables")):
        table = f.text(entry, f"tables[{index}]")
        if table in seen:
            raise InstanceError(f"tables[{index}]", f'duplicate table "{table}"')
        seen.add(table)
        tables.append(table)
    return tuple(tables)


def _participants(
    value: object, slots: tuple[Slot, ...], slot_ids: set[str]
) -> tuple[Participant, ...]:
    participants: list[Participant] = []
    seen: dict[str, int] = {}
    everything = frozenset(slot_ids)
    allowed = {"id", "name", "organisation", "available", "max_meetings"}
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
        name = _optional_text(item, "name", where)
        organisation = _optional_text(item, "organisation", where)
        available = everything
        if "available" in item:
            available = _available(item["available"], f"{where}.available", slot_ids)
        cap = None
        if item.get("max_meetings") is not None:
            cap = f.integer(item["max_meetings"], f"{where}.max_meetings", minimum=0)
        participants.append(Participant(person, name, organisation, available, cap))
    return tuple(participants)


def _optional_text(item: Mapping[str, Any], key: str, where: str) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        raise InstanceError(f"{where}.{key}", "must be a string")
    return value


def _available(value: object, where: str, slot_ids: set[str]) -> frozenset[str]:
    chosen: set[str] = set()
    for index, entry in enumerate(f.array(value, where)):
        slot = f.text(entry, f"{where}[{index}]")
        if slot not in slot_ids:
            raise InstanceError(f"{where}[{index}]", f'unknown slot "{slot}"')
        chosen.add(slot)
    return frozenset(chosen)


def _requests(value: object, known: set[str]) -> tuple[Request, ...]:
    requests: list[Request] = []
    seen: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(f.array(value, "requests")):
        where = f"requests[{index}]"
        item = f.obj(entry, where)
        f.only_keys(item, {"from", "to", "weight"}, where)
        ends = []
        for key in ("from", "to"):
            person = f.text(f.required(item, key, where), f"{where}.{key}")
            if person not in known:
                raise InstanceError(f"{where}.{key}", f'unknown participant "{person}"')
            ends.append(person)
        if ends[0] == ends[1]:
            raise InstanceError(f"{where}.to", f'a participant cannot request itself ("{ends[0]}")')
        key_pair = (ends[0], ends[1])
        if key_pair in seen:
            raise InstanceError(where, f"duplicate of requests[{seen[key_pair]}]")
        seen[key_pair] = index
        weight = f.integer(item.get("weight", 1), f"{where}.weight", minimum=1, maximum=MAX_WEIGHT)
        requests.append(Request(ends[0], ends[1], weight))
    return tuple(requests)


def _meeting(
    entry: object,
    where: str,
    known: set[str] | None,
    slot_ids: set[str] | None,
    tables: set[str] | None,
    *,
    shared: bool = False,
) -> Meeting:
    """Read one meeting; ids are checked against the instance only when the sets are given."""
    item = f.obj(entry, where)
    people = f.array(f.required(item, "participants", where), f"{where}.participants")
    if shared and len(people) >= 2 and len(set(map(str, people))) == len(people):
        ids = [f.text(person, f"{where}.participants[{i}]") for i, person in enumerate(people)]
        slot = f.text(f.required(item, "slot", where), f"{where}.slot")
        table = f.text(f.required(item, "table", where), f"{where}.table")
        return Meeting(tuple(sorted(ids)), slot, table)
    if len(people) != 2:
        raise InstanceError(f"{where}.participants", "must list exactly two participants")
    ids = [f.text(person, f"{where}.participants[{i}]") for i, person in enumerate(people)]
    for i, person in enumerate(ids):
        if known is not None and person not in known:
            raise InstanceError(f"{where}.participants[{i}]", f'unknown participant "{person}"')
    if ids[0] == ids[1]:
        raise InstanceError(f"{where}.participants", f'lists "{ids[0]}" twice')
    slot = f.text(f.required(item, "slot", where), f"{where}.slot")
    if slot_ids is not None and slot not in slot_ids:
        raise InstanceError(f"{where}.slot", f'unknown slot "{slot}"')
    table = f.text(f.required(item, "table", where), f"{where}.table")
    if tables is not None and table not in tables:
        raise InstanceError(f"{where}.table", f'unknown table "{table}"')
    return Meeting(pair_of(ids[0], ids[1]), slot, table)
