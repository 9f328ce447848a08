from __future__ import annotations

import pytest

from goglobal.engines.scheduling import Instance, Meeting, schedule
from goglobal.engines.scheduling.generator import Conference, generate
from goglobal.engines.scheduling.output import dump_result
from goglobal.engines.scheduling.tests.checker import brute_force, check
from goglobal.engines.scheduling.tests.factories import tiny, with_fixed


@pytest.mark.parametrize("seed", range(60))
def test_tiny_instances_are_solved_optimally_with_a_valid_bound(seed):
    instance = tiny(seed)

    result = schedule(instance, time_limit=5)

    check(instance, result)
    best = brute_force(instance)
    assert result.value == best
    assert result.upper_bound >= best
    assert result.status == "optimal"


@pytest.mark.parametrize("seed", range(10))
def test_larger_small_instances_respect_every_rule(seed):
    instance = tiny(seed, people=12, slot_count=5, requests=30)

    result = schedule(instance, time_limit=5)

    check(instance, result)


def test_generated_conference_respects_every_rule_and_gets_close_to_the_bound():
    instance = generate(Conference(participants=120, requests=1000, slots=8, seed=3))

    result = schedule(instance, time_limit=10)

    check(instance, result)
    assert result.value >= 0.99 * result.upper_bound


def test_fixed_meetings_appear_exactly_as_given():
    base = tiny(7, people=6, slot_count=3, requests=8)
    first = base.requests[0]
    slot = sorted(
        next(p for p in base.participants if p.id == first.from_id).available
        & next(p for p in base.participants if p.id == first.to_id).available
    )[0]
    pair = tuple(sorted((first.from_id, first.to_id)))
    instance = with_fixed(base, (Meeting((pair[0], pair[1]), slot, base.tables[-1]),))

    result = schedule(instance, time_limit=5)

    check(instance, result)
    assert Meeting((pair[0], pair[1]), slot, base.tables[-1]) in result.meetings
    assert result.value == brute_force(instance)


def test_same_input_gives_the_same_schedule():
    instance = generate(Conference(participants=150, requests=1200, slots=10, seed=5))

    first = schedule(instance, time_limit=30)
    second = schedule(instance, time_limit=30)

    assert first.meetings == second.meetings
    assert first.unscheduled == second.unscheduled
    assert first.upper_bound == second.upper_bound


def test_an_instance_without_requests_gives_an_empty_optimal_schedule():
    instance = tiny(1)
    empty = Instance(instance.slots, instance.tables, instance.participants, ())

    result = schedule(empty)

    assert result.meetings == ()
    assert result.value == result.upper_bound == 0
    assert result.status == "optimal"
    assert '"meetings": []' in dump_result(result)


def test_without_tables_nothing_is_scheduled_and_every_pair_is_explained():
    instance = tiny(2)
    no_tables = Instance(instance.slots, (), instance.participants, instance.requests)

    result = schedule(no_tables)

    check(no_tables, result)
    assert result.meetings == ()
    assert result.upper_bound == 0


@pytest.mark.slow
def test_the_400_participant_target_is_met():
    instance = generate(Conference(participants=400, requests=4000, slots=16, seed=1))

    result = schedule(instance, time_limit=5)

    check(instance, result)
    assert result.value >= 0.999 * result.upper_bound
    assert result.seconds <= 5
