"""The impact figures counted as rows are written: a daily rollup (``DailyFigure``).

Per Hong Kong day, KPI and one value of one dimension it holds the rows counted, those
confirmed and, for sums, their amounts. The figures that add up over days and over the values
of a single-valued dimension live here: cases now in each stage, moves between stages, the
outcome KPIs, referrals made, accepted and completed. What does not add up (enterprises counted
once per period, shares, medians, the event KPIs that look at the day of a meeting) and cuts by a
multi-valued dimension or within a scope are read from the source tables (``figures.py``).

Exactness: every case's contribution as last counted is kept (``CaseFigures``). A refresh reads
the case's rows as they are now, subtracts the old contribution and adds the new one, in the
writing transaction (the cases layer announces ``cases_changed``; the enterprise layer
``enterprises_changed`` for profile edits, deletions, merges and erasure; the directory
``providers_changed`` for a provider's category). A failed write rolls the counts back with it.
``rollup_rebuild`` counts everything afresh from the source tables; ``rollup_differences``
compares every figure the rollup gives with the direct query.
"""

from __future__ import annotations

import datetime
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from goglobal.analytics import fx
from goglobal.analytics.models import CaseFigures, DailyFigure, RollupBuild
from goglobal.cases.models import Case, CaseEvent, Confirmation, Outcome, ReferralEvent

# Dimensions every held KPI is counted by (besides the total), as paths from a case.
HELD = ("province", "city", "section", "division", "origin", "mechanism", "officer", "stage")
CASE_COLUMNS = (
    "enterprise__province__code",
    "enterprise_city",
    "enterprise_section",
    "enterprise_sector",
    "origin",
    "mechanism__code",
    "owner_id",
    "stage",
)
PRESENCE_KINDS = {
    "hk_entity_incorporated": "outcomes.hk_entity",
    "regional_hq": "functions.regional_hq",
    "treasury_centre": "functions.treasury_centre",
    "rnd_hub": "functions.rnd_hub",
    "supply_chain_centre": "functions.supply_chain_centre",
}
REFERRALS = {"sent": "referrals.made", "accepted": "referrals.accepted"}
REFERRALS["completed"] = "referrals.completed"
FUNDS = ("funds.total", "funds.ipo", "funds.private", "funds.debt")
SUMMED = frozenset({*FUNDS, "jobs.created"})
KPIS = frozenset(
    {
        "cases.in_stage",
        "cases.moves",
        *PRESENCE_KINDS.values(),
        *FUNDS,
        "markets.entered",
        "jobs.created",
        *REFERRALS.values(),
    }
)
# A dimension a KPI's own row gives (not its case): held for these KPIs only.
OWN = {"market": frozenset({"markets.entered"}), "provider_category": frozenset(REFERRALS.values())}
CHUNK = 500

# One counted row of a case: (day, kpi, its own dimension values, currency) → four numbers.
Fact = tuple[str, str, tuple[tuple[str, str], ...], str]
Numbers = list[Any]  # counted, confirmed, amount, confirmed amount


def holds(code: str, by: str | None) -> bool:
    """Whether the rollup gives ``code`` cut by ``by`` (None: the total only)."""
    if code not in KPIS:
        return False
    if by is None or by == "period" or by in HELD:
        return True
    return code in OWN.get(by, frozenset())


def is_kept() -> bool:
    """Whether the rollup is in use (``GOGLOBAL_KPI_ROLLUP``): kept in step by writes and read."""
    return bool(getattr(settings, "GOGLOBAL_KPI_ROLLUP", True))


def is_built() -> bool:
    if not is_kept():
        return False
    return RollupBuild.objects.exists()


def _key(value: Any) -> str:
    return "none" if value is None or value == "" else str(value)


def _day(value: datetime.datetime) -> str:
    return timezone.localtime(value, timezone.get_default_timezone()).date().isoformat()


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


