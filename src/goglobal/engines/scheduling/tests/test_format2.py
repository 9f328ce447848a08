from __future__ import annotations

import random
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from goglobal.engines.scheduling import InstanceError, load_instance, schedule
from goglobal.engines.scheduling.assign import assign
from goglobal.engines.scheduling.b2b import parse_dzn, read_b2b
from goglobal.engines.scheduling.engine2 import COUNT_BOUND, _valid, _value
from goglobal.engines.scheduling.generator import Conference, generate
from goglobal.engines.scheduling.mip import count_bound
from goglobal.engines.scheduling.model import Instance
from goglobal.engines.scheduling.output import result_to_dict
from goglobal.engines.scheduling.parse import load_previous
from goglobal.engines.scheduling.tests.checker2 import brute_force, check
from goglobal.engines.scheduling.units import build_plan, build_units

ZONE = timezone(timedelta(hours=8))


def slots(count: int, *, morning: int | None = None, day2: int | None = None) -> list[dict]:
    out = []
    for i in range(count):
        start = datetime(2026, 12, 3, 9, tzinfo=ZONE) + timedelta(minutes=30 * i)
        if day2 is not None and i >= day2:
            start += timedelta(days=1)
        item = {
            "id": f"s{i}",
            "start": start.isoformat(),
            "end": (start + timedelta(minutes=30)).isoformat(),
        }
        if morning is not None:
            item["session"] = "morning" if i < morning else "afternoon"
        out.append(item)
    return out


def instance(**extra) -> dict:
    data = {
        "format": "goglobal-schedule/2",
        "slots": slots(4, morning=2),
        "tables": ["T1", "T2"],
        "participants": [
            {"id": "a"},
            {"id": "b1", "organisation": "B"},
            {"id": "b2", "organisation": "B"},
            {"id": "c"},
        ],
        "requests": [
            {"from": "a", "to": "b1"},
            {"from": "a", "to": "b2", "weight": 2},
            {"from": "c", "to": "a"},
        ],
    }
    data.update(extra)
    return data


def test_colleagues_of_one_organisation_meet_a_participant_together():
    loaded = load_instance(instance())

    result = schedule(loaded, time_limit=5)

    check(loaded, result)
    assert ("a", "b1", "b2") in [m.participants for m in result.meetings]
    assert result.shared_meetings == 1
    assert result.value == 4
    assert result_to_dict(result)["format"] == "goglobal-schedule-result/2"


def test_separate_requests_stay_separate_meetings():
    data = instance()
    data["requests"][1]["separate"] = True
    loaded = load_instance(data)

    result = schedule(loaded, time_limit=5)

    check(loaded, result)
    assert {m.participants for m in result.meetings} == {("a", "b1"), ("a", "b2"), ("a", "c")}


def test_a_request_may_name_an_organisation_and_who_marked_it():
    data = instance(requests=[{"from": "c", "organisation": "B", "marked_by": ["b2"]}])
    loaded = load_instance(data)

    result = schedule(loaded, time_limit=5)

    check(loaded, result)
    assert [m.participants for m in result.meetings] == [("b2", "c")]


