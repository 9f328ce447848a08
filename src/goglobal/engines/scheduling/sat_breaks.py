"""Fewest breaks by SAT: the scheduled meetings stay, their slots are re-chosen exactly.

Once the value phase has chosen the meetings to hold, this re-times them to minimise the breaks
as ``breaks`` counts them (an idle run between two meetings of a participant on one day,
programme slots skipped, unavailable slots idle). The model, in propositional logic:

- ``x[u, t]``: meeting ``u`` is in slot ``t``, for the slots it allows (its session, every
  member's availability and programme, its fixed slot); exactly one per meeting;
- ``busy[p, t]``, equal to the OR of the meetings of ``p`` in ``t``, with at most one of them
  (a shared meeting counts for every member);
- at most the slot's tables per slot (tables are interchangeable in the plan: fixed tables are
  taken out of the count and seated first, see ``engine2._seat``);
- precedences (``before`` in an earlier slot) and travel (two meetings a member cannot travel
  between are never in that pair of slots);
- ``seen[p, i]``: ``p`` has a meeting at or before position ``i`` of a day, and
  ``brk[p, i] >= busy[i] and not busy[i-1] and seen[i-2]`` (a break starts at ``i``);
- each participant's breaks at most ``fewest + spread`` (the fairness bound, see ``limit``);
- the total of ``brk`` at most ``B - 1`` by an incremental totalizer, ``B`` the best known.

CaDiCaL searches from the given schedule (its phases), each better schedule tightens the bound,
and UNSAT proves the last one optimal (under the per-participant limit). The solver runs in a
forked child process, stopped at the deadline; the best schedule found so far is returned.
``start_search`` returns while it runs, so the caller can anneal beside it; a second search
started with ``rival`` shares the best total with the first (a shared integer each reads
before every solve).
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from pysat.card import CardEnc, EncType, ITotalizer
from pysat.formula import IDPool
from pysat.solvers import Solver

from goglobal.engines.scheduling.breaks import per_person
from goglobal.engines.scheduling.units import Plan

SAT_COLUMNS = 12_000  # meeting-slot variables; larger plans keep the annealed schedule
SOLVER = "cadical195"  # far stronger here than Glucose (docs/benchmarks.md); runs in a child
# A forked child inherits the model without pickling it; the platform runs on Linux.
_CONTEXT = multiprocessing.get_context("fork")


@dataclass(frozen=True, slots=True)
class SatOutcome:
    slot_of: tuple[int, ...]  # the best schedule found (the start when nothing better)
    total: int  # its breaks
    improved: bool
    proven: bool  # no schedule of these meetings has fewer breaks within the limit
    limit: int | None  # the per-participant bound used (None: none)


def columns(plan: Plan, slot_of: Sequence[int]) -> int:
    return sum(len(plan.slot_list(u)) for u, t in enumerate(slot_of) if t >= 0)


def limit(plan: Plan, counts: Sequence[int], active: Sequence[bool]) -> int | None:
    """Per-participant cap that keeps the spread bound.

    With somebody at 0 breaks in the start, ``spread`` itself: then every schedule within the
    cap has spread at most ``spread``. Otherwise ``fewest + spread``, and the caller checks the
    spread of what comes back (someone's breaks may fall below the start's fewest).
    """
    if plan.spread is None:
        return None
    fewest = min((c for c, a in zip(counts, active, strict=True) if a), default=0)
    return fewest + plan.spread


class _Model:
    def __init__(self, plan: Plan, slot_of: Sequence[int], cap: int | None) -> None:
        self.plan = plan
        self.pool = IDPool()
        self.clauses: list[list[int]] = []
        self.units = [u for u, t in enumerate(slot_of) if t >= 0]
        self.x: dict[tuple[int, int], int] = {}
        self.busy: dict[tuple[int, int], int] = {}
        self.breaks: list[int] = []
        self.breaks_of: dict[int, list[int]] = {}
        self.cap = cap
        self._meetings()
        self._people()
        self._tables()
        self._order()
        if cap is not None:
            for lits in self.breaks_of.values():
                if len(lits) > cap:
                    self._atmost(lits, cap)

    def var(self, *key: object) -> int:
        return int(self.pool.id(key))

    def _atmost(self, lits: list[int], bound: int, encoding: int = EncType.seqcounter) -> None:
        if len(lits) <= bound:
            return
        if bound == 0:
            self.clauses.extend([-v] for v in lits)
            return
        if bound == 1 and len(lits) <= 5:
            encoding = EncType.pairwise
        cnf = CardEnc.atmost(lits, bound, vpool=self.pool, encoding=encoding)
        self.clauses.extend(cnf.clauses)

    def _meetings(self) -> None:
        for u in self.units:
            lits = [self.var("x", u, t) for t in self.plan.slot_list(u)]
            for t, v in zip(self.plan.slot_list(u), lits, strict=True):
                self.x[(u, t)] = v
            self.clauses.append(lits)
            self._atmost(lits, 1)

    def _people(self) -> None:
        plan = self.plan
        at: dict[tuple[int, int], list[int]] = {}
        for (u, t), v in self.x.items():
            for p in plan.members[u]:
                at.setdefault((p, t), []).append(v)
        for (p, t), lits in at.items():
            b = self.var("busy", p, t)
            self.busy[(p, t)] = b
            self.clauses.append([-b, *lits])
            self.clauses.extend([-v, b] for v in lits)
            self._atmost(lits, 1)
        meetings_of = self._implied()
        for p in range(len(plan.people)):
            days = [d for d in plan.sequences[p] if any((p, t) in self.busy for t in d)]
            if len(days) == 1 and meetings_of[p] > 0:
                self._runs(p, days[0])
                continue
            for day in plan.sequences[p]:
                self._day(p, day)

    def _implied(self) -> list[int]:
        """Implied: each participant is busy in as many slots as they have meetings, and a slot
        holds at most its tables' worth of participants. Returns the meetings per participant."""
        plan = self.plan
        meetings_of = [0] * len(plan.people)
        widest = [0] * len(plan.slots)
        for u in self.units:
            for p in plan.members[u]:
                meetings_of[p] += 1
        for u, t in self.x:
            widest[t] = max(widest[t], len(plan.members[u]))
        mine: dict[int, list[int]] = {}
        per_slot: dict[int, list[int]] = {}
        for (p, t), b in self.busy.items():
            mine.setdefault(p, []).append(b)
            per_slot.setdefault(t, []).append(b)
        for p, lits in mine.items():
            if 0 < meetings_of[p] < len(lits):
                cnf = CardEnc.equals(
                    lits, meetings_of[p], vpool=self.pool, encoding=EncType.seqcounter
                )
                self.clauses.extend(cnf.clauses)
        for t, lits in per_slot.items():
            self._atmost(lits, plan.tables[t] * widest[t], EncType.seqcounter)
        return meetings_of

    def _runs(self, p: int, day: tuple[int, ...]) -> None:
        """One day holding all of ``p``'s meetings: breaks are the runs of meetings less one."""
        busy = [self.busy.get((p, t), 0) for t in day]
        starts = []
        for i, b in enumerate(busy):
            if not b:
                continue
            r = self.var("run", p, day[i])
            clause = [-b, r]
            if i and busy[i - 1]:
                clause.append(busy[i - 1])
            self.clauses.append(clause)
            starts.append(r)
        if len(starts) < 2:
            return
        ubound = len(starts) - 1 if self.cap is None else min(len(starts) - 1, self.cap + 1)
        counter = ITotalizer(lits=starts, ubound=ubound, top_id=self.pool.top)
        self.pool.top = counter.top_id
        self.clauses.extend(counter.cnf.clauses)
        rhs = list(counter.rhs)
        counter.delete()
        if self.cap is not None and self.cap + 1 < len(rhs):
            self.clauses.append([-rhs[self.cap + 1]])
            rhs = rhs[: self.cap + 1]
        self.breaks.extend(rhs[1:])  # rhs[j]: at least j + 1 runs, so at least j breaks

    def _day(self, p: int, day: tuple[int, ...]) -> None:
        busy = [self.busy.get((p, t), 0) for t in day]  # 0: never busy there
        seen: list[int] = []
        for i, b in enumerate(busy):
            # seen[i] <- seen[i-1] or busy[i]; only forced true (true only adds breaks)
            if not b and (i == 0 or not seen[i - 1]):
                seen.append(0)
                continue
            s = self.var("seen", p, day[i])
            if b:
                self.clauses.append([-b, s])
            if i and seen[i - 1]:
                self.clauses.append([-seen[i - 1], s])
            seen.append(s)
            if i < 2 or not b or not seen[i - 2]:
                continue
            brk = self.var("break", p, day[i])
            clause = [-b, -seen[i - 2], brk]
            if busy[i - 1]:
                clause.append(busy[i - 1])
            self.clauses.append(clause)
            self.breaks.append(brk)
            self.breaks_of.setdefault(p, []).append(brk)

    def _tables(self) -> None:
        per_slot: dict[int, list[int]] = {}
        for (_, t), v in self.x.items():
            per_slot.setdefault(t, []).append(v)
        for t, lits in per_slot.items():
            self._atmost(lits, self.plan.tables[t], EncType.kmtotalizer)

    def _order(self) -> None:
        plan = self.plan
        placed = set(self.units)
        for before, after in plan.order:
            if after not in placed or before not in placed:
                continue
            for t in plan.slot_list(after):
                earlier = [self.x[(before, s)] for s in plan.slot_list(before) if s < t]
                self.clauses.append([-self.x[(after, t)], *earlier])
        for a, ta, b, tb in plan.too_close:
            if (a, ta) in self.x and (b, tb) in self.x:
                self.clauses.append([-self.x[(a, ta)], -self.x[(b, tb)]])

    def phases(self, slot_of: Sequence[int]) -> list[int]:
        out = []
        for (u, t), v in self.x.items():
            out.append(v if slot_of[u] == t else -v)
        busy = {(p, slot_of[u]) for u in self.units for p in self.plan.members[u]}
        for key, v in self.busy.items():
            out.append(v if key in busy else -v)
        out.extend(-v for v in self.breaks)
        return out

    def decode(self, model: Sequence[int], start: Sequence[int]) -> tuple[int, ...]:
        true = {v for v in model if v > 0}
        out = list(start)
        for (u, t), v in self.x.items():
            if v in true:
                out[u] = t
        return tuple(out)


