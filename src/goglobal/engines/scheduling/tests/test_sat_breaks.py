"""The SAT breaks phase against the exhaustive solver, one rule at a time, on tiny instances."""

from __future__ import annotations

import itertools
import time

import pytest

from goglobal.engines.scheduling import breaks as gaps
from goglobal.engines.scheduling import load_instance
from goglobal.engines.scheduling.engine2 import _seat, _valid
from goglobal.engines.scheduling.model import Result
from goglobal.engines.scheduling.sat_breaks import minimise_breaks, start_search
from goglobal.engines.scheduling.tests.checker2 import _fake, _rules_only, brute_force
from goglobal.engines.scheduling.tests.test_format2 import instance, slots
from goglobal.engines.scheduling.units import build_plan, build_units

PEOPLE = [{"id": x} for x in "abcde"]
# a and c meet twice each: with five slots someone waits unless the four are laid out well
FOUR_REQUESTS = [
    {"from": "a", "to": "b"},
    {"from": "a", "to": "c"},
    {"from": "c", "to": "d"},
    {"from": "b", "to": "e"},
]


def _worst_start(plan):
    """The valid schedule of every meeting with the most breaks (the spread bound aside).

    Starting there, rather than from the value phase (which already finds no break on some of
    these instances), makes every case a search the SAT phase can get wrong.
    """
    worst, most = None, -1
    for choice in itertools.product(*(plan.slot_list(u) for u in range(len(plan.units)))):
        if not _valid(plan, choice):
            continue
        total = gaps.report(plan, choice).total
        if total > most:
            worst, most = choice, total
    assert worst is not None, "every meeting fits in these instances"
    return worst


def _solve(data):
    loaded = load_instance(data)
    plan = build_plan(loaded)
    start = _worst_start(plan)
    outcome = minimise_breaks(plan, start, time.perf_counter() + 10)
    assert _valid(plan, outcome.slot_of)
    meetings = _seat(loaded, plan, outcome.slot_of)
    _rules_only(loaded, Result(meetings, 0, 10**9, "feasible", 0.0, ()))
    assert outcome.total == gaps.report(plan, outcome.slot_of).total
    assert outcome.total == _fake(loaded, meetings).total
    units = [u.members for u in build_units(loaded)]
    value, fewest = brute_force(loaded, units)
    assert value == sum(plan.values), "the exhaustive optimum holds every meeting"
    assert gaps.report(plan, start).total > fewest, "the start leaves something to improve"
    return outcome, fewest


CASES = {
    # afternoon-only meeting: without the session rule c would meet a in slot 2, no break
    "session": {
        "slots": slots(4, morning=2),
        "requests": [
            {"from": "a", "to": "b"},
            {"from": "a", "to": "c", "session": "afternoon"},
            {"from": "a", "to": "d", "session": "morning"},
        ],
    },
    # d is away in slot 1, so a's meetings cannot sit in three consecutive slots around it
    "forbidden slot": {
        "slots": slots(5),
        "participants": [
            {"id": "a"},
            {"id": "b"},
            {"id": "c", "available": ["s0", "s2", "s4"]},
            {"id": "d"},
        ],
        "requests": [
            {"from": "a", "to": "b"},
            {"from": "a", "to": "c"},
            {"from": "c", "to": "d"},
        ],
    },
    # one table: the four meetings need four slots in a row for both a and e
    "table count": {
        "slots": slots(6),
        "tables": ["T1"],
        "requests": [
            {"from": "a", "to": "b"},
            {"from": "a", "to": "c"},
            {"from": "d", "to": "e"},
            {"from": "c", "to": "e"},
        ],
    },
    # b must meet a before c does: the order forces a gap for somebody
    "precedence": {
        "slots": slots(5),
        "requests": [
            {"from": "a", "to": "b"},
            {"from": "a", "to": "c"},
            {"from": "c", "to": "d"},
            {"from": "b", "to": "d"},
        ],
        "precedences": [{"before": ["c", "d"], "after": ["a", "b"]}],
    },
    # b1 and b2 meet a together: one meeting that counts for both of them
    "shared meeting": {
        "slots": slots(5),
        "participants": [
            {"id": "a"},
            {"id": "b1", "organisation": "B"},
            {"id": "b2", "organisation": "B"},
            {"id": "c"},
        ],
        "requests": [
            {"from": "a", "to": "b1"},
            {"from": "a", "to": "b2"},
            {"from": "b1", "to": "c"},
            {"from": "c", "to": "a"},
        ],
    },
}