def test_sessions_programme_fixed_and_precedences_are_respected():
    data = instance(
        slots=slots(6, morning=3),
        participants=[{"id": "a", "groups": ["press"]}, {"id": "b1"}, {"id": "c"}, {"id": "d"}],
        requests=[
            {"from": "a", "to": "b1", "session": "afternoon"},
            {"from": "a", "to": "c", "session": "morning"},
            {"from": "d", "to": "c"},
            {"from": "d", "to": "b1"},
        ],
        programme=[
            {"id": "opening", "slots": ["s0"]},
            {"id": "briefing", "slots": ["s4"], "groups": ["press"]},
        ],
        fixed=[{"participants": ["d", "c"], "slot": "s2", "table": "T2"}],
        precedences=[{"before": ["d", "b1"], "after": ["a", "b1"]}],
    )
    loaded = load_instance(data)

    result = schedule(loaded, time_limit=5)

    check(loaded, result)
    at = {m.participants: m.slot for m in result.meetings}
    assert at[("a", "b1")] in {"s3", "s5"}
    assert at[("a", "c")] == "s1"
    assert at[("c", "d")] == "s2"
    assert at[("b1", "d")] < at[("a", "b1")]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"requests": [{"from": "a", "to": "c", "session": "evening"}]}, "requests[0].session"),
        ({"requests": [{"from": "a", "to": "c", "organisation": "B"}]}, "requests[0]"),
        (
            {"requests": [{"from": "a", "organisation": "B", "marked_by": ["c"]}]},
            "requests[0].marked_by[0]",
        ),
        ({"requests": [{"from": "a", "organisation": "Z"}]}, "requests[0].organisation"),
        (
            {"programme": [{"id": "x", "slots": ["s0"], "groups": ["nobody"]}]},
            "programme[0].groups[0]",
        ),
        ({"programme": [{"id": "x", "slots": ["s9"]}]}, "programme[0].slots[0]"),
        (
            {
                "precedences": [
                    {"before": ["a", "c"], "after": ["a", "b1"]},
                    {"before": ["a", "b1"], "after": ["a", "c"]},
                ]
            },
            "precedences[1]",
        ),
        ({"precedences": [{"before": ["c", "b1"], "after": ["a", "b1"]}]}, "precedences[0].before"),
        (
            {
                "fixed": [{"participants": ["a", "c"], "slot": "s0"}],
                "requests": [{"from": "a", "to": "c", "session": "afternoon"}],
            },
            "fixed[0].slot",
        ),
        ({"objective": {"break_spread": -1}}, "objective.break_spread"),
        ({"requests": [{"from": "b1", "to": "b2"}]}, "requests[0].to"),
        (
            {
                "requests": [
                    {"from": "a", "to": "b1", "session": "morning"},
                    {"from": "a", "to": "b2", "session": "afternoon"},
                ]
            },
            "requests[1].session",
        ),
    ],
)
def test_bad_input_names_the_field(change, field):
    with pytest.raises(InstanceError) as error:
        load_instance(instance(**change))
    assert error.value.where == field


def _tiny(seed: int) -> dict:
    rng = random.Random(seed)
    people = [{"id": f"p{i}"} for i in range(5)]
    for person in people:
        if rng.random() < 0.4:
            person["organisation"] = rng.choice(["X", "Y"])
    chosen: dict[tuple[str, str], dict] = {}
    while len(chosen) < 4:
        a, b = rng.sample(range(5), 2)
        chosen.setdefault(
            (f"p{a}", f"p{b}"),
            {
                "from": f"p{a}",
                "to": f"p{b}",
                "weight": rng.randint(1, 3),
                "session": rng.choice(["any", "any", "morning", "afternoon"]),
            },
        )
    data = instance(
        slots=slots(4, morning=2),
        tables=["T1", "T2"][: rng.choice([1, 2])],
        participants=people,
        requests=list(chosen.values()),
        objective={"break_spread": rng.choice([None, 0, 1, 2])},
    )
    if rng.random() < 0.5:
        data["programme"] = [{"id": "x", "slots": [rng.choice(["s0", "s1", "s2", "s3"])]}]
    return data


def _tiny_or_skip(seed: int) -> Instance:
    try:
        return load_instance(_tiny(seed))
    except InstanceError:
        pytest.skip("the random requests are not valid input (colleagues, or a session conflict)")


@pytest.mark.parametrize("seed", range(25))
def test_tiny_instances_match_the_exhaustive_lexicographic_optimum(seed):
    loaded = _tiny_or_skip(seed)
    units = [u.members for u in build_units(loaded)]

    result = schedule(loaded, time_limit=5)

    check(loaded, result)
    value, fewest = brute_force(loaded, units)
    assert result.value == value
    assert result.breaks is not None
    assert result.breaks.total == fewest