class _Facts:
    """Counted rows being gathered, per case."""

    def __init__(self) -> None:
        self.by_case: dict[int, dict[Fact, Numbers]] = defaultdict(dict)

    def add(self, case_id: int, fact: Fact, numbers: Numbers) -> None:
        held = self.by_case[case_id].get(fact)
        if held is None:
            self.by_case[case_id][fact] = list(numbers)
        else:
            for i, number in enumerate(numbers):
                held[i] += number


def _moves(facts: _Facts, alive: list[int]) -> None:
    moves = CaseEvent.objects.filter(case_id__in=alive, kind=CaseEvent.Kind.STAGE_MOVED)
    for case_id, at, to in moves.values_list("case_id", "created_at", "data__to"):
        facts.add(case_id, (_day(at), "cases.moves", (("stage", _key(to)),), ""), [1, 0, 0, 0])


def _outcomes(facts: _Facts, alive: list[int]) -> None:
    outcomes = Outcome.objects.filter(case_id__in=alive).values_list(
        "case_id", "kind", "route", "achieved_on", "amount", "currency", "country__code", "jobs",
        "confirmation",
    )  # fmt: skip
    for case_id, kind, route, on, amount, currency, country, jobs, state in outcomes:
        day = on.isoformat()
        yes = 1 if state == Confirmation.CONFIRMED else 0
        if kind in PRESENCE_KINDS:
            facts.add(case_id, (day, PRESENCE_KINDS[kind], (), ""), [1, yes, 0, 0])
        elif kind == "market_entered":
            own = (("market", _key(country)),)
            facts.add(case_id, (day, "markets.entered", own, ""), [1, yes, 0, 0])
        elif kind == "jobs_created":
            value = Decimal(jobs or 0)
            facts.add(case_id, (day, "jobs.created", (), ""), [1, yes, value, value * yes])
        elif kind == "funds_raised":
            value = Decimal(amount or 0)
            numbers = [1, yes, value, value * yes]
            facts.add(case_id, (day, "funds.total", (), currency), numbers)
            if route in ("ipo", "private", "debt"):
                facts.add(case_id, (day, f"funds.{route}", (), currency), numbers)


def _referrals(facts: _Facts, alive: list[int]) -> None:
    events = ReferralEvent.objects.filter(
        referral__case_id__in=alive, to_status__in=list(REFERRALS)
    ).values_list("referral__case_id", "to_status", "created_at", "referral__provider__category")
    for case_id, status, at, category in events:
        own = (("provider_category", _key(category)),)
        facts.add(case_id, (_day(at), REFERRALS[status], own, ""), [1, 0, 0, 0])


def case_facts(case_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Each live case's contribution as the source tables hold it now: ``{"d": its dimension
    values (``HELD`` order), "f": [[day, kpi, own values, currency, n, confirmed, amount,
    confirmed amount], ...]}``. Cases not live (deleted, or their enterprise deleted, or gone)
    are left out: they add nothing."""
    out: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(sorted(set(case_ids))):
        facts = _Facts()
        live = Case.objects.filter(
            pk__in=chunk, deleted_at__isnull=True, enterprise__deleted_at__isnull=True
        )
        dims: dict[int, list[str]] = {}
        for pk, changed, *values in live.values_list("pk", "stage_changed_at", *CASE_COLUMNS):
            dims[pk] = [_key(value) for value in values]
            facts.add(pk, (_day(changed), "cases.in_stage", (), ""), [1, 0, 0, 0])
        if not dims:
            continue
        for gather in (_moves, _outcomes, _referrals):
            gather(facts, sorted(dims))
        for case_id, values in dims.items():
            out[case_id] = {
                "d": values,
                "f": [
                    [day, kpi, [list(pair) for pair in own], currency, *map(_plain, numbers)]
                    for (day, kpi, own, currency), numbers in sorted(facts.by_case[case_id].items())
                ],
            }
    return out


def _plain(number: Any) -> Any:
    """A number JSON keeps exactly: an int, or a Decimal as its string."""
    if isinstance(number, Decimal):
        return int(number) if number == number.to_integral_value() else str(number)
    return number


Key = tuple[str, str, str, str, str]  # day, kpi, dimension, value, currency


def _expand(facts: dict[str, Any], sign: int, into: dict[Key, list[Any]]) -> None:
    """Adds (or with ``sign`` -1 takes away) a case's rows under the total and each dimension."""
    values = dict(zip(HELD, facts["d"], strict=True))
    for day, kpi, own_pairs, currency, *numbers in facts["f"]:
        own = {name: value for name, value in own_pairs}
        keys = [("", "")]
        keys += [(name, own.get(name, values[name])) for name in HELD]
        keys += [(name, value) for name, value in own.items() if name not in values]
        for dimension, value in keys:
            cell = into.setdefault((day, kpi, dimension, value, currency), [0, 0, 0, 0])
            for i, number in enumerate(numbers):
                cell[i] += sign * (Decimal(number) if i >= 2 else number)


