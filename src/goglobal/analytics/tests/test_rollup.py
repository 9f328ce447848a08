"""The daily rollup kept in step by the services: after a realistic mix of writes (stage moves
forward and back, edits, reassignments, outcomes corrected and confirmed, referrals, a merge of
duplicate enterprises, deletions, an erasure, a provider's new category) every KPI it holds
equals the direct query and the independent recomputation; a failed write leaves no trace."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from goglobal.accounts.models import Role
from goglobal.accounts.tests.factories import UserFactory
from goglobal.analytics import rollup
from goglobal.analytics.catalogue import DIMENSIONS
from goglobal.analytics.figures import Period, kpi_report, kpi_reports
from goglobal.analytics.models import DailyFigure, RollupBuild
from goglobal.analytics.tests import recompute
from goglobal.analytics.tests.test_figures import PERIODS, build_world
from goglobal.cases import services
from goglobal.cases.models import Case, Outcome, Referral
from goglobal.cases.services.confirmations import outcome_confirmation_follow_up
from goglobal.core.errors import StaleRecordError
from goglobal.enterprises import services as enterprise_services
from goglobal.enterprises.merge import enterprise_merge
from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.tests.factories import ContactFactory, EnterpriseFactory
from goglobal.knowledge.models import AdministrativeArea, Country, Mechanism, NeedCode
from goglobal.privacy.erasure import enterprise_erase
from goglobal.providers import services as provider_services
from goglobal.providers.models import ServiceProvider
from goglobal.providers.tests.factories import ProviderMemberFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
RECENT = [Period(TODAY - datetime.timedelta(days=30), TODAY), Period(TODAY, TODAY)]


def _table() -> list[tuple]:
    return sorted(
        DailyFigure.objects.values_list(
            "day", "kpi", "dimension", "value", "currency", "counted", "confirmed", "amount",
            "confirmed_amount",
        )
    )  # fmt: skip


def _walk(case, stages, actor):
    for stage in stages:
        case = services.case_move(
            case=case,
            target=stage,
            actor=actor,
            seen_version=case.version,
            reason="暂缓" if stage == "closed" else "",
        )
    return case


def _write_a_mix() -> None:
    officer = UserFactory(role=Role.OFFICER)
    other = UserFactory(role=Role.OFFICER)
    cities = list(AdministrativeArea.objects.filter(level="city").select_related("province")[:5])
    mechanism = Mechanism.objects.first()
    countries = list(Country.objects.filter(code__in=["VN", "SA", "DE"]))
    member = ProviderMemberFactory()
    provider = member.provider
    need = NeedCode.objects.first()

    # New cases through the pipeline, one backwards (dormant, reopened at lead) and one closed.
    fresh = []
    for index, city in enumerate(cities):
        enterprise = EnterpriseFactory(province=city.province or city, city=city)
        ContactFactory(enterprise=enterprise)
        case = services.case_open(
            actor=officer, enterprise=enterprise, origin="inbound", owner=officer
        )
        case = _walk(
            case, ["qualified", "needs_assessed", "matched", "in_progress"][: index + 1], officer
        )
        fresh.append(case)
    fresh[3] = _walk(fresh[3], ["dormant", "lead", "qualified"], officer)
    fresh[1] = _walk(fresh[1], ["closed", "lead"], officer)
    fresh[4] = _walk(fresh[4], ["landed_hk"], officer)

    # Details edited: origin and mechanism, owner; a bulk reassignment.
    fresh[0] = services.case_update(
        case=fresh[0],
        actor=officer,
        seen_version=fresh[0].version,
        changes=services.CaseChanges({"origin": "mechanism", "mechanism": mechanism}),
    )
    services.case_assign(cases=fresh[1:3], owner=other, actor=officer)

    # Outcomes of each kind, one corrected (its confirmation starts over), answers both ways.
    recorded = []
    for index, kind in enumerate(
        ["hk_entity_incorporated", "funds_raised", "market_entered", "jobs_created", "rnd_hub"]
    ):
        recorded.append(
            services.outcome_record(
                case=fresh[4 - index % 2],
                actor=officer,
                kind=kind,
                achieved_on=TODAY - datetime.timedelta(days=index),
                amount=Decimal(12_000_000) if kind == "funds_raised" else None,
                currency="USD" if kind == "funds_raised" else "",
                route="ipo" if kind == "funds_raised" else "",
                country=countries[0] if kind == "market_entered" else None,
                jobs=40 if kind == "jobs_created" else None,
            )
        )
    for outcome in recorded[:3]:
        outcome.refresh_from_db()
        if outcome.confirmation == "requested":
            services.outcome_confirmation_answer(
                outcome=outcome, answer=services.Answer(agrees=True, rating=4)
            )
    recorded[1].refresh_from_db()
    services.outcome_update(
        outcome=recorded[1],
        actor=officer,
        changes=services.OutcomeChanges(
            achieved_on=TODAY - datetime.timedelta(days=3),
            amount=Decimal(15_000_000),
            currency="EUR",
            route="debt",
        ),
    )
    recorded[2].refresh_from_db()
    services.outcome_update(
        outcome=recorded[2],
        actor=officer,
        changes=services.OutcomeChanges(achieved_on=TODAY, country=countries[1]),
    )

    # Referrals: sent, accepted and completed; another declined.
    for case, finish in ((fresh[2], True), (fresh[4], False)):
        referral = services.referral_propose(case=case, need=need, provider=provider, actor=officer)
        referral = services.referral_send(referral=referral, actor=officer, seen_version=1)
        if finish:
            referral = services.referral_accept(
                referral=referral, actor=member.user, seen_version=2
            )
            services.referral_complete(
                referral=referral, actor=member.user, seen_version=3, outcome="完成"
            )
        else:
            services.referral_decline(
                referral=referral, actor=member.user, seen_version=2, reason="满"
            )

    # Older cases of the random world moved back and sideways.
    for case in Case.objects.filter(stage="matched", deleted_at__isnull=True)[:2]:
        _walk(case, ["dormant", "lead"], officer)

    # The enterprise's profile changes city: its cases count under the new one.
    enterprise = Enterprise.objects.get(pk=fresh[2].enterprise_id)
    enterprise_services.enterprise_update(
        actor=officer,
        enterprise=enterprise,
        seen_version=enterprise.version,
        data=enterprise_services.EnterpriseInput(
            values={"city": cities[0], "province": cities[0].province or cities[0]}
        ),
    )

    # Two duplicate records merged: the merged one's case moves to the kept one.
    kept = EnterpriseFactory(province=cities[1].province or cities[1], city=cities[1])
    merged = Enterprise.objects.get(pk=fresh[3].enterprise_id)
    enterprise_merge(
        actor=officer,
        kept=kept,
        merged=merged,
        kept_version=kept.version,
        merged_version=merged.version,
    )

    # Deletions: a case, an enterprise with its case; an erasure keeps the counts.
    services.case_delete(case=Case.objects.get(pk=fresh[0].pk), actor=officer)
    gone = Enterprise.objects.get(pk=fresh[1].enterprise_id)
    enterprise_services.enterprise_delete(actor=officer, enterprise=gone)
    erased = Enterprise.objects.get(pk=fresh[4].enterprise_id)
    enterprise_erase(actor=officer, enterprise=erased, reason="请求删除")

    # The provider's category changes: referrals count under the new one.
    provider = ServiceProvider.objects.get(pk=provider.pk)
    provider_services.provider_update(
        actor=UserFactory(role=Role.ADMIN),
        provider=provider,
        seen_version=provider.version,
        data=provider_services.ProviderInput(values={"category": "bank"}),
    )

    # Confirmations answered last, on the random world's outcomes: agreed, disputed, withdrawn,
    # and an expired second request marked unconfirmed.
    waiting = list(Outcome.objects.filter(confirmation="requested").order_by("pk")[:4])
    assert len(waiting) == 4
    services.outcome_confirmation_answer(
        outcome=waiting[0], answer=services.Answer(agrees=True, rating=5)
    )
    services.outcome_confirmation_answer(
        outcome=waiting[1], answer=services.Answer(agrees=False, comment="数字有误")
    )
    services.outcome_confirmation_withdraw(outcome=waiting[2], actor=officer)
    Outcome.objects.filter(pk=waiting[3].pk).update(confirmation_sends=2)
    outcome_confirmation_follow_up(
        outcome=Outcome.objects.get(pk=waiting[3].pk), now=timezone.now(), send_email=False
    )


@pytest.fixture(scope="module")
def built_world(django_db_setup, django_db_blocker):
    """The random world and its rollup, built once for this module inside a transaction rolled
    back when the module ends; each test runs in a savepoint of its own, so the writes of one
    (a mix through the services, a figure edited by hand) are gone before the next starts."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_world()
        rollup.rollup_rebuild()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def world(built_world, db):
    recompute.reset()