def minimise_breaks(
    plan: Plan,
    slot_of: Sequence[int],
    deadline: float,
    acceptable: Callable[[tuple[int, ...]], bool] | None = None,
) -> SatOutcome:
    """Re-time the scheduled meetings of ``slot_of`` to the fewest breaks found by ``deadline``.

    Meetings left out stay out; the value is therefore unchanged. ``acceptable`` (e.g. the
    spread bound, which the per-participant cap only approximates) says which schedules may be
    returned: the search tightens on every schedule it finds, and the best acceptable one is
    kept. A start over the cap is not acceptable: the first schedule within the cap is sought
    with no bound on the total, so a fair schedule is found even with more breaks.
    """
    return start_search(plan, slot_of, acceptable).finish(deadline)


def start_search(
    plan: Plan,
    slot_of: Sequence[int],
    acceptable: Callable[[tuple[int, ...]], bool] | None = None,
    rival: Search | None = None,
) -> Search:
    """Start the re-timing of ``minimise_breaks`` in a child process and return at once: the
    caller may do other work (another search, on the other core) and then ``finish`` it. With a
    ``rival`` search, each one tightens its bound on the best total either has found."""
    ok = acceptable or (lambda _: True)
    begin = tuple(slot_of)
    counts = per_person(plan, begin)
    busy = [False] * len(plan.people)
    for u, t in enumerate(begin):
        if t >= 0:
            for p in plan.members[u]:
                busy[p] = True
    cap = limit(plan, counts, busy)
    total = sum(counts)
    over = cap is not None and any(c > cap for c, b in zip(counts, busy, strict=True) if b)
    fair = ok(begin) and not over
    search = Search(plan, begin, total, fair, ok, cap)
    if total == 0 and fair:
        search.proven_at = 0
        return search
    search.run(_Model(plan, begin, cap), over, rival.shared if rival else None)
    return search


