import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from goglobal.cases import services
from goglobal.cases.models import Case, CaseEvent, Outcome, Referral, ReferralEvent, Task
from goglobal.cases.tests.factories import CaseFactory, ReferralFactory, TaskFactory
from goglobal.core.errors import DomainError, StaleRecordError
from goglobal.core.models import AuditEvent
from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.knowledge.models import Country, NeedCode
from goglobal.providers.tests.factories import ProviderMemberFactory, ServiceProviderFactory

pytestmark = pytest.mark.django_db


def test_open_a_case_records_who_and_when(officer):
    enterprise = EnterpriseFactory()

    case = services.case_open(actor=officer, enterprise=enterprise, origin="event", owner=officer)

    assert case.stage == "lead"
    assert case.events.get().kind == CaseEvent.Kind.OPENED
    assert AuditEvent.objects.filter(target_type="cases.case", action="created").exists()
    with pytest.raises(DomainError):
        services.case_open(actor=officer, enterprise=enterprise, origin="event")


def test_walk_the_whole_pipeline(officer):
    case = CaseFactory()
    path = ["qualified", "needs_assessed", "matched", "in_progress", "landed_hk", "expanded_abroad"]

    for target in path:
        case = services.case_move(
            case=case, target=target, actor=officer, seen_version=case.version
        )

    assert case.stage == "expanded_abroad"
    moves = case.events.filter(kind=CaseEvent.Kind.STAGE_MOVED).order_by("id")
    assert [e.data["to"] for e in moves] == path
    assert all(e.actor == officer for e in moves)


def test_refused_move_changes_nothing(officer):
    case = CaseFactory()

    with pytest.raises(DomainError) as error:
        services.case_move(case=case, target="landed_hk", actor=officer, seen_version=1)

    assert "cannot move" in error.value.message
    case.refresh_from_db()
    assert (case.stage, case.version) == ("lead", 1)
    assert not case.events.exists()


def test_closing_needs_a_reason(officer):
    case = CaseFactory(stage="matched")

    with pytest.raises(DomainError):
        services.case_move(case=case, target="closed", actor=officer, seen_version=1)
    case = services.case_move(
        case=case, target="closed", actor=officer, seen_version=1, reason="转向欧洲市场"
    )

    assert case.closed_reason == "转向欧洲市场"


def test_stale_move_is_refused_and_the_first_save_kept(officer, make_user):
    case = CaseFactory()
    other = make_user("officer")
    services.case_move(
        case=Case.objects.get(pk=case.pk), target="qualified", actor=other, seen_version=1
    )

    with pytest.raises(StaleRecordError):
        services.case_move(case=case, target="dormant", actor=officer, seen_version=1)

    case.refresh_from_db()
    assert case.stage == "qualified"
    assert case.events.count() == 1


def test_stale_update_loses_nothing(officer, make_user):
    case = CaseFactory()
    first = services.CaseChanges(values={"next_action": "安排银行开户"})
    services.case_update(
        case=Case.objects.get(pk=case.pk), actor=officer, seen_version=1, changes=first
    )

    with pytest.raises(StaleRecordError):
        services.case_update(
            case=case,
            actor=make_user("officer"),
            seen_version=1,
            changes=services.CaseChanges(values={"next_action": "其他"}),
        )

    case.refresh_from_db()
    assert case.next_action == "安排银行开户"
    assert case.version == 2


def test_bulk_reassign(officer, make_user):
    cases = CaseFactory.create_batch(3)
    new_owner = make_user("officer")

    changed = services.case_assign(cases=cases, owner=new_owner, actor=officer)

    assert changed == 3
    assert Case.objects.filter(owner=new_owner).count() == 3
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.ASSIGNED).count() == 3
    with pytest.raises(DomainError):
        services.case_assign(cases=cases, owner=make_user("analyst"), actor=officer)