def test_the_rebuilt_rollup_gives_every_figure_the_direct_query_gives(world):
    assert rollup.rollup_differences([*PERIODS, *RECENT]) == []
    assert DailyFigure.objects.filter(dimension="").exists()


def test_the_rollup_follows_a_mix_of_writes_through_the_services(world):
    _write_a_mix()
    recompute.reset()
    periods = [*PERIODS, *RECENT]
    assert rollup.rollup_differences(periods) == []
    # And against the plain Python recomputation: every KPI, every dimension.
    for by in [None, *DIMENSIONS]:
        for period, report in zip(periods, kpi_reports(periods=periods, by=by), strict=True):
            expected = recompute.recompute(period, by)
            for code, figure in report.kpis.items():
                assert figure.as_json() == expected[code], (code, by, period)
    # Rebuilding from the source tables gives the same rows the writes left.
    left = [row for row in _table() if row[5]]
    rollup.rollup_rebuild()
    assert _table() == left


def test_the_figures_come_from_the_rollup_once_built(world):
    today = kpi_report(period=Period(), codes=["cases.in_stage"]).kpis["cases.in_stage"]
    row = DailyFigure.objects.filter(kpi="cases.in_stage", dimension="").first()
    DailyFigure.objects.filter(pk=row.pk).update(counted=row.counted + 5)
    read = kpi_report(period=Period(), codes=["cases.in_stage"]).kpis["cases.in_stage"]
    direct = kpi_report(period=Period(), codes=["cases.in_stage"], use_rollup=False)
    assert read.recorded == today.recorded + 5
    assert direct.kpis["cases.in_stage"].recorded == today.recorded
    assert any("cases.in_stage by total" in line for line in rollup.rollup_differences())
    # Until it is built again the direct query answers.
    RollupBuild.objects.all().delete()
    after = kpi_report(period=Period(), codes=["cases.in_stage"]).kpis["cases.in_stage"]
    assert after.recorded == today.recorded