class Search:
    """One SAT re-timing in a forked child process, which sends every schedule it finds and,
    when its search ends, whether the last bound was refuted. CaDiCaL cannot be interrupted
    from another thread, and a process can: ``finish`` stops the child at the deadline."""

    def __init__(
        self,
        plan: Plan,
        begin: tuple[int, ...],
        total: int,
        fair: bool,
        ok: Callable[[tuple[int, ...]], bool],
        cap: int | None,
    ) -> None:
        self.plan, self.begin, self.total, self.ok, self.cap = plan, begin, total, ok, cap
        self.best = begin
        self.best_total: int | None = total if fair else None
        self.proven_at: int | None = None  # the solver showed no schedule has fewer breaks
        self.shared: Any = _CONTEXT.Value("i", total if fair else 1 << 30)
        self._receiver: Connection | None = None
        self._child: multiprocessing.process.BaseProcess | None = None

    def run(self, model: _Model, over: bool, shared: Any) -> None:
        if shared is not None:
            self.shared = shared
        receiver, sender = _CONTEXT.Pipe(duplex=False)
        self._child = _CONTEXT.Process(
            target=_tighten_child,
            args=(sender, self.plan, model, self.begin, self.total, over, self.shared),
        )  # not a daemon: a daemonic process (a worker of some pool) may not have one
        self._child.start()
        sender.close()
        self._receiver = receiver

    def poll(self) -> None:
        """Read what the child has sent so far, without waiting."""
        self._read(time.perf_counter())

    def settled(self) -> bool:
        """Its best is proven the fewest (read so far): nothing can do better."""
        self.poll()
        return self.best_total == 0 or (
            self.proven_at is not None and self.best_total == self.proven_at
        )

    def finish(self, deadline: float) -> SatOutcome:
        """Wait for the child until ``deadline`` or the end of its search, then stop it."""
        try:
            self._read(deadline)
        finally:
            self._stop()
        proven = self.settled()
        if self.best_total is None:
            return SatOutcome(self.begin, self.total, False, False, self.cap)
        return SatOutcome(self.best, self.best_total, self.best is not self.begin, proven, self.cap)

    def _read(self, deadline: float) -> None:
        receiver = self._receiver
        while receiver is not None:
            if not receiver.poll(max(0.0, deadline - time.perf_counter())):
                return
            try:
                found, found_total, refuted = receiver.recv()
            except EOFError:
                found, found_total, refuted = None, 0, None
            if found is None:
                self.proven_at = refuted
                self._stop()
                return
            if self.ok(found) and (self.best_total is None or found_total < self.best_total):
                self.best, self.best_total = found, found_total

    def _stop(self) -> None:
        if self._child is not None:
            if self._child.is_alive():
                self._child.kill()
            self._child.join()
            self._child = None
        if self._receiver is not None:
            self._receiver.close()
            self._receiver = None