def _apply(delta: dict[Key, list[Any]]) -> None:
    """Adds ``delta`` to the rollup: one upsert per block of rows; rows left with nothing
    counted are removed."""
    changed = [(key, cell) for key, cell in delta.items() if any(cell)]
    if not changed:
        return
    table = connection.ops.quote_name(DailyFigure._meta.db_table)
    names = ["day", "kpi", "dimension", "value", "currency", "counted", "confirmed"]
    names += ["amount", "confirmed_amount"]
    quoted = [connection.ops.quote_name(name) for name in names]
    add = ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in quoted[5:])
    conflict = ", ".join(connection.ops.quote_name(n) for n in ("dimension", "kpi", "day"))
    conflict += ", " + ", ".join(connection.ops.quote_name(n) for n in ("value", "currency"))
    with connection.cursor() as cursor:
        for start in range(0, len(changed), 400):
            block = changed[start : start + 400]
            rows = ", ".join(["(" + ", ".join(["%s"] * len(names)) + ")"] * len(block))
            params: list[Any] = []
            for (day, kpi, dimension, value, currency), cell in block:
                params += [datetime.date.fromisoformat(day), kpi, dimension, value, currency]
                params += [cell[0], cell[1], cell[2], cell[3]]
            # Names from the model's own table and columns; every value is a parameter.
            sql = f"INSERT INTO {table} ({', '.join(quoted)}) VALUES {rows} "  # noqa: S608
            cursor.execute(sql + f"ON CONFLICT ({conflict}) DO UPDATE SET {add}", params)
    # Rows left with nothing counted go, looked up through the key's index (dimension, KPI,
    # day) rather than by day alone, which would read the whole table.
    days = sorted({datetime.date.fromisoformat(key[0]) for key, _cell in changed})
    kpis = sorted({key[1] for key, _cell in changed})
    dimensions = sorted({key[2] for key, _cell in changed})
    for start in range(0, len(days), CHUNK):
        DailyFigure.objects.filter(
            dimension__in=dimensions, kpi__in=kpis, day__in=days[start : start + CHUNK], counted=0
        ).delete()