def test_breaks_are_minimised_after_the_value_and_the_spread_is_bounded():
    data = instance(
        slots=slots(5),
        tables=["T1"],
        participants=[{"id": x} for x in "abcd"],
        requests=[{"from": "a", "to": "b"}, {"from": "a", "to": "c"}, {"from": "c", "to": "d"}],
    )
    loaded = load_instance(data)

    result = schedule(loaded, time_limit=5)

    check(loaded, result)
    assert result.value == 3
    assert result.breaks is not None
    assert result.breaks.total == 0


def test_previous_shared_meetings_are_kept_when_re_planning():
    loaded = load_instance(instance())
    first = schedule(loaded, time_limit=5)
    previous = load_previous(result_to_dict(first))

    again = schedule(loaded, time_limit=5, previous=previous)

    assert again.changes is not None
    assert again.changes.kept == len(first.meetings)
    assert again.meetings == first.meetings


DZN = """nBusiness = 3;
nMeetings = 2;
nTables = 1;
nTotalSlots = 3;
nMorningSlots = 2;
requested = [|1, 2,1,
|3, 2,2,
|];
meetingsxBusiness = [{1,2},{1,2,3},{1,3}];
nMeetingsBusiness = [1,2,1];
forbidden = [{0},{0,1},{0}];
fixed = [0,0];
precedences = [{},{}];
"""


def test_the_b2b_reader_follows_the_papers_parameters(tmp_path):
    path = tmp_path / "toy.dzn"
    path.write_text(DZN, encoding="utf-8")

    assert parse_dzn(DZN)["requested"] == [[1, 2, 1], [3, 2, 2]]
    data = read_b2b(path)
    loaded = load_instance(data)
    result = schedule(loaded, time_limit=5)

    check(loaded, result)
    at = {m.participants: m.slot for m in result.meetings}
    assert at == {("b01", "b02"): "s02", ("b02", "b03"): "s03"}
    assert result.breaks is not None
    assert result.breaks.total == 0


def test_the_b2b_reader_checks_the_implied_data(tmp_path):
    path = tmp_path / "bad.dzn"
    path.write_text(DZN.replace("[1,2,1]", "[1,1,1]"), encoding="utf-8")

    with pytest.raises(InstanceError) as error:
        read_b2b(path)
    assert error.value.where == "nMeetingsBusiness"


def test_a_meeting_avoids_the_slots_its_request_names():
    data = instance(
        slots=slots(3),
        tables=["T1"],
        participants=[{"id": "a"}, {"id": "b"}],
        requests=[{"from": "a", "to": "b", "not_in": ["s0", "s1"]}],
    )
    loaded = load_instance(data)

    result = schedule(loaded, time_limit=5)

    assert [m.slot for m in result.meetings] == ["s2"]
    with pytest.raises(InstanceError) as error:
        load_instance(dict(data, requests=[{"from": "a", "to": "b", "not_in": ["x"]}]))
    assert error.value.where == "requests[0].not_in[0]"


B2B = Path(__file__).resolve().parents[6] / "shared" / "data" / "b2b" / "tic-12.original.dzn"


@pytest.mark.skipif(not B2B.exists(), reason="Bofill et al.'s instances are not next to the repo")
def test_a_published_b2b_instance_is_scheduled_whole_without_breaks():
    loaded = load_instance(read_b2b(B2B))

    result = schedule(loaded, time_limit=10)

    check(loaded, result)
    assert len(result.meetings) == len(loaded.requests)
    assert result.breaks is not None
    assert result.breaks.total == 0  # no breaks at all: optimal


