"""Format 2: value first (at least 99.9 % of the bound is kept), then the fewest breaks.

1. Value: when every meeting is a pair (no shared meetings, no precedences, no pair asked twice)
   the format-1 machinery runs on the units with their slot masks (sessions, programme) and
   reports its exact bound. Otherwise a MIP that ignores time (``mip.count_bound``) chooses the
   meetings and bounds the value; without precedences or travel, ``assign`` gives the chosen
   meetings slots (enough on large plans); on plans up to ``VALUE_MIP_COLUMNS`` and wherever
   precedences or travel apply, a HiGHS MIP on the units follows (warm-started), and the lower
   of the two bounds is reported.
2. Breaks: simulated annealing on the slots of the scheduled meetings (``polish``), then, up
   to ``sat_breaks.SAT_COLUMNS`` meeting-slot variables, an exact SAT re-timing of the same
   meetings started from the annealed schedule (fewest breaks, spread kept; proven when it
   finishes); on small plans a MIP then keeps the value at least ``min(value, ceil(0.999 x
   bound))`` and the spread within ``objective.break_spread`` and may leave a meeting out where
   that saves breaks.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import time
from collections.abc import Iterable

from goglobal.engines.scheduling import breaks as gaps
from goglobal.engines.scheduling import mip, sat_breaks
from goglobal.engines.scheduling.assign import assign
from goglobal.engines.scheduling.bound import Columns as PairColumns
from goglobal.engines.scheduling.model import Breaks, Instance, Meeting, Result, Unscheduled
from goglobal.engines.scheduling.polish import polish
from goglobal.engines.scheduling.problem import Problem
from goglobal.engines.scheduling.replan import changes
from goglobal.engines.scheduling.travel import unit_venue
from goglobal.engines.scheduling.units import Plan, build_plan, find_unit

COUNT_BOUND = "meetings-per-person MIP bound"  # mip.count_bound: when meetings take place aside
KEEP_VALUE = 0.999  # the breaks phase keeps at least this share of the bound
BREAK_MIP_COLUMNS = 2_000  # the breaks MIP's relaxation is weak: small plans only
VALUE_MIP_COLUMNS = 8_000  # the pair machinery is followed by an exact MIP up to this size
POLISH_MOVES = 3_000_000  # at most; 12,000 per meeting below that
ANNEAL_SHARE = 0.9  # of the breaks phase's time at most; the SAT phase and the MIP share the rest
EARLY_SHARE = 0.3  # the first annealing, whose schedule the SAT solver starts from


def schedule_v2(
    instance: Instance, *, time_limit: float, previous: Iterable[Meeting] | None = None
) -> Result:
    started = time.perf_counter()
    deadline = started + time_limit
    earlier = tuple(previous) if previous is not None else None
    if earlier is not None:
        instance = dataclasses.replace(instance, fixed=instance.fixed + _kept(instance, earlier))
    plan = build_plan(instance)
    slot_of, upper, method, proven = _value_phase(plan, deadline, time_limit)
    value = _value(plan, slot_of)
    before = gaps.report(plan, slot_of)
    over = plan.spread is not None and before.spread > plan.spread
    if plan.minimise_breaks and (before.total or over):
        slot_of = _fewer_breaks(plan, slot_of, min(value, math.ceil(KEEP_VALUE * upper)), deadline)
    value = _value(plan, slot_of)
    report = gaps.report(plan, slot_of, value_only=before.total)
    meetings = _seat(instance, plan, slot_of)
    return Result(
        meetings=meetings,
        value=value,
        upper_bound=max(upper, value),
        status="optimal" if proven and value >= upper else "feasible",
        seconds=round(time.perf_counter() - started, 3),
        unscheduled=_unscheduled(plan, slot_of),
        changes=changes(earlier, meetings) if earlier is not None else None,
        bound_method=method,
        version=2,
        breaks=report,
        shared_meetings=sum(1 for m in meetings if len(m.participants) > 2),
    )


def _fewer_breaks(
    plan: Plan, slot_of: tuple[int, ...], floor: int, deadline: float
) -> tuple[int, ...]:
    """The breaks phase: annealing and the exact SAT re-timing side by side, then (small plans)
    the MIP.

    Where the SAT model is small enough, a first, short annealing (``EARLY_SHARE`` of the time)
    gives the SAT solver its start; it searches in a child process on the other core while the
    annealing goes on from the same schedule (up to ``ANNEAL_SHARE``). When that ends with fewer
    breaks than the solver has found, a second SAT search starts from it, and the two share
    their best total. Each start leads the solver to other schedules: runs from one start
    varied by several breaks on the hardest B2B instances (docs/benchmarks.md).
    """
    remaining = deadline - time.perf_counter()
    exact = sat_breaks.columns(plan, slot_of) <= sat_breaks.SAT_COLUMNS
    moves = min(POLISH_MOVES, 12_000 * len(plan.units))
    cut = deadline - (1 - ANNEAL_SHARE) * remaining
    columns = sum(len(plan.slot_list(u)) for u in range(len(plan.units)))
    # The MIP may also choose other meetings of the same value, or leave one out (down to
    # ``floor``), where that saves breaks; the SAT phase keeps the chosen meetings.
    trade = columns <= BREAK_MIP_COLUMNS
    if exact:
        early = deadline - (1 - EARLY_SHARE) * remaining
        slot_of = _polished(plan, slot_of, moves, early)
        if not gaps.report(plan, slot_of).total:
            return slot_of
        until = deadline - (0.5 if trade else 0.05) * remaining
        slot_of = _anneal_beside_sat(plan, slot_of, moves, cut, until)
        if not trade:
            return slot_of
    else:
        slot_of = _polished(plan, slot_of, moves, cut)
    remaining = deadline - time.perf_counter()
    if trade and gaps.report(plan, slot_of).total and remaining > 0.2:
        found = mip.minimise_breaks(plan, floor, 0.95 * remaining, slot_of)
        if found.found and _valid(plan, found.slot_of):
            slot_of = found.slot_of
    return slot_of


def _polished(plan: Plan, slot_of: tuple[int, ...], moves: int, deadline: float) -> tuple[int, ...]:
    polished = polish(plan, slot_of, moves=moves, deadline=deadline)
    return polished if _valid(plan, polished) else slot_of


def _anneal_beside_sat(
    plan: Plan, slot_of: tuple[int, ...], moves: int, cut: float, until: float
) -> tuple[int, ...]:
    """A SAT search from ``slot_of`` while the annealing goes on (to ``cut``); a second search
    from the annealing's schedule when it has fewer breaks; the best of all by ``until``."""
    if until - time.perf_counter() <= 0.2:
        return slot_of
    fair = functools.partial(_fair, plan)
    first = sat_breaks.start_search(plan, slot_of, fair)
    annealed = polish(plan, slot_of, moves=moves, deadline=cut, seed=1, stop=first.settled)
    if first.settled():
        outcome = first.finish(until)
        return outcome.slot_of if outcome.improved and _valid(plan, outcome.slot_of) else slot_of
    searches = [first]
    best, best_total = slot_of, gaps.report(plan, slot_of).total
    if _valid(plan, annealed) and fair(annealed):
        total = gaps.report(plan, annealed).total
        if total < best_total:
            best, best_total = annealed, total
        known = first.best_total
        if total and time.perf_counter() < until - 0.2 and (known is None or total < known):
            searches.append(sat_breaks.start_search(plan, annealed, fair, rival=first))
    for search in searches:
        outcome = search.finish(until)
        if outcome.improved and outcome.total < best_total and _valid(plan, outcome.slot_of):
            best, best_total = outcome.slot_of, outcome.total
    return best


