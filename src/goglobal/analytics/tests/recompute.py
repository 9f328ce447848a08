"""Every KPI recomputed independently: one plain Python pass over the objects, following the
catalogue's words (docs/kpis.md), not the queries of ``figures.py``."""

from __future__ import annotations

import datetime
import itertools
import statistics
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.utils import timezone

from goglobal.analytics.figures import Period
from goglobal.cases.models import Case, Outcome
from goglobal.events.models import Meeting, MeetingEncounter
from goglobal.knowledge.models import RuleValue

PIPELINE = [
    "lead",
    "qualified",
    "needs_assessed",
    "matched",
    "in_progress",
    "landed_hk",
    "expanded_abroad",
]
PRESENCE = {
    "hk_entity_incorporated",
    "regional_hq",
    "treasury_centre",
    "rnd_hub",
    "supply_chain_centre",
}


def day_of(value: datetime.datetime | datetime.date) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date()
    return value


def within(period: Period, value: datetime.datetime | datetime.date) -> bool:
    day = day_of(value)
    return (period.start is None or day >= period.start) and (
        period.end is None or day <= period.end
    )


def month(value: datetime.datetime | datetime.date) -> str:
    return day_of(value).strftime("%Y-%m")


def _one(value: Any) -> list[str]:
    return ["none" if value in (None, "") else str(value)]


def _many(values: set[Any]) -> list[str]:
    return sorted(str(value) for value in values) or ["none"]


class World:
    """All rows loaded once, then walked in Python."""

    def __init__(self) -> None:
        self.cases = [
            case
            for case in Case.objects.select_related(
                "enterprise__province",
                "enterprise__city",
                "enterprise__sector__section",
                "mechanism",
            ).prefetch_related(
                "events",
                "outcomes",
                "referrals__provider",
                "referrals__events",
                "enterprise__target_countries",
                "enterprise__event_participants",
            )
            if case.deleted_at is None and case.enterprise.deleted_at is None
        ]
        self.by_enterprise = defaultdict(list)
        for case in Case.objects.all():
            self.by_enterprise[case.enterprise_id].append(case)
        self.rates = list(RuleValue.objects.filter(code__startswith="fx."))

    def keys(self, case: Case, dimension: str) -> list[str]:
        enterprise = case.enterprise
        sector = enterprise.sector
        return {
            "province": lambda: _one(enterprise.province.code),
            "city": lambda: _one(enterprise.city.code),
            "section": lambda: _one(sector.section.code if sector.section else sector.code),
            "division": lambda: _one(sector.code),
            "origin": lambda: _one(case.origin),
            "mechanism": lambda: _one(case.mechanism.code if case.mechanism else None),
            "event": lambda: _many({p.event_id for p in enterprise.event_participants.all()}),
            "officer": lambda: _one(case.owner_id),
            "provider_category": lambda: _many({r.provider.category for r in case.referrals.all()}),
            "market": lambda: _many({c.code for c in enterprise.target_countries.all()}),
            "stage": lambda: _one(case.stage),
        }[dimension]()

    def hkd(self, outcome: Outcome) -> Decimal | None:
        if outcome.currency == "HKD":
            return outcome.amount
        covering = [
            rule
            for rule in self.rates
            if rule.code == f"fx.{outcome.currency}"
            and rule.effective_from <= outcome.achieved_on
            and (rule.effective_to is None or outcome.achieved_on <= rule.effective_to)
        ]
        if not covering or outcome.amount is None:
            return None
        rule = max(covering, key=lambda rule: rule.effective_from)
        return outcome.amount * rule.value  # type: ignore[operator]


class Tally:
    """Recorded and confirmed, in total and per group; ``unique`` counts distinct items."""

    def __init__(self, by: str | None, *, confirmable: bool, unique: bool = True) -> None:
        self.by, self.confirmable, self.unique = by, confirmable, unique
        self.items: dict[str, dict[Any, tuple[Decimal, bool]]] = defaultdict(dict)

    def add(self, item: Any, keys: list[str], amount: Any = 1, confirmed: bool = False) -> None:
        self.items["__total__"][item] = (Decimal(amount), confirmed)
        for key in keys if self.by else []:
            self.items[key][item] = (Decimal(amount), confirmed)

    def _figure(self, items: dict[Any, tuple[Decimal, bool]]) -> dict[str, Any]:
        recorded = int(
            sum((amount for amount, _c in items.values()), Decimal(0)).to_integral_value()
        )
        confirmed = int(
            sum((amount for amount, c in items.values() if c), Decimal(0)).to_integral_value()
        )
        return {"recorded": recorded, "confirmed": confirmed if self.confirmable else None}

    def result(self) -> dict[str, Any]:
        figure = self._figure(self.items.get("__total__", {}))
        figure["by"] = {
            key: self._figure(items) for key, items in self.items.items() if key != "__total__"
        }
        return figure