def _tighten_child(
    sender: Connection,
    plan: Plan,
    model: _Model,
    start: tuple[int, ...],
    total: int,
    over: bool,
    shared: Any,
) -> None:
    if not model.breaks:  # no break is possible in the model: any solution will do
        with Solver(name=SOLVER, bootstrap_with=model.clauses) as solver:
            solver.set_phases(model.phases(start))
            if solver.solve():
                found = model.decode(solver.get_model() or [], start)
                sender.send((found, sum(per_person(plan, found)), None))
        sender.send((None, 0, None))
        sender.close()
        return
    ubound = total if not over else min(len(model.breaks), 2 * total + 10)
    totalizer = ITotalizer(lits=model.breaks, ubound=ubound, top_id=model.pool.top)
    bound, unbounded = total, over
    refuted: int | None = None
    with Solver(name=SOLVER, bootstrap_with=model.clauses) as solver:
        solver.append_formula(totalizer.cnf.clauses)
        solver.set_phases(model.phases(start))
        while bound > 0:
            if not unbounded and shared.value < bound:
                bound = shared.value  # the rival search found a schedule with fewer breaks
            if not unbounded:
                if bound > len(totalizer.rhs):
                    break  # more breaks than the counter holds: keep what was found
                solver.add_clause([-totalizer.rhs[bound - 1]])  # at most bound - 1 from now
            if not solver.solve():
                refuted = bound
                break
            found = model.decode(solver.get_model() or [], start)
            found_total = sum(per_person(plan, found))
            if not unbounded and found_total >= bound:  # cannot happen with a sound model
                break
            unbounded, bound = False, found_total
            with shared.get_lock():
                shared.value = min(shared.value, found_total)
            sender.send((found, found_total, None))
            solver.set_phases(model.phases(found))
    sender.send((None, 0, refuted))
    sender.close()
