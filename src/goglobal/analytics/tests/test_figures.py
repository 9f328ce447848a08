"""Every KPI against an independent recomputation (``recompute.py``), on a random data set, for
every dimension and two periods; breakdowns add up to their totals or say why not."""

import datetime
import json
import random
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from goglobal.accounts.models import Role
from goglobal.accounts.tests.factories import UserFactory
from goglobal.analytics import fx
from goglobal.analytics.catalogue import DIMENSIONS, MULTI_VALUED, catalogue
from goglobal.analytics.figures import Period, Scope, kpi_report, kpi_reports
from goglobal.analytics.tests import recompute
from goglobal.cases import services
from goglobal.cases.models import CaseEvent, Outcome, Referral, ReferralEvent
from goglobal.enterprises.tests.factories import ContactFactory, EnterpriseFactory
from goglobal.events.models import Meeting, MeetingEncounter, Participant, ScheduleRun
from goglobal.events.tests.factories import EventFactory
from goglobal.knowledge.models import AdministrativeArea, Country, Mechanism, NeedCode, Sector
from goglobal.providers.tests.factories import ProviderMemberFactory, ServiceProviderFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def _at(days_ago: float) -> datetime.datetime:
    return NOW - datetime.timedelta(days=days_ago)


def _walk(case, stages, officer, rng):
    for stage in stages:
        reason = "暂缓" if stage == "closed" else ""
        case = services.case_move(
            case=case, target=stage, actor=officer, seen_version=case.version, reason=reason
        )
    # Spread the history over the last year, oldest first, keeping its order.
    events = list(case.events.order_by("created_at", "id"))
    start = rng.uniform(60, 360)
    for index, event in enumerate(events):
        CaseEvent.objects.filter(pk=event.pk).update(
            created_at=_at(start - index * rng.uniform(1, 20))
        )
    last = case.events.order_by("-created_at", "-id").first()
    type(case).objects.filter(pk=case.pk).update(stage_changed_at=last.created_at)
    return case