def _fair(plan: Plan, slot_of: tuple[int, ...]) -> bool:
    """Within the spread bound (most minus fewest breaks), when there is one."""
    return plan.spread is None or gaps.report(plan, slot_of).spread <= plan.spread


def _value(plan: Plan, slot_of: tuple[int, ...] | list[int]) -> int:
    return sum(plan.values[u] for u, t in enumerate(slot_of) if t >= 0)


def _pairs_only(plan: Plan) -> bool:
    sets = [plan.units[u].members for u in range(len(plan.units))]
    return (
        not plan.order
        and not plan.too_close
        and all(len(m) == 2 for m in sets)
        and len(set(sets)) == len(sets)
    )


def _value_phase(
    plan: Plan, deadline: float, time_limit: float
) -> tuple[tuple[int, ...], int, str, bool]:
    """Slot per unit, the bound, how it was found, whether the value is proven optimal."""
    if _pairs_only(plan):
        slot_of, bound, method, proven = _value_by_pairs(plan, deadline, time_limit)
        columns = sum(len(plan.slot_list(u)) for u in range(len(plan.units)))
        if proven or _value(plan, slot_of) >= bound or columns > VALUE_MIP_COLUMNS:
            return slot_of, bound, method, proven
        seconds = 0.4 * (deadline - time.perf_counter())
        outcome = mip.maximise_value(plan, seconds, start=slot_of)
        if outcome.found and _valid(plan, outcome.slot_of):
            if _value(plan, outcome.slot_of) > _value(plan, slot_of):
                slot_of = outcome.slot_of
            if outcome.proven:
                return slot_of, min(bound, _value(plan, slot_of)), method, True
        return slot_of, bound, method, False
    return _value_by_units(plan, deadline, time_limit)


