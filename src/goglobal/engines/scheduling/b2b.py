"""Read Bofill et al.'s B2B benchmark (MiniZinc data) and convert it to ``goglobal-schedule/2``.

The instances of "Constraint solving approaches to the business-to-business meeting scheduling
problem" (Bofill, Coll, Garcia, Giráldez-Cru, Pesant, Suy, Villaret; JAIR 2022) give, as the
paper documents the model's parameters:

- ``nBusiness``, ``nMeetings``, ``nTables``, ``nTotalSlots``, ``nMorningSlots``: participants
  1..nBusiness, meetings 1..nMeetings, slots 1..nTotalSlots of which the first nMorningSlots are
  the morning session and the rest the afternoon session;
- ``requested``: one row ``|a, b, s`` per meeting, ``s`` = 1 morning, 2 afternoon, 3 any;
- ``forbidden``: per participant, the slots it cannot attend (``{0}`` pads an empty set);
- ``fixed``: per meeting, the slot it must take (0 = free);
- ``precedences``: per meeting, the meetings that must take place in an earlier slot;
- ``meetingsxBusiness`` / ``nMeetingsBusiness``: per participant, its meetings (implied data,
  used here only to check the reading).

Nothing is copied: the files are read from wherever the caller keeps them.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from goglobal.engines.scheduling.errors import InstanceError

FORMAT = "goglobal-schedule/2"
SESSIONS = {1: "morning", 2: "afternoon", 3: "any"}
_ASSIGNMENT = re.compile(r"(\w+)\s*=\s*(.*?);", re.S)
_START = datetime(2014, 5, 20, 9, 0, tzinfo=timezone(timedelta(hours=2)))
_AFTERNOON = datetime(2014, 5, 20, 15, 0, tzinfo=timezone(timedelta(hours=2)))
SLOT_MINUTES = 20

Value = int | list[int] | list[Any]


def parse_dzn(text: str) -> dict[str, Value]:
    """The assignments of a MiniZinc data file: integers, sets, arrays and 2-d arrays of them."""
    text = re.sub(r"%[^\n]*", "", text)
    values: dict[str, Value] = {}
    for name, raw in _ASSIGNMENT.findall(text):
        values[name] = _value(raw.strip(), name)
    return values


def _value(raw: str, name: str) -> Value:
    if re.fullmatch(r"-?\d+", raw):
        return int(raw)
    if raw.startswith("[|"):
        body = raw[2:].rstrip("]").rstrip().rstrip("|")
        rows = [row for row in body.split("|")]
        return [[int(x) for x in row.split(",") if x.strip()] for row in rows if row.strip(" ,\n")]
    if raw.startswith("["):
        body = raw[1:-1].strip()
        if not body:
            return []
        if body.startswith("{"):
            return [_set(item) for item in re.findall(r"\{([^}]*)\}", body)]
        return [int(x) for x in body.split(",") if x.strip()]
    if raw.startswith("{"):
        return _set(raw.strip("{}"))
    raise InstanceError(name, f"cannot read value {raw[:40]!r}")


def _set(body: str) -> list[int]:
    return sorted({int(x) for x in body.split(",") if x.strip()})


def _int(data: dict[str, Value], name: str) -> int:
    value = data.get(name)
    if not isinstance(value, int):
        raise InstanceError(name, "missing or not an integer")
    return value


def _list(data: dict[str, Value], name: str, length: int) -> list[Any]:
    value = data.get(name)
    if not isinstance(value, list) or len(value) != length:
        raise InstanceError(name, f"must be an array of {length} entries")
    return value


def read_b2b(path: str | Path) -> dict[str, Any]:  # noqa: C901 - one step per parameter
    """Convert one ``.dzn`` instance into a ``goglobal-schedule/2`` instance (a dict)."""
    data = parse_dzn(Path(path).read_text(encoding="utf-8"))
    people, count = _int(data, "nBusiness"), _int(data, "nMeetings")
    tables, total, morning = (
        _int(data, "nTables"),
        _int(data, "nTotalSlots"),
        _int(data, "nMorningSlots"),
    )
    requested = _list(data, "requested", count)
    forbidden = _list(data, "forbidden", people)
    fixed = data.get("fixed", [0] * count)
    precedences = data.get("precedences", [[] for _ in range(count)])
    if not isinstance(fixed, list) or len(fixed) != count:
        raise InstanceError("fixed", f"must be an array of {count} entries")
    if not isinstance(precedences, list) or len(precedences) != count:
        raise InstanceError("precedences", f"must be an array of {count} entries")
    slot_ids = [f"s{t:02d}" for t in range(1, total + 1)]
    slots = []
    for t in range(total):
        base = _START + timedelta(minutes=SLOT_MINUTES * t)
        if t >= morning:
            base = _AFTERNOON + timedelta(minutes=SLOT_MINUTES * (t - morning))
        slots.append(
            {
                "id": slot_ids[t],
                "start": base.isoformat(),
                "end": (base + timedelta(minutes=SLOT_MINUTES)).isoformat(),
                "session": "morning" if t < morning else "afternoon",
            }
        )
    person_ids = [f"b{p:02d}" for p in range(1, people + 1)]
    participants = []
    for p, banned in enumerate(forbidden):
        out = {t for t in banned if t != 0}
        participants.append(
            {
                "id": person_ids[p],
                "available": [slot_ids[t - 1] for t in range(1, total + 1) if t not in out],
            }
        )
    requests = []
    degree = [0] * people
    for m, row in enumerate(requested):
        if len(row) != 3 or not (1 <= row[0] <= people and 1 <= row[1] <= people):
            raise InstanceError(f"requested[{m + 1}]", f"not a meeting row: {row}")
        a, b, session = row
        degree[a - 1] += 1
        degree[b - 1] += 1
        if session not in SESSIONS:
            raise InstanceError(f"requested[{m + 1}]", f"unknown session {session}")
        request: dict[str, Any] = {
            "from": person_ids[a - 1],
            "to": person_ids[b - 1],
            "session": SESSIONS[session],
            "separate": True,
        }
        requests.append(request)
    declared = data.get("nMeetingsBusiness")
    if isinstance(declared, list) and declared != degree:
        raise InstanceError("nMeetingsBusiness", "does not match the requested meetings")
    instance: dict[str, Any] = {
        "format": FORMAT,
        "slots": slots,
        "tables": [f"T{k:02d}" for k in range(1, tables + 1)],
        "participants": participants,
        "requests": requests,
        "objective": {"break_spread": 2},
    }
    pinned = [
        {"participants": [requests[m]["from"], requests[m]["to"]], "slot": slot_ids[t - 1]}
        for m, t in enumerate(fixed)
        if t
    ]
    if pinned:
        instance["fixed"] = pinned
    order = [
        {
            "before": [requests[q - 1]["from"], requests[q - 1]["to"]],
            "after": [requests[m]["from"], requests[m]["to"]],
        }
        for m, earlier in enumerate(precedences)
        for q in earlier
        if q
    ]
    if order:
        instance["precedences"] = order
    return instance