def _key_list(world: World, case: Case, by: str | None, when: Any) -> list[str]:
    if by is None:
        return []
    if by == "period":
        return [month(when)]
    return world.keys(case, by)


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def recompute(period: Period, by: str | None) -> dict[str, dict[str, Any]]:  # noqa: C901
    world = World()
    tallies: dict[str, Tally] = {}

    def tally(code: str, confirmable: bool = False) -> Tally:
        return tallies.setdefault(code, Tally(by, confirmable=confirmable))

    spells: dict[
        str, list[tuple[list[str], datetime.datetime, datetime.datetime | None, str | None]]
    ]
    spells = defaultdict(list)
    for case in world.cases:
        confirmed_presence = any(
            o.kind in PRESENCE and o.confirmation == "confirmed" for o in case.outcomes.all()
        )
        if within(period, case.stage_changed_at):
            tally("cases.in_stage").add(case.pk, _key_list(world, case, by, case.stage_changed_at))
        history = sorted(
            (e for e in case.events.all() if e.kind in {"opened", "stage_moved"}),
            key=lambda e: (e.created_at, e.pk),
        )
        moves = [
            (
                e.created_at,
                "" if e.kind == "opened" else e.data["from"],
                "lead" if e.kind == "opened" else e.data["to"],
            )
            for e in history
        ]
        for event in history:
            if event.kind != "stage_moved" or not within(period, event.created_at):
                continue
            keys = _key_list(world, case, by, event.created_at)
            move_keys = [event.data["to"]] if by == "stage" else keys
            tally("cases.moves").add(event.pk, move_keys)
            if event.data.get("from") == "lead" and event.data.get("to") == "qualified":
                tally("enterprises.served").add(case.enterprise_id, keys)
            if event.data["to"] == "landed_hk":
                tally("landed.hk", True).add(case.enterprise_id, keys, confirmed=confirmed_presence)
        for index, (at, _before, stage) in enumerate(moves):
            if not within(period, at):
                continue
            exit_ = next((m for m in moves[index + 1 :] if m[1] == stage), None)
            keys = _key_list(world, case, by, at) if by else []
            spells[stage].append(
                (keys, at, exit_[0] if exit_ else None, exit_[2] if exit_ else None)
            )
        for outcome in case.outcomes.all():
            if not within(period, outcome.achieved_on):
                continue
            keys = _key_list(world, case, by, outcome.achieved_on)
            yes = outcome.confirmation == "confirmed"
            codes = {
                "hk_entity_incorporated": ["outcomes.hk_entity"],
                "regional_hq": ["functions.regional_hq"],
                "treasury_centre": ["functions.treasury_centre"],
                "rnd_hub": ["functions.rnd_hub"],
                "supply_chain_centre": ["functions.supply_chain_centre"],
                "market_entered": ["markets.entered"],
            }.get(outcome.kind, [])
            for code in codes:
                own = (
                    [outcome.country.code] if code == "markets.entered" and by == "market" else keys
                )
                tally(code, True).add(outcome.pk, own, confirmed=yes)
            if outcome.kind == "jobs_created":
                tally("jobs.created", True).add(outcome.pk, keys, outcome.jobs, yes)
            if outcome.kind == "funds_raised":
                amount = world.hkd(outcome)
                tally("funds.total", True)
                tally(f"funds.{outcome.route}", True)
                # Without a rate the amount is not counted (its row still makes a group).
                amount = amount if amount is not None else Decimal(0)
                tally("funds.total", True).add(outcome.pk, keys, amount, yes)
                tally(f"funds.{outcome.route}", True).add(outcome.pk, keys, amount, yes)
            if _met_before(world, case.enterprise_id, outcome.achieved_on):
                tally("events.meeting_outcomes", True).add(outcome.pk, keys, confirmed=yes)
        for referral in case.referrals.all():
            own_keys = None
            if by == "provider_category":
                own_keys = [referral.provider.category]
            for event in referral.events.all():
                code = {
                    "sent": "referrals.made",
                    "accepted": "referrals.accepted",
                    "completed": "referrals.completed",
                }.get(event.to_status)
                if code and within(period, event.created_at):
                    keys = own_keys or _key_list(world, case, by, event.created_at)
                    tally(code).add(referral.pk, keys)
            if (
                referral.sent_at
                and within(period, referral.sent_at)
                and _met_before(world, case.enterprise_id, day_of(referral.sent_at))
            ):
                keys = own_keys or _key_list(world, case, by, referral.sent_at)
                tally("events.meeting_referrals").add(referral.pk, keys)
    result = {code: t.result() for code, t in tallies.items()}
    for code in (
        "outcomes.hk_entity",
        "functions.regional_hq",
        "functions.treasury_centre",
        "functions.rnd_hub",
        "functions.supply_chain_centre",
        "markets.entered",
        "jobs.created",
        "funds.total",
        "funds.ipo",
        "funds.private",
        "funds.debt",
        "events.meeting_outcomes",
        "landed.hk",
    ):
        result.setdefault(code, {"recorded": 0, "confirmed": 0, "by": {}})
    for code in (
        "enterprises.served",
        "cases.in_stage",
        "cases.moves",
        "referrals.made",
        "referrals.accepted",
        "referrals.completed",
        "events.meeting_referrals",
    ):
        result.setdefault(code, {"recorded": 0, "confirmed": None, "by": {}})
    result.update(_stage_results(spells, by))
    result["referrals.answer_days"] = _answer_days(world, period, by)
    result.update(_meeting_results(world, period, by))
    return result