def rollup_refresh(*, case_ids: Iterable[int]) -> int:
    """Bring the rollup in step with these cases' rows as they are now (call it inside the
    writing transaction). Returns the number of rollup rows changed."""
    ids = sorted(set(case_ids))
    if not ids or not is_kept():  # switched off: not kept (rebuild before switching back)
        return 0
    changed = 0
    with transaction.atomic():
        for chunk in _chunks(ids):
            held = {
                row.case_id: row
                for row in CaseFigures.objects.select_for_update().filter(case_id__in=chunk)
            }
            now = case_facts(chunk)
            delta: dict[Key, list[Any]] = {}
            for row in held.values():
                _expand(row.facts, -1, delta)
            for facts in now.values():
                _expand(facts, 1, delta)
            _apply(delta)
            changed += sum(1 for cell in delta.values() if any(cell))
            gone = [pk for pk in held if pk not in now]
            if gone:
                CaseFigures.objects.filter(case_id__in=gone).delete()
            stale = [held[pk] for pk in now if pk in held and held[pk].facts != now[pk]]
            for row in stale:
                row.facts = now[row.case_id]
            CaseFigures.objects.bulk_update(stale, ["facts"], batch_size=CHUNK)
            CaseFigures.objects.bulk_create(
                [
                    CaseFigures(case_id=pk, facts=facts)
                    for pk, facts in now.items()
                    if pk not in held
                ]
            )
    return changed


def rollup_refresh_enterprises(*, enterprise_ids: Iterable[int]) -> int:
    ids = sorted(set(enterprise_ids))
    if not is_kept():
        return 0
    cases: list[int] = []
    for chunk in _chunks(ids):
        cases += Case.objects.filter(enterprise_id__in=chunk).values_list("pk", flat=True)
    # A case moved away (a merge) is still counted under its old figures: those are found by
    # the case, wherever its enterprise now is, so both enterprises' cases are refreshed.
    return rollup_refresh(case_ids=cases)


def rollup_refresh_providers(*, provider_ids: Iterable[int]) -> int:
    ids = sorted(set(provider_ids))
    if not is_kept():
        return 0
    cases: set[int] = set()
    for chunk in _chunks(ids):
        cases |= set(
            ReferralEvent.objects.filter(referral__provider_id__in=chunk)
            .values_list("referral__case_id", flat=True)
            .distinct()
        )
    return rollup_refresh(case_ids=cases)


def _storage_order(key: Key) -> tuple[str, str, str, str, str]:
    day, kpi, dimension, value, currency = key
    return dimension, kpi, day, value, currency


@transaction.atomic
def rollup_rebuild(*, batch: int = 5000) -> RollupBuild:
    """Count the rollup afresh from the source tables (after data written around the services,
    a restore, a change of a mechanism's code). Writers wait while it runs."""
    started = time.perf_counter()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (DailyFigure, CaseFigures, RollupBuild):
                cursor.execute(f"LOCK TABLE {model._meta.db_table} IN EXCLUSIVE MODE")
    DailyFigure.objects.all().delete()
    CaseFigures.objects.all().delete()
    RollupBuild.objects.all().delete()
    last, total = 0, 0
    delta: dict[Key, list[Any]] = {}
    while True:
        ids = list(
            Case.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:batch]
        )
        if not ids:
            break
        last = ids[-1]
        now = case_facts(ids)
        for facts in now.values():
            _expand(facts, 1, delta)
        CaseFigures.objects.bulk_create(
            [CaseFigures(case_id=pk, facts=facts) for pk, facts in now.items()], batch_size=CHUNK
        )
        total += len(now)
    # Written once, in the order of the key (dimension, KPI, day, value, currency): a period's
    # figures for one dimension then sit on neighbouring pages of the table, which is what the
    # dashboard reads, instead of one page per row.
    _apply(dict(sorted(delta.items(), key=lambda item: _storage_order(item[0]))))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {DailyFigure._meta.db_table}")
    return RollupBuild.objects.create(
        built_at=timezone.now(), cases=total, seconds=round(time.perf_counter() - started, 1)
    )