def _visit(**extra) -> dict:
    """Two venues 45 minutes apart, 30-minute slots back to back, a member meeting at both."""
    data = instance(
        slots=slots(4),
        tables=["T1", "T2"],
        participants=[{"id": "m"}, {"id": "x"}, {"id": "y"}],
        venues=[{"id": "north", "name": "North Point"}, {"id": "south"}],
        travel=[{"from": "north", "to": "south", "minutes": 45}],
        requests=[
            {"from": "m", "to": "x", "venue": "north"},
            {"from": "m", "to": "y", "venue": "south"},
        ],
    )
    data.update(extra)
    return data


def test_travel_between_venues_is_respected_for_every_member():
    loaded = load_instance(_visit())

    result = schedule(loaded, time_limit=5)

    check(loaded, result)
    assert result.value == 2
    venues = {tuple(m["participants"]): m["venue"] for m in result_to_dict(result)["meetings"]}
    assert venues == {("m", "x"): "north", ("m", "y"): "south"}
    at = {m.participants: int(m.slot[1:]) for m in result.meetings}
    # 45 minutes between venues: at least one 30-minute slot between the two meetings
    assert abs(at[("m", "x")] - at[("m", "y")]) >= 3


def test_no_route_between_venues_keeps_their_meetings_apart():
    loaded = load_instance(_visit(travel=[]))

    result = schedule(loaded, time_limit=5)

    check(loaded, result)
    assert result.value == 1


def test_travel_uses_the_shortest_route_through_a_third_venue():
    loaded = load_instance(
        _visit(
            slots=slots(3),
            venues=[{"id": "north"}, {"id": "south"}, {"id": "mid"}],
            travel=[
                {"from": "north", "to": "south", "minutes": 200},
                {"from": "north", "to": "mid", "minutes": 10},
                {"from": "mid", "to": "south", "minutes": 15},
            ],
        )
    )

    result = schedule(loaded, time_limit=5)

    check(loaded, result)
    assert result.value == 2  # 25 minutes via "mid": fits in the one slot between s0 and s2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"venues": [{"id": "north"}, {"id": "north"}]}, "venues[1].id"),
        ({"venues": [{"id": "north", "where": 1}]}, "venues[0].where"),
        ({"travel": [{"from": "north", "to": "east", "minutes": 5}]}, "travel[0].to"),
        ({"travel": [{"from": "north", "to": "north", "minutes": 5}]}, "travel[0].to"),
        ({"travel": [{"from": "north", "to": "south", "minutes": -5}]}, "travel[0].minutes"),
        ({"travel": [{"from": "north", "to": "south"}]}, "travel[0].minutes"),
        (
            {
                "travel": [
                    {"from": "north", "to": "south", "minutes": 5},
                    {"from": "south", "to": "north", "minutes": 6},
                ]
            },
            "travel[1]",
        ),
        ({"requests": [{"from": "m", "to": "x", "venue": "east"}]}, "requests[0].venue"),
        (
            {
                "participants": [
                    {"id": "m"},
                    {"id": "x1", "organisation": "X"},
                    {"id": "x2", "organisation": "X"},
                ],
                "requests": [
                    {"from": "m", "to": "x1", "venue": "north"},
                    {"from": "m", "to": "x2", "venue": "south"},
                ],
            },
            "requests[1].venue",
        ),
    ],
)
def test_bad_venues_and_travel_name_the_field(change, field):
    with pytest.raises(InstanceError) as error:
        load_instance(_visit(**change))
    assert error.value.where == field


