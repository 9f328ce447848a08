"""The timeline and the change history print labels and names, not codes and ids."""

import datetime

import pytest
from django.utils import translation

from goglobal.cases import history
from goglobal.cases import services as case_services
from goglobal.cases.models import CaseEvent
from goglobal.cases.tests.factories import CaseFactory, ReferralFactory
from goglobal.providers.tests.factories import ServiceProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def worked_case(officer, make_user):
    case = CaseFactory(owner=officer)
    case = case_services.case_move(
        case=case, target="qualified", actor=officer, seen_version=case.version
    )
    colleague = make_user("officer", full_name="黄嘉欣")
    case_services.case_assign(cases=[case], owner=colleague, actor=officer)
    case.refresh_from_db()
    changes = case_services.CaseChanges(values={"priority": "low", "next_action": "寄送资料"})
    case = case_services.case_update(
        case=case, actor=officer, seen_version=case.version, changes=changes
    )
    provider = ServiceProviderFactory(name_en="Harbourview Legal LLP")
    referral = ReferralFactory(case=case, provider=provider)
    case_services.referral_send(referral=referral, actor=officer, seen_version=referral.version)
    case_services.task_add(
        case=case,
        actor=officer,
        follow_up=case_services.FollowUp("寄送资料", datetime.date(2026, 12, 1)),
    )
    return case, colleague, referral


def test_the_timeline_reads_in_the_readers_language(worked_case):
    case, _colleague, _referral = worked_case
    events = list(CaseEvent.objects.filter(case=case).select_related("actor"))

    with translation.override("en"):
        english = {line.kind: line.detail for line in history.timeline_for(events)}
    with translation.override("zh-hans"):
        chinese = [line.detail for line in history.timeline_for(events)]

    assert english["stage changed"] == "lead → qualified"
    assert english["owner changed"].endswith("→ 黄嘉欣")
    assert english["details changed"] == "priority, next action"
    assert english["referral changed"] == (
        "Harbourview Legal LLP, Company formation and legal structure: proposed → sent"
    )
    assert "qualified" not in " ".join(chinese)
    assert "needs_assessed" not in " ".join(chinese)


def test_the_history_names_fields_values_and_people(worked_case, officer):
    case, _colleague, referral = worked_case

    with translation.override("en"):
        rows = history.case_history_for(case=case, referrals=[referral])

    changes = {(c.field, c.old, c.new) for row in rows for c in row.changes}
    assert ("stage", "lead", "qualified") in changes
    assert ("owner", str(officer), "黄嘉欣") in changes
    assert ("priority", "high", "low") in changes
    assert ("status", "—", "proposed") in changes or ("status", "proposed", "sent") in changes
    assert {row.record for row in rows} == {"case", "referral"}


def test_the_case_page_prints_no_stage_code(client, officer, worked_case):
    case, _colleague, referral = worked_case
    client.force_login(officer)
    client.cookies["goglobal_language"] = "zh-hant"

    body = client.get(case.get_absolute_url()).content.decode()

    timeline = body[body.index('id="timeline"') :]
    assert "qualified" not in timeline
    assert "['lead'" not in body
    assert f"{referral.provider.name_zh_hant}、公司成立及法律架構：擬議 → 已傳送" in timeline