def build_world(seed: int = 7, cases: int = 36) -> None:  # noqa: C901 - one story, told in order
    rng = random.Random(seed)
    officers = [UserFactory(role=Role.OFFICER) for _ in range(3)]
    cities = list(AdministrativeArea.objects.filter(level="city").select_related("province")[:40])
    sectors = list(Sector.objects.filter(level="division")[:30])
    countries = list(Country.objects.filter(code__in=["VN", "TH", "MY", "SA", "AE", "ID", "DE"]))
    mechanisms = list(Mechanism.objects.all()[:3])
    needs = list(NeedCode.objects.all()[:5])
    providers = [
        ServiceProviderFactory(category=category)
        for category in ["law_firm", "accounting_tax", "bank", "law_firm", "consultancy"]
    ]
    members = [ProviderMemberFactory(provider=provider).user for provider in providers]
    events = [EventFactory(mechanism=rng.choice([None, *mechanisms])) for _ in range(2)]
    made = []
    for index in range(cases):
        city = rng.choice(cities)
        enterprise = EnterpriseFactory(
            province=city.province or city, city=city, sector=rng.choice(sectors)
        )
        enterprise.target_countries.set(rng.sample(countries, rng.randint(0, 3)))
        if rng.random() < 0.8:
            ContactFactory(enterprise=enterprise)
        origin = rng.choice(["event", "inbound", "mechanism", "outreach"])
        officer = officers[index % 3]
        case = services.case_open(
            actor=officer, enterprise=enterprise, origin=origin, owner=officer
        )
        if origin == "mechanism" and mechanisms and rng.random() < 0.8:
            type(case).objects.filter(pk=case.pk).update(mechanism=rng.choice(mechanisms))
            case.refresh_from_db()
        depth = rng.randint(0, 6)
        path = [
            "qualified",
            "needs_assessed",
            "matched",
            "in_progress",
            "landed_hk",
            "expanded_abroad",
        ][:depth]
        if rng.random() < 0.15:
            path = [*path[:2], rng.choice(["dormant", "closed"])]
        case = _walk(case, path, officer, rng)
        made.append((case, officer))
        if rng.random() < 0.5:
            for event in rng.sample(events, rng.randint(1, 2)):
                Participant.objects.create(
                    event=event,
                    full_name="张三",
                    organisation_name=enterprise.name_zh,
                    kind="enterprise",
                    enterprise=enterprise,
                    email=f"p{index}@example.cn",
                )
    for case, officer in made:
        for need in rng.sample(needs, rng.randint(0, 2)):
            which = rng.randrange(len(providers))
            referral = services.referral_propose(
                case=case, need=need, provider=providers[which], actor=officer
            )
            if rng.random() < 0.2:
                continue
            referral = services.referral_send(referral=referral, actor=officer, seen_version=1)
            draw = rng.random()
            if draw < 0.2:
                services.referral_decline(
                    referral=referral, actor=members[which], seen_version=2, reason="满"
                )
            elif draw < 0.8:
                referral = services.referral_accept(
                    referral=referral, actor=members[which], seen_version=2
                )
                if rng.random() < 0.5:
                    services.referral_complete(
                        referral=referral, actor=members[which], seen_version=3, outcome="完成"
                    )
            sent = _at(rng.uniform(5, 300))
            answered = sent + datetime.timedelta(hours=rng.uniform(2, 400))
            Referral.objects.filter(pk=referral.pk).update(
                sent_at=sent, answered_at=answered if draw < 0.8 else None
            )
            for event in ReferralEvent.objects.filter(referral=referral):
                when = sent if event.to_status == "sent" else answered
                ReferralEvent.objects.filter(pk=event.pk).update(created_at=when)
        for _ in range(rng.randint(0, 3)):
            kind = rng.choice([choice for choice, _label in Outcome.Kind.choices])
            outcome = services.outcome_record(
                case=case,
                actor=officer,
                kind=kind,
                achieved_on=(NOW - datetime.timedelta(days=rng.randint(1, 330))).date(),
                amount=Decimal(rng.choice([5, 80, 400])) * 1_000_000
                if kind == "funds_raised"
                else None,
                currency=rng.choice(["HKD", "USD", "USD", "EUR"]) if kind == "funds_raised" else "",
                route=rng.choice(["ipo", "private", "debt"]) if kind == "funds_raised" else "",
                country=rng.choice(countries) if kind == "market_entered" else None,
                jobs=rng.randint(1, 90) if kind == "jobs_created" else None,
            )
            if outcome.confirmation == "requested" and rng.random() < 0.7:
                services.outcome_confirmation_answer(
                    outcome=outcome,
                    answer=services.Answer(
                        agrees=rng.random() < 0.75, comment="数字有误", rating=rng.randint(1, 5)
                    ),
                )
    for event in events:
        run = ScheduleRun.objects.create(event=event, status="done", is_published=True)
        people = list(Participant.objects.filter(event=event))
        slots, tables = list(event.slots.all()), list(event.tables.all())
        rng.shuffle(people)
        pairs = list(zip(people[::2], people[1::2], strict=False))
        for number, (first, second) in enumerate(pairs[: len(slots) * len(tables)]):
            meeting = Meeting.objects.create(
                run=run,
                slot=slots[number % len(slots)],
                table=tables[number // len(slots)],
                first=first,
                second=second,
                outcome=rng.choice(["", "follow_up", "interested", "not_relevant"]),
            )
            case = first.enterprise.cases.first() if first.enterprise else None
            if meeting.outcome and case and rng.random() < 0.7:
                interaction = services.interaction_log(
                    case=case,
                    actor=case.owner,
                    kind="event",
                    occurred_on=meeting.slot.day,
                    summary="活动会面",
                )
                MeetingEncounter.objects.create(
                    meeting=meeting,
                    participant=first,
                    outcome=meeting.outcome,
                    interaction=interaction,
                )
    # One deleted case and its outcome must not count.
    gone, _officer = made[-1]
    services.case_delete(case=gone, actor=officers[0])


PERIODS = [
    Period(),
    Period((NOW - datetime.timedelta(days=120)).date(), (NOW - datetime.timedelta(days=20)).date()),
]


@pytest.fixture(scope="module")
def built_world(django_db_setup, django_db_blocker):
    """The random world, built once for this module inside a transaction rolled back when the
    module ends; each test runs in a savepoint of its own, so what one writes is gone before the
    next starts (building it takes seconds, more on PostgreSQL)."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_world()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def world(built_world, db):
    recompute.reset()


def test_every_kpi_matches_an_independent_recomputation(world):
    for period in PERIODS:
        for by in [None, *DIMENSIONS]:
            expected = recompute.recompute(period, by)

            report = kpi_report(period=period, by=by)

            assert set(report.kpis) == set(catalogue())
            for code, figure in report.kpis.items():
                assert figure.as_json() == expected[code], (code, by, period)


def test_periods_counted_together_match_the_independent_recomputation(world):
    """The dashboard counts its period and the one before in one query per family: each
    period's figures are still exactly its own, cut by every dimension and in a scope."""
    recent = Period((NOW - datetime.timedelta(days=40)).date(), NOW.date())
    periods = [recent, recent.previous(), PERIODS[1], Period()]
    for by in [None, *DIMENSIONS]:
        reports = kpi_reports(periods=periods, by=by)

        for period, report in zip(periods, reports, strict=True):
            expected = recompute.recompute(period, by)
            for code, figure in report.kpis.items():
                assert figure.as_json() == expected[code], (code, by, period)
    officer = next(iter(kpi_report(period=Period(), by="officer").kpis["referrals.made"].by))
    scope = Scope("officer", officer)
    together = kpi_reports(periods=periods, scope=scope)
    for period, report in zip(periods, together, strict=True):
        alone = kpi_report(period=period, scope=scope)
        assert report.as_json() == alone.as_json(), period


def test_the_random_world_is_not_empty(world):
    report = kpi_report(period=Period())

    figures = {code: figure.recorded for code, figure in report.kpis.items()}
    for code in [
        "enterprises.served",
        "cases.moves",
        "referrals.made",
        "events.meetings_held",
        "funds.total",
        "jobs.created",
        "landed.hk",
    ]:
        assert figures[code], code
    assert report.kpis["funds.total"].confirmed is not None
    assert report.kpis["funds.total"].confirmed <= report.kpis["funds.total"].recorded


def test_breakdowns_add_up_or_say_why(world):
    for by in sorted(DIMENSIONS):
        _check_breakdowns(kpi_report(period=Period(), by=by), by)


def _check_breakdowns(report, by):
    for code, figure in report.kpis.items():
        kpi = catalogue()[code]
        if not kpi.is_additive:
            assert code in report.notes
            continue
        total = sum(group["recorded"] for group in figure.by.values())
        if total != figure.recorded:
            assert code in report.notes, (code, total, figure.recorded)
            assert by in MULTI_VALUED or kpi.unit == "enterprise" or code == "events.meetings_held"
        elif by not in MULTI_VALUED:
            assert code not in report.notes


def test_amounts_without_a_rate_are_listed_not_invented(world):
    report = kpi_report(period=Period())

    euros = Outcome.objects.filter(kind="funds_raised", currency="EUR", case__deleted_at=None)
    assert report.missing_rates.get("EUR", 0) == euros.count()
    assert "EUR" not in {rate.currency for rate in report.rates}
    assert {rate.currency for rate in report.rates} >= {"USD"}


def test_the_rate_in_force_on_the_day_is_used():
    rates = fx.rates()
    usd = fx.rate_on(rates, "USD", datetime.date(2026, 6, 1))

    assert usd is not None
    assert usd.hkd_per_unit == Decimal("7.8")
    assert fx.rate_on(rates, "USD", datetime.date(1990, 1, 1)) is None
    assert fx.rate_on(rates, "EUR", datetime.date(2026, 6, 1)) is None


def test_a_scope_is_the_same_as_filtering_the_rows(world):
    officer = Outcome.objects.filter(case__deleted_at=None).first().case.owner

    scoped = kpi_report(period=Period(), scope=Scope("officer", str(officer.pk)))
    cut = kpi_report(period=Period(), by="officer")

    for code, figure in scoped.kpis.items():
        if catalogue()[code].is_additive and code != "events.meetings_held":
            expected = cut.kpis[code].by.get(str(officer.pk), {"recorded": 0})["recorded"]
            assert figure.recorded == expected, code


def test_the_command_prints_the_issue_format(world, capsys):
    call_command("kpis", "--json", "--by", "city", "--from", "2026-01-01", "--to", "2026-12-31")

    data = json.loads(capsys.readouterr().out)
    assert data["period"] == {"from": "2026-01-01", "to": "2026-12-31"}
    assert set(data["kpis"]) == set(catalogue())
    for figure in data["kpis"].values():
        assert set(figure) == {"recorded", "confirmed", "by"}


@pytest.mark.parametrize(
    "args",
    [
        ["--from", "2026-13-01"],
        ["--by", "colour"],
        ["--from", "2026-05-01", "--to", "2026-04-01"],
        ["--scope", "nothing"],
        ["--kpi", "no.such"],
    ],
)
def test_the_command_refuses_bad_input(args):
    from django.core.management.base import CommandError

    with pytest.raises((CommandError, SystemExit)):
        call_command("kpis", "--json", *args)


def test_docs_page_is_written_from_the_catalogue(capsys):
    from pathlib import Path

    call_command("kpis", "--catalogue")

    page = Path(__file__).resolve().parents[4] / "docs" / "kpis.md"
    assert page.read_text(encoding="utf-8").strip() == capsys.readouterr().out.strip()