def _met_before(world: World, enterprise_id: int, day: datetime.date) -> bool:
    return any(
        meeting.slot.day <= day
        for meeting in world_meetings()
        if enterprise_id in {meeting.first.enterprise_id, meeting.second.enterprise_id}
    )


_MEETINGS: list[Meeting] | None = None


def world_meetings() -> list[Meeting]:
    global _MEETINGS
    if _MEETINGS is None:
        _MEETINGS = [
            m
            for m in Meeting.objects.select_related(
                "run__event__mechanism", "slot", "first", "second"
            )
            if m.run.is_published and m.outcome
        ]
    return _MEETINGS


def reset() -> None:
    global _MEETINGS
    _MEETINGS = None


def _stage_results(spells: dict[str, list[Any]], by: str | None) -> dict[str, Any]:
    result = {}
    for stage, following in itertools.pairwise(PIPELINE):
        rows = spells.get(stage, [])

        def conversion(group: list[Any], following: str = following) -> float | None:
            return (
                round(100 * sum(1 for r in group if r[3] == following) / len(group), 1)
                if group
                else None
            )

        def days(group: list[Any]) -> float | None:
            return _median([(r[2] - r[1]).total_seconds() / 86400 for r in group if r[2]])

        groups: dict[str, list[Any]] = defaultdict(list)
        for row in rows:
            for key in row[0] if by != "period" else [month(row[1])]:
                groups[key].append(row)
        for code, measure in ((f"conversion.{stage}", conversion), (f"median_days.{stage}", days)):
            result[code] = {
                "recorded": measure(rows),
                "confirmed": None,
                "by": {k: {"recorded": measure(g), "confirmed": None} for k, g in groups.items()}
                if by
                else {},
            }
    return result


def _answer_days(world: World, period: Period, by: str | None) -> dict[str, Any]:
    every: list[float] = []
    groups: dict[str, list[float]] = defaultdict(list)
    for case in world.cases:
        for referral in case.referrals.all():
            if not (referral.sent_at and referral.answered_at) or not within(
                period, referral.answered_at
            ):
                continue
            days = (referral.answered_at - referral.sent_at).total_seconds() / 86400
            every.append(days)
            if by == "provider_category":
                keys = [referral.provider.category]
            else:
                keys = _key_list(world, case, by, referral.answered_at)
            for key in keys:
                groups[key].append(days)
    return {
        "recorded": _median(every),
        "confirmed": None,
        "by": {k: {"recorded": _median(v), "confirmed": None} for k, v in groups.items()},
    }


def _meeting_results(world: World, period: Period, by: str | None) -> dict[str, Any]:  # noqa: C901
    held = Tally(by, confirmable=False)
    for meeting in world_meetings():
        if not within(period, meeting.slot.day):
            continue
        if by is None:
            keys: list[str] = []
        elif by == "period":
            keys = [month(meeting.slot.day)]
        elif by == "event":
            keys = [str(meeting.run.event_id)]
        elif by == "mechanism":
            keys = _one(meeting.run.event.mechanism.code if meeting.run.event.mechanism else None)
        else:
            values: set[str] = set()
            for side in (meeting.first, meeting.second):
                for case in world.by_enterprise.get(side.enterprise_id, []):
                    values.update(k for k in world.keys(case, by) if k != "none")
            keys = sorted(values) or ["none"]
        held.add(meeting.pk, keys)
    encounters = Tally(by, confirmable=False)
    for encounter in MeetingEncounter.objects.select_related(
        "meeting__slot", "meeting__run__event__mechanism", "interaction__case__enterprise"
    ):
        if not encounter.meeting.run.is_published or encounter.interaction is None:
            continue
        case = encounter.interaction.case
        if case.deleted_at or case.enterprise.deleted_at:
            continue
        day = encounter.meeting.slot.day
        if not within(period, day):
            continue
        if by == "event":
            keys = [str(encounter.meeting.run.event_id)]
        elif by == "mechanism":
            event = encounter.meeting.run.event
            keys = _one(event.mechanism.code if event.mechanism else None)
        else:
            full = next(c for c in world.cases if c.pk == case.pk)
            keys = _key_list(world, full, by, day)
        encounters.add(encounter.pk, keys)
    return {
        "events.meetings_held": held.result(),
        "events.meeting_interactions": encounters.result(),
    }