def _value_by_units(
    plan: Plan, deadline: float, time_limit: float
) -> tuple[tuple[int, ...], int, str, bool]:
    """Shared meetings or precedences: the meetings chosen with time left out, given slots, and
    on small plans (or with precedences or travel) the time-indexed MIP (see the module)."""
    counted, chosen = mip.count_bound(plan, min(5.0, 0.1 * time_limit))
    start: tuple[int, ...] | None = None
    if not plan.order and not plan.too_close:
        start = assign(plan, chosen, deadline)
        columns = sum(len(plan.slot_list(u)) for u in range(len(plan.units)))
        reached = _value(plan, start) >= counted
        if not _valid(plan, start):  # pragma: no cover - a guard; assign keeps every rule
            start = None
        elif reached or columns > VALUE_MIP_COLUMNS:
            return start, counted, COUNT_BOUND, reached
    outcome = mip.maximise_value(plan, 0.5 * time_limit, start=start)
    total = sum(plan.values)
    if not outcome.found or not _valid(plan, outcome.slot_of):
        if start is not None:
            return start, counted, COUNT_BOUND, False
        empty = [-1] * len(plan.units)
        for u, t, _ in plan.pinned:
            empty[u] = t
        if counted < total:
            return tuple(empty), counted, COUNT_BOUND, False
        return tuple(empty), total, "sum of values", False
    slot_of = outcome.slot_of
    if start is not None and _value(plan, start) > _value(plan, slot_of):
        slot_of = start
    bound = min(total, mip.floor_value(outcome.bound))
    if counted < bound:
        return slot_of, counted, COUNT_BOUND, outcome.proven or _value(plan, slot_of) >= counted
    return slot_of, bound, "time-indexed MIP dual bound", outcome.proven