def rollup_figures(
    codes: list[str], periods: list[Any], by: str | None
) -> list[dict[str, dict[str, Any]]]:
    """For each period, each of ``codes`` (all held for ``by``) as ``{"recorded", "confirmed",
    "by": {key: {"recorded", "confirmed"}}}`` read from the rollup: one query for every KPI and
    period."""
    dimension = "" if by in (None, "period") else str(by)
    rows = DailyFigure.objects.filter(kpi__in=codes, dimension=dimension)
    starts = [period.start for period in periods]
    ends = [period.end for period in periods]
    if None not in starts:
        rows = rows.filter(day__gte=min(starts))
    if None not in ends:
        rows = rows.filter(day__lte=max(ends))
    rates = fx.rates()
    hkd = fx.hkd(rates, on="day")
    jobs = Q(kpi="jobs.created")
    measures: dict[str, Any] = {}
    for i, period in enumerate(periods):
        when = Q(
            **({"day__gte": period.start} if period.start else {}),
            **({"day__lte": period.end} if period.end else {}),
        )
        measures[f"n{i}"] = Sum("counted", filter=when)
        measures[f"c{i}"] = Sum("confirmed", filter=when)
        measures[f"a{i}"] = Sum(F("amount"), filter=when & jobs)
        measures[f"h{i}"] = Sum(hkd, filter=when & ~jobs)
        measures[f"ca{i}"] = Sum(F("confirmed_amount"), filter=when & jobs)
        confirmed_hkd = fx.hkd(rates, amount="confirmed_amount", on="day")
        measures[f"ch{i}"] = Sum(confirmed_hkd, filter=when & ~jobs)
    group = ["kpi"]
    if by == "period":
        rows = rows.annotate(key=TruncMonth("day"))
        group.append("key")
    elif by:
        rows = rows.annotate(key=F("value"))
        group.append("key")
    out: list[dict[str, dict[str, Any]]] = [
        {code: {"recorded": 0, "confirmed": 0, "by": {}} for code in codes} for _ in periods
    ]
    for row in rows.values(*group).annotate(**measures).order_by():
        for i, figures in enumerate(out):
            _read(row, i, figures[row["kpi"]], by)
    return out


def _read(row: dict[str, Any], i: int, figure: dict[str, Any], by: str | None) -> None:
    """Adds period ``i`` of one grouped row to its KPI's figure (and group)."""
    if not row[f"n{i}"]:
        return
    if row["kpi"] in SUMMED:
        recorded = (row[f"a{i}"] or 0) + (row[f"h{i}"] or 0)
        confirmed = (row[f"ca{i}"] or 0) + (row[f"ch{i}"] or 0)
    else:
        recorded, confirmed = row[f"n{i}"], row[f"c{i}"] or 0
    figure["recorded"] += recorded
    figure["confirmed"] += confirmed
    if by:
        key = row["key"]
        name = key.strftime("%Y-%m") if by == "period" else str(key)
        figure["by"][name] = {"recorded": recorded, "confirmed": confirmed}


def rollup_differences(periods: list[Any] | None = None) -> list[str]:
    """Every figure the rollup gives that differs from the direct query, for each dimension it
    holds and each period (by default: all time, the last 90 days, the last year)."""
    from goglobal.analytics.figures import Period, kpi_reports

    if not is_built():
        return ["the rollup has not been built (goglobal kpis_rollup --rebuild)"]
    if periods is None:
        today = timezone.localdate()
        periods = [
            Period(),
            Period(today - datetime.timedelta(days=89), today),
            Period(today - datetime.timedelta(days=364), today),
        ]
    found = []
    for by in [None, "period", *HELD, *OWN]:
        codes = sorted(code for code in KPIS if holds(code, by))
        rolled = kpi_reports(periods=periods, by=by, codes=codes, missing_rates=False)
        direct = kpi_reports(
            periods=periods, by=by, codes=codes, missing_rates=False, use_rollup=False
        )
        for period, mine, theirs in zip(periods, rolled, direct, strict=True):
            for code in codes:
                if mine.kpis[code].as_json() != theirs.kpis[code].as_json():
                    found.append(
                        f"{code} by {by or 'total'}, {period.start or '…'}..{period.end or '…'}: "
                        f"rollup {mine.kpis[code].as_json()} direct {theirs.kpis[code].as_json()}"
                    )
    return found