@pytest.mark.parametrize("rule", sorted(CASES))
def test_the_sat_phase_reaches_the_exhaustive_minimum(rule):
    data = instance(participants=PEOPLE, tables=["T1", "T2"], objective={"break_spread": None})
    data.update(CASES[rule])

    outcome, fewest = _solve(data)

    assert outcome.total == fewest
    assert outcome.proven


@pytest.mark.parametrize("spread", [0, 1])
def test_the_sat_phase_keeps_the_spread_bound(spread):
    data = instance(
        participants=PEOPLE,
        tables=["T1", "T2"],
        slots=slots(5),
        requests=FOUR_REQUESTS,
        objective={"break_spread": spread},
    )

    outcome, fewest = _solve(data)

    assert outcome.total == fewest
    loaded = load_instance(data)
    plan = build_plan(loaded)
    assert gaps.report(plan, outcome.slot_of).spread <= spread


def test_from_a_start_over_the_spread_bound_the_sat_phase_returns_a_fair_schedule():
    """The worst start is unfair (spread 2 over a bound of 0); only fair schedules may come
    back, so the first one within the cap is taken before the total is lowered."""
    data = instance(
        participants=PEOPLE,
        tables=["T1", "T2"],
        slots=slots(5),
        requests=FOUR_REQUESTS,
        objective={"break_spread": 0},
    )
    loaded = load_instance(data)
    plan = build_plan(loaded)
    start = _worst_start(plan)
    assert gaps.report(plan, start).spread > 0

    def fair(slot_of):
        return gaps.report(plan, slot_of).spread == 0

    outcome = minimise_breaks(plan, start, time.perf_counter() + 10, fair)

    assert outcome.improved
    assert _valid(plan, outcome.slot_of)
    assert fair(outcome.slot_of)
    assert outcome.total == brute_force(loaded, [u.members for u in build_units(loaded)])[1]


def test_a_schedule_the_caller_does_not_accept_is_never_returned():
    data = instance(participants=PEOPLE, tables=["T1", "T2"], objective={"break_spread": None})
    data.update(CASES["forbidden slot"])
    plan = build_plan(load_instance(data))
    start = _worst_start(plan)

    outcome = minimise_breaks(plan, start, time.perf_counter() + 10, lambda slot_of: False)

    assert outcome.slot_of == start
    assert not outcome.improved
    assert outcome.total == gaps.report(plan, start).total > 0


def test_a_search_started_beside_another_tightens_on_the_others_best():
    """The breaks phase runs a second search from the annealing's schedule while the first
    goes on; each lowers its bound to the best total either has found. A second search told
    of the proven fewest has nothing left to find: it refutes one below at once."""
    data = instance(participants=PEOPLE, tables=["T1", "T2"], objective={"break_spread": None})
    data.update(CASES["forbidden slot"])
    loaded = load_instance(data)
    plan = build_plan(loaded)
    start = _worst_start(plan)
    fewest = brute_force(loaded, [u.members for u in build_units(loaded)])[1]

    first = start_search(plan, start)
    outcome = first.finish(time.perf_counter() + 10)
    assert outcome.total == fewest
    assert outcome.proven
    assert first.settled()

    second = start_search(plan, start, rival=first)
    told = second.finish(time.perf_counter() + 10)

    assert not told.improved, "it looked only for schedules better than the first's best"
    assert told.slot_of == start
    assert second.proven_at == fewest
    alone = start_search(plan, start).finish(time.perf_counter() + 10)
    assert alone.improved
    assert alone.total == fewest