def _value_by_pairs(
    plan: Plan, deadline: float, time_limit: float
) -> tuple[tuple[int, ...], int, str, bool]:
    from goglobal.engines.scheduling.engine import _bound, _search

    pinned = {u: t for u, t, _ in plan.pinned}
    busy = [0] * len(plan.people)
    tables = list(plan.tables)
    caps = list(plan.capacity)
    pinned_value = 0
    for u, t in pinned.items():
        pinned_value += plan.values[u]
        tables[t] -= 1
        for p in plan.members[u]:
            busy[p] |= 1 << t
            caps[p] -= 1
    open_slots = sum(1 << t for t, n in enumerate(tables) if n > 0)
    counts = [bin(~mask & ((1 << len(plan.slots)) - 1) & open_slots).count("1") for mask in busy]
    capacity = tuple(max(0, min(c, n)) for c, n in zip(caps, counts, strict=True))
    index, ends, values, allowed, pairs = [], [], [], [], []
    for u in sorted(range(len(plan.units)), key=lambda u: plan.units[u].members):
        if u in pinned:
            continue
        a, b = plan.members[u]
        mask = plan.allowed[u] & ~busy[a] & ~busy[b] & open_slots
        if mask and capacity[a] and capacity[b]:
            index.append(u)
            ends.append((a, b))
            values.append(plan.values[u])
            allowed.append(mask)
            members = plan.units[u].members
            pairs.append((members[0], members[1]))
    problem = Problem(
        plan.people,
        plan.slots,
        tuple(pairs),
        tuple(ends),
        tuple(values),
        tuple(allowed),
        capacity,
        tuple(tables),
        pinned_value,
    )
    columns = PairColumns.of(problem)
    budget = max(0.1, 0.5 * (deadline - time.perf_counter()))
    bound = _bound(problem, columns, budget)
    state, proven = _search(problem, columns, bound, time.perf_counter() + budget)
    slot_of = [-1] * len(plan.units)
    for u, t in pinned.items():
        slot_of[u] = t
    for pair, t in enumerate(state.slot_of):
        if t >= 0:
            slot_of[index[pair]] = t
    return tuple(slot_of), pinned_value + bound.value, bound.method, proven


def _valid(plan: Plan, slot_of: tuple[int, ...]) -> bool:
    """Guard against a solver tolerance slip: every rule, checked on integers."""
    person_slot: set[tuple[int, int]] = set()
    per_slot = [0] * len(plan.slots)
    count = [0] * len(plan.people)
    for u, t in enumerate(slot_of):
        if t < 0:
            continue
        if not plan.allowed[u] >> t & 1:
            return False
        per_slot[t] += 1
        for p in plan.members[u]:
            if (p, t) in person_slot:
                return False
            person_slot.add((p, t))
            count[p] += 1
    if any(n > cap for n, cap in zip(per_slot, plan.tables, strict=True)):
        return False
    if any(n > cap for n, cap in zip(count, plan.capacity, strict=True)):
        return False
    if any(slot_of[u] < 0 for u, _, _ in plan.pinned):
        return False
    if any(slot_of[a] == ta and slot_of[b] == tb for a, ta, b, tb in plan.too_close):
        return False
    return all(
        slot_of[after] < 0 or 0 <= slot_of[before] < slot_of[after] for before, after in plan.order
    )


def _seat(instance: Instance, plan: Plan, slot_of: tuple[int, ...]) -> tuple[Meeting, ...]:
    taken: dict[int, set[str]] = {}
    pinned_table = {u: table for u, _, table in plan.pinned if table}
    for u, table in pinned_table.items():
        taken.setdefault(slot_of[u], set()).add(table)
    venue = [unit_venue(instance, unit) for unit in plan.units]
    meetings = []
    by_slot: dict[int, list[int]] = {}
    for u, t in enumerate(slot_of):
        if t < 0:
            continue
        if u in pinned_table:
            meetings.append(
                Meeting(plan.units[u].members, plan.slots[t], pinned_table[u], venue[u])
            )
        else:
            by_slot.setdefault(t, []).append(u)
    for t, units in by_slot.items():
        used = taken.get(t, set())
        free = (table for table in instance.tables if table not in used)
        ordered = sorted(units, key=lambda u: (plan.units[u].members, u))
        for u, table in zip(ordered, free, strict=False):
            meetings.append(Meeting(plan.units[u].members, plan.slots[t], table, venue[u]))
    slot_order = {s: i for i, s in enumerate(plan.slots)}
    table_order = {table: i for i, table in enumerate(instance.tables)}
    return tuple(
        sorted(meetings, key=lambda m: (slot_order[m.slot], table_order[m.table], m.participants))
    )