def test_a_failed_write_leaves_the_rollup_as_it_was(world):
    officer = UserFactory(role=Role.OFFICER)
    case = Case.objects.filter(stage="lead", deleted_at__isnull=True).first()
    before = _table()
    with pytest.raises(StaleRecordError):
        services.case_move(
            case=case, target="qualified", actor=officer, seen_version=case.version - 1
        )
    # A service that succeeded inside a transaction that then fails: rolled back together.
    seen: list[bool] = []

    def write_then_fail() -> None:
        with transaction.atomic():
            services.case_move(
                case=case, target="qualified", actor=officer, seen_version=case.version
            )
            services.outcome_record(
                case=case, actor=officer, kind="jobs_created", achieved_on=TODAY, jobs=7
            )
            seen.append(_table() != before)
            raise RuntimeError("the rest of the write failed")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert seen == [True]
    assert _table() == before
    assert Outcome.objects.filter(case=case, jobs=7).count() == 0
    assert Referral.objects.exists()


def test_the_command_rebuilds_and_checks(world, capsys):
    call_command("kpis_rollup", "--rebuild", "--check")
    out = capsys.readouterr().out
    assert "rollup rebuilt" in out
    assert "equals the direct count" in out
    row = DailyFigure.objects.filter(kpi="referrals.made", dimension="city").first()
    DailyFigure.objects.filter(pk=row.pk).update(counted=row.counted + 1)
    with pytest.raises(CommandError, match="differ"):
        call_command("kpis_rollup", "--check")
    with pytest.raises(CommandError):
        call_command("kpis_rollup")