def test_outcomes_are_structured(officer):
    case = CaseFactory()

    with pytest.raises(ValidationError):
        services.outcome_record(
            case=case, actor=officer, kind="funds_raised", achieved_on=timezone.localdate()
        )
    outcome = services.outcome_record(
        case=case,
        actor=officer,
        kind="funds_raised",
        achieved_on=timezone.localdate(),
        amount=150_000_000,
        currency="hkd",
        route="ipo",
    )
    services.outcome_record(
        case=case,
        actor=officer,
        kind="market_entered",
        achieved_on=timezone.localdate(),
        country=Country.objects.get(code="VN"),
    )

    assert outcome.currency == "HKD"
    assert Outcome.objects.filter(case=case).count() == 2
    assert case.events.filter(kind=CaseEvent.Kind.OUTCOME).count() == 2


def test_interaction_with_follow_up_creates_a_task(officer):
    case = CaseFactory(owner=officer)
    due = timezone.localdate() + datetime.timedelta(days=3)

    interaction = services.interaction_log(
        case=case,
        actor=officer,
        kind="call",
        occurred_on=timezone.localdate(),
        summary="电话沟通上市时间表",
        follow_up=services.FollowUp(title="发送保荐人名单", due_on=due),
    )

    task = Task.objects.get(interaction=interaction)
    assert (task.assignee, task.due_on) == (officer, due)
    services.task_complete(task=task, actor=officer)
    task.refresh_from_db()
    assert task.is_done
    assert case.events.filter(kind=CaseEvent.Kind.TASK_DONE).exists()


def test_referral_lifecycle_is_timestamped(officer):
    case = CaseFactory()
    provider = ServiceProviderFactory()
    member = ProviderMemberFactory(provider=provider).user
    need = NeedCode.objects.get(code="legal.setup")

    referral = services.referral_propose(case=case, need=need, provider=provider, actor=officer)
    referral = services.referral_send(referral=referral, actor=officer, seen_version=1)
    referral = services.referral_accept(referral=referral, actor=member, seen_version=2)
    referral = services.referral_progress(
        referral=referral, actor=member, seen_version=3, note="已提交公司注册文件"
    )
    referral = services.referral_complete(
        referral=referral, actor=member, seen_version=4, outcome="香港公司已注册"
    )

    statuses = list(
        ReferralEvent.objects.filter(referral=referral).values_list("to_status", flat=True)
    )
    assert statuses == ["proposed", "sent", "accepted", "in_progress", "completed"]
    assert referral.sent_at
    assert referral.answered_at
    assert referral.outcome == "香港公司已注册"


def test_provider_cannot_skip_or_officer_cannot_accept(officer):
    referral = ReferralFactory()
    member = ProviderMemberFactory(provider=referral.provider).user

    with pytest.raises(DomainError):
        services.referral_accept(referral=referral, actor=member, seen_version=1)
    sent = services.referral_send(referral=referral, actor=officer, seen_version=1)
    with pytest.raises(DomainError):
        services.referral_accept(referral=sent, actor=officer, seen_version=sent.version)
    with pytest.raises(DomainError):
        services.referral_decline(
            referral=sent, actor=member, seen_version=sent.version, reason=" "
        )

    assert Referral.objects.get(pk=referral.pk).status == "sent"


def test_overdue_referrals_use_the_setting(settings):
    settings.GOGLOBAL_REFERRAL_REPLY_DAYS = 3
    old = ReferralFactory(sent=True)
    Referral.objects.filter(pk=old.pk).update(sent_at=timezone.now() - datetime.timedelta(days=4))
    ReferralFactory(sent=True)

    assert list(services.referrals_overdue()) == [old]


def test_daily_digest_emails_each_officer(mailoutbox, officer):
    TaskFactory(case=CaseFactory(owner=officer), assignee=officer)
    TaskFactory(
        case=CaseFactory(owner=officer),
        assignee=officer,
        due_on=timezone.localdate() + datetime.timedelta(days=5),
    )

    sent = services.digest_send()

    assert sent == 1
    assert mailoutbox[0].to == [officer.email]
    assert "发送开户资料清单" in mailoutbox[0].body


def test_digest_command_runs_the_task(mailoutbox, officer):
    from django.core.management import call_command

    TaskFactory(case=CaseFactory(owner=officer), assignee=officer)

    call_command("cases_digest")

    assert len(mailoutbox) == 1