def _unscheduled(plan: Plan, slot_of: tuple[int, ...]) -> tuple[Unscheduled, ...]:
    busy = gaps.busy_masks(plan, slot_of)
    count = [0] * len(plan.people)
    per_slot = [0] * len(plan.slots)
    for u, t in enumerate(slot_of):
        if t >= 0:
            per_slot[t] += 1
            for p in plan.members[u]:
                count[p] += 1
    out = []
    for u, t in enumerate(slot_of):
        if t >= 0 or not plan.units[u].requests:
            continue
        members = plan.members[u]
        if not plan.allowed[u]:
            reason = "no_common_slot"
        elif any(count[p] >= plan.capacity[p] for p in members):
            reason = "cap_reached"
        elif all(
            any(busy[p] >> s & 1 for p in members) or per_slot[s] >= plan.tables[s]
            for s in plan.slot_list(u)
        ):
            reason = "slots_taken"
        elif any(after == u for _, after in plan.order):
            reason = "order"
        else:
            reason = "fewer_breaks"
        out.append(Unscheduled(plan.units[u].members, reason))
    return tuple(sorted(out, key=lambda x: x.participants))


def _kept(instance: Instance, previous: tuple[Meeting, ...]) -> tuple[Meeting, ...]:
    """Earlier meetings that stay in their slot and at their table (see the format's docs)."""
    plan = build_plan(instance)
    slot_index = {s: t for t, s in enumerate(plan.slots)}
    person = {p: i for i, p in enumerate(plan.people)}
    busy: set[tuple[int, int]] = set()
    used: set[tuple[str, int]] = set()
    done: set[int] = set()
    count = [0] * len(plan.people)
    for u, t, table in plan.pinned:
        done.add(u)
        for p in plan.members[u]:
            busy.add((p, t))
            count[p] += 1
        if table:
            used.add((table, t))
    kept = []
    ordered = sorted(
        set(previous),
        key=lambda m: (-_value_of(plan, m), m.participants, m.slot),
    )
    for meeting in ordered:
        u = find_unit(plan.units, meeting.participants, exact=True)
        t = slot_index.get(meeting.slot, -1)
        if u < 0 or u in done or t < 0 or not plan.units[u].requests:
            continue
        if meeting.table not in instance.tables or (meeting.table, t) in used:
            continue
        if not plan.allowed[u] >> t & 1:
            continue
        members = [person[p] for p in meeting.participants]
        if any((p, t) in busy or count[p] >= plan.capacity[p] for p in members):
            continue
        kept.append(meeting)
        done.add(u)
        used.add((meeting.table, t))
        for p in members:
            busy.add((p, t))
            count[p] += 1
    return tuple(kept)


def _value_of(plan: Plan, meeting: Meeting) -> int:
    u = find_unit(plan.units, meeting.participants, exact=True)
    return plan.values[u] if u >= 0 else 0


def breaks_of(instance: Instance, meetings: Iterable[Meeting]) -> Breaks:
    """The breaks report of any schedule of ``instance`` (e.g. after a manual edit)."""
    plan = build_plan(instance)
    slot_index = {s: t for t, s in enumerate(plan.slots)}
    slot_of = [-1] * len(plan.units)
    for meeting in meetings:
        unit = find_unit(plan.units, meeting.participants, exact=True)
        if unit >= 0 and meeting.slot in slot_index:
            slot_of[unit] = slot_index[meeting.slot]
    return gaps.report(plan, slot_of)