def _tiny_visit(seed: int) -> dict:
    rng = random.Random(1000 + seed)
    people = [{"id": f"p{i}"} for i in range(4)]
    venues = ["v0", "v1", "v2"]
    chosen: dict[tuple[str, str], dict] = {}
    while len(chosen) < 4:
        a, b = rng.sample(range(4), 2)
        request = {"from": f"p{a}", "to": f"p{b}", "weight": rng.randint(1, 3)}
        if rng.random() < 0.85:
            request["venue"] = rng.choice(venues)
        chosen.setdefault((f"p{min(a, b)}", f"p{max(a, b)}"), request)
    travel = [
        {"from": x, "to": y, "minutes": rng.choice([0, 20, 40, 70])}
        for x, y in (("v0", "v1"), ("v1", "v2"), ("v0", "v2"))
        if rng.random() < 0.85
    ]
    return instance(
        slots=slots(4, day2=rng.choice([None, 2])),
        tables=["T1", "T2"][: rng.choice([1, 2])],
        participants=people,
        venues=[{"id": v} for v in venues],
        travel=travel,
        requests=list(chosen.values()),
        objective={"break_spread": rng.choice([None, 1])},
    )


@pytest.mark.parametrize("seed", range(20))
def test_tiny_visits_match_the_exhaustive_optimum_with_travel(seed):
    loaded = load_instance(_tiny_visit(seed))
    units = [u.members for u in build_units(loaded)]

    result = schedule(loaded, time_limit=5)

    check(loaded, result)  # travel checked independently (checker2.check_travel)
    value, fewest = brute_force(loaded, units)
    assert result.value == value
    assert result.breaks is not None
    assert result.breaks.total == fewest


@pytest.mark.slow
def test_a_forty_member_delegation_gets_every_meeting_without_a_travel_violation():
    from goglobal.engines.scheduling.visits import generate

    loaded = load_instance(generate(18))

    result = schedule(loaded, time_limit=9)

    check(loaded, result)  # travel by the independent checker
    assert len(result.meetings) == 120
    assert result.value == result.upper_bound


@pytest.mark.parametrize("seed", range(25))
def test_the_meetings_per_person_bound_never_cuts_below_the_optimum(seed):
    loaded = _tiny_or_skip(seed)
    units = [u.members for u in build_units(loaded)]

    value, _ = brute_force(loaded, units)

    assert count_bound(build_plan(loaded), 5)[0] >= value


def test_the_meetings_per_person_bound_counts_a_persons_slots_per_session():
    """a has one morning slot it can use: of its two morning-only meetings one fits; its
    afternoon meeting fits too; and c asks for a shared meeting with B (b1 and b2 together)."""
    data = instance(
        slots=slots(3, morning=1),
        participants=[{"id": "a"}, {"id": "b1", "organisation": "B"},
                      {"id": "b2", "organisation": "B"}, {"id": "c"}, {"id": "d"}],
        requests=[{"from": "a", "to": "c", "weight": 3, "session": "morning"},
                  {"from": "a", "to": "d", "weight": 2, "session": "morning"},
                  {"from": "a", "to": "b1", "weight": 1, "session": "afternoon"},
                  {"from": "c", "organisation": "B", "weight": 5}],
    )  # fmt: skip
    loaded = load_instance(data)

    assert count_bound(build_plan(loaded), 5)[0] == 3 + 1 + 5
    result = schedule(loaded, time_limit=5)
    check(loaded, result)
    assert result.value == result.upper_bound == 9


@pytest.mark.parametrize("seed", range(25))
def test_slots_given_to_the_chosen_meetings_keep_every_rule(seed):
    loaded = _tiny_or_skip(seed)
    plan = build_plan(loaded)
    bound, chosen = count_bound(plan, 5)

    slot_of = assign(plan, chosen, deadline=time.perf_counter() + 5)

    assert _valid(plan, slot_of)
    assert _value(plan, slot_of) <= bound


