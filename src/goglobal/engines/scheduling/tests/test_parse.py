from __future__ import annotations

import copy
import json

import pytest

from goglobal.engines.scheduling import InstanceError, load_instance, load_previous

VALID = {
    "format": "goglobal-schedule/1",
    "slots": [
        {"id": "d1-0900", "start": "2026-11-05T09:00:00+08:00", "end": "2026-11-05T09:20:00+08:00"},
        {"id": "d1-0920", "start": "2026-11-05T09:20:00+08:00", "end": "2026-11-05T09:40:00+08:00"},
    ],
    "tables": ["T001", "T002"],
    "participants": [
        {"id": "p00001", "name": "李华", "organisation": "o00001", "max_meetings": 6},
        {"id": "p00002", "name": "陳大文", "organisation": "o00002", "available": ["d1-0900"]},
        {"id": "p00003"},
    ],
    "requests": [
        {"from": "p00001", "to": "p00002", "weight": 3},
        {"from": "p00002", "to": "p00001"},
        {"from": "p00003", "to": "p00001", "weight": 2},
    ],
    "fixed": [{"participants": ["p00002", "p00001"], "slot": "d1-0900", "table": "T001"}],
}


def test_a_valid_instance_loads_with_defaults():
    instance = load_instance(copy.deepcopy(VALID))

    assert [p.max_meetings for p in instance.participants] == [6, None, None]
    assert instance.participants[2].available == {"d1-0900", "d1-0920"}
    assert instance.pair_values() == {("p00001", "p00002"): 4, ("p00001", "p00003"): 2}
    assert instance.fixed[0].participants == ("p00001", "p00002")


def test_a_file_path_loads_the_same(tmp_path):
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(VALID), encoding="utf-8")

    assert load_instance(path) == load_instance(copy.deepcopy(VALID))


def _broken(path: str, value: object) -> dict[str, object]:
    data = copy.deepcopy(VALID)
    *parents, last = path.split("/")
    target: object = data
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]  # type: ignore[index]
    if value is _DELETE:
        del target[int(last) if isinstance(target, list) else last]  # type: ignore[attr-defined]
    else:
        target[int(last) if isinstance(target, list) else last] = value  # type: ignore[index]
    return data


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("format", "other/1", "format: must be 'goglobal-schedule/1'"),
        ("slots", {}, "slots: must be an array"),
        ("slots", [], "slots: must list at least one slot"),
        ("slots/1/id", "d1-0900", 'slots[1].id: duplicate slot "d1-0900"'),
        ("slots/0/start", "tomorrow", "slots[0].start: not an ISO 8601 date-time"),
        ("slots/0/start", "2026-11-05T09:00:00", "slots[0].start: needs a UTC offset"),
        ("slots/0/end", "2026-11-05T08:00:00+08:00", "slots[0].end: must be after start"),
        ("slots/0/end", _DELETE, "slots[0].end: missing"),
        ("slots/0/room", "A", "slots[0].room: unknown field"),
        ("tables/1", "T001", 'tables[1]: duplicate table "T001"'),
        ("tables/0", 7, "tables[0]: must be a non-empty string"),
        ("participants/2/id", "p00001", 'participants[2].id: duplicate participant "p00001"'),
        ("participants/1/available/0", "d9-0900", "participants[1].available[0]: unknown slot"),
        ("participants/0/max_meetings", -1, "participants[0].max_meetings: must be at least 0"),
        ("participants/0/max_meetings", "6", "participants[0].max_meetings: must be an integer"),
        ("participants/0/name", 5, "participants[0].name: must be a string"),
        ("requests/2/to", "p00999", 'requests[2].to: unknown participant "p00999"'),
        ("requests/2/from", _DELETE, "requests[2].from: missing"),
        ("requests/2/to", "p00003", "requests[2].to: a participant cannot request itself"),
        ("requests/1", {"from": "p00001", "to": "p00002"}, "requests[1]: duplicate of requests[0]"),
        ("requests/0/weight", 0, "requests[0].weight: must be at least 1"),
        ("requests/0/weight", 2.5, "requests[0].weight: must be an integer"),
        ("requests/0/weight", True, "requests[0].weight: must be an integer"),
        ("requests/0/weight", 10**7, "requests[0].weight: must be at most 1000000"),
        ("fixed/0/slot", "d1-0940", 'fixed[0].slot: unknown slot "d1-0940"'),
        ("fixed/0/table", "T009", 'fixed[0].table: unknown table "T009"'),
        ("fixed/0/participants", ["p00001"], "fixed[0].participants: must list exactly two"),
        ("fixed/0/participants/1", "p00404", "fixed[0].participants[1]: unknown participant"),
        ("fixed/0/slot", "d1-0920", 'fixed[0].participants: "p00002" is not available'),
    ],
)
def test_bad_input_names_the_field_and_the_entry(path, value, message):
    data = _broken(path, value)

    with pytest.raises(InstanceError) as raised:
        load_instance(data)

    assert str(raised.value).startswith(message)


@pytest.mark.parametrize(
    ("fixed", "message"),
    [
        (
            [
                {"participants": ["p00001", "p00002"], "slot": "d1-0900", "table": "T001"},
                {"participants": ["p00001", "p00003"], "slot": "d1-0900", "table": "T002"},
            ],
            'fixed[1].participants: "p00001" already meets in this slot in fixed[0]',
        ),
        (
            [
                {"participants": ["p00001", "p00002"], "slot": "d1-0900", "table": "T001"},
                {"participants": ["p00003", "p00001"], "slot": "d1-0920", "table": "T001"},
                {"participants": ["p00002", "p00003"], "slot": "d1-0900", "table": "T001"},
            ],
            "fixed[2].table: already used in this slot by fixed[0]",
        ),
        (
            [
                {"participants": ["p00001", "p00003"], "slot": "d1-0900", "table": "T001"},
                {"participants": ["p00003", "p00001"], "slot": "d1-0920", "table": "T001"},
            ],
            "fixed[1]: the pair already meets in fixed[0]",
        ),
    ],
)
def test_impossible_fixed_meetings_are_input_errors(fixed, message):
    data = copy.deepcopy(VALID)
    data["fixed"] = fixed

    with pytest.raises(InstanceError, match=r"^" + message.replace("[", r"\[").replace("]", r"\]")):
        load_instance(data)


def test_a_fixed_meeting_beyond_a_cap_is_an_input_error():
    data = copy.deepcopy(VALID)
    data["participants"][0]["max_meetings"] = 0

    with pytest.raises(InstanceError, match=r"exceed max_meetings \(0\)"):
        load_instance(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [("{", "is not JSON"), ("[1]", "must hold a JSON object")],
)
def test_unreadable_files_are_input_errors(tmp_path, text, message):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(InstanceError, match=message):
        load_instance(path)


def test_a_previous_schedule_may_name_people_who_left():
    previous = {
        "format": "goglobal-schedule-result/1",
        "meetings": [{"participants": ["p09999", "p00001"], "slot": "gone", "table": "T1"}],
    }

    meetings = load_previous(previous)

    assert meetings[0].participants == ("p00001", "p09999")


def test_a_previous_schedule_must_be_a_result():
    with pytest.raises(InstanceError, match="format: must be 'goglobal-schedule-result/1'"):
        load_previous(VALID)