def _conference(participants: int) -> dict:
    """The format-1 generator's conference in format 2: sessions, a fifth of the requests to an
    organisation with two representatives or more."""
    base = generate(Conference(participants=participants, requests=10 * participants, slots=12))
    rng = random.Random(participants)
    organisation = {p.id: p.organisation for p in base.participants}
    sizes: dict[str, int] = {}
    for person in base.participants:
        sizes[person.organisation] = sizes.get(person.organisation, 0) + 1
    requests, asked = [], set()
    for r in base.requests:
        target = organisation[r.to_id]
        key = (r.from_id, target)
        if (
            sizes[target] > 1
            and key not in asked
            and organisation[r.from_id] != target
            and (rng.random() < 0.3)
        ):
            asked.add(key)
            requests.append({"from": r.from_id, "organisation": target, "weight": r.weight})
        else:
            requests.append({"from": r.from_id, "to": r.to_id, "weight": r.weight})
    half = len(base.slots) // 2
    return instance(
        slots=[{"id": s.id, "start": s.start.isoformat(), "end": s.end.isoformat(),
                "session": "morning" if i < half else "afternoon"}
               for i, s in enumerate(base.slots)],
        tables=list(base.tables),
        participants=[{"id": p.id, "organisation": p.organisation,
                       "available": sorted(p.available),
                       **({"max_meetings": p.max_meetings} if p.max_meetings else {})}
                      for p in base.participants],
        requests=requests,
    )  # fmt: skip


def test_a_conference_with_shared_meetings_gets_its_value_within_the_bound_quickly():
    loaded = load_instance(_conference(200))
    plan = build_plan(loaded)
    assert sum(len(plan.slot_list(u)) for u in range(len(plan.units))) > 8_000  # no MIP after

    result = schedule(loaded, time_limit=4)

    check(loaded, result)
    assert result.bound_method == COUNT_BOUND
    assert result.value >= 0.995 * result.upper_bound
    assert result.shared_meetings > 0


HARD_B2B = B2B.with_name("ticf-13crafb.original.dzn")


@pytest.mark.skipif(not HARD_B2B.exists(), reason="Bofill et al.'s instances are not next to it")
def test_the_sat_phase_ends_at_the_time_limit_on_an_instance_it_cannot_finish():
    """ticf-13crafb keeps the SAT solver busy for longer than 30 s; the solver, which cannot be
    interrupted, runs in a child process that is stopped at the deadline."""
    loaded = load_instance(read_b2b(HARD_B2B))

    began = time.perf_counter()
    result = schedule(loaded, time_limit=4)

    assert time.perf_counter() - began < 6
    check(loaded, result)
    assert len(result.meetings) == len(loaded.requests)


def test_the_independent_checker_refuses_each_broken_rule():
    """The checker the benches trust: a valid schedule passes, and moving one meeting into the
    wrong session, off its fixed slot, or splitting an organisation is refused."""
    import dataclasses

    data = instance(
        slots=slots(6, morning=3),
        requests=[
            {"from": "a", "to": "b1", "session": "afternoon"},
            {"from": "a", "to": "b2"},
            {"from": "c", "to": "a"},
        ],
        fixed=[{"participants": ["a", "c"], "slot": "s1"}],
    )
    loaded = load_instance(data)
    result = schedule(loaded, time_limit=5)
    check(loaded, result)
    shared = next(m for m in result.meetings if "b1" in m.participants)
    assert set(shared.participants) == {"a", "b1", "b2"}
    fixed = next(m for m in result.meetings if set(m.participants) == {"a", "c"})

    def broken(old, **changes):
        meetings = tuple(dataclasses.replace(m, **changes) if m == old else m
                         for m in result.meetings)  # fmt: skip
        return dataclasses.replace(result, meetings=meetings)

    with pytest.raises(AssertionError, match="wrong session"):
        check(loaded, broken(shared, slot="s0"))
    with pytest.raises(AssertionError, match="fixed meeting missing"):
        check(loaded, broken(fixed, slot="s5"))
    alone = dataclasses.replace(shared, participants=("a", "b1"))
    later = dataclasses.replace(shared, participants=("a", "b2"), slot="s5", table="T2")
    split = (alone, later)
    rest = tuple(m for m in result.meetings if m != shared)
    with pytest.raises(AssertionError, match="separately"):
        check(loaded, dataclasses.replace(result, meetings=rest + split))
