"""The enterprise's status page: what happens next, by when, who its contact officer is, its
stage, its referrals and its roadmap; where sign-in lands."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from goglobal.accounts.models import Role
from goglobal.accounts.tests.factories import UserFactory
from goglobal.cases import rules
from goglobal.cases.tests.factories import CaseFactory, ReferralFactory
from goglobal.enterprises.tests.factories import EnterpriseMemberFactory
from goglobal.knowledge.models import NeedCode

pytestmark = pytest.mark.django_db

STATUS = "cases:enterprise_case"


def test_working_days_skip_weekends():
    friday = datetime.date(2026, 12, 4)
    assert rules.add_working_days(friday, 1) == datetime.date(2026, 12, 7)
    assert rules.add_working_days(friday, 5) == datetime.date(2026, 12, 11)
    assert rules.add_working_days(friday, 0) == friday


def test_sign_in_home_leads_an_enterprise_member_to_its_status_page(client):
    client.force_login(EnterpriseMemberFactory().user)

    response = client.get(reverse("accounts:home"))

    assert response["Location"] == reverse(STATUS)


@override_settings(GOGLOBAL_INTAKE_REVIEW_DAYS=5)
def test_without_a_case_the_page_says_when_the_case_will_be_opened(client):
    member = EnterpriseMemberFactory()
    client.force_login(member.user)
    registered = timezone.localdate(member.enterprise.created_at)
    by = rules.add_working_days(registered, 5)

    english = client.get(reverse(STATUS), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(reverse(STATUS), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert f"opens your case by {by:%Y-%m-%d}" in english
    assert "not assigned yet" in english
    assert f"于{by:%Y-%m-%d}前为您开立个案" in chinese


def test_with_a_case_the_page_names_the_officer_the_stage_and_the_next_date(client):
    officer = UserFactory(role=Role.OFFICER, full_name="黄嘉敏", email="kaman.wong@example.hk")
    case = CaseFactory(stage="matched", owner=officer)
    accepted = ReferralFactory(case=case, accepted=True)
    accepted.provider.name_zh_hans = "港景律师事务所"
    accepted.provider.save(update_fields=["name_zh_hans"])
    ReferralFactory(case=case, sent=True, need=NeedCode.objects.get(code="fundraising.ipo"))
    ReferralFactory(case=case, need=NeedCode.objects.get(code="tax.planning"))  # draft: unseen
    client.force_login(EnterpriseMemberFactory(enterprise=case.enterprise).user)

    response = client.get(reverse(STATUS), HTTP_ACCEPT_LANGUAGE="zh-hans")

    body = response.content.decode()
    view = response.context["view"]
    assert (view.stage, view.officer_name, view.waiting) == ("matched", "黄嘉敏", 1)
    assert view.referrals == [accepted]
    assert "kaman.wong@example.hk" in body
    assert "港景律师事务所" in body
    assert f"{case.next_action_on:%Y-%m-%d}" in body
    assert "正在为您引荐香港服务机构" in body
    assert "有 1 项引荐正在等待服务机构答复" in body


def test_the_status_page_is_for_enterprise_members_only(client, make_user):
    for role in ["admin", "officer", "analyst", "organiser", "provider_member"]:
        client.force_login(make_user(role))
        assert client.get(reverse(STATUS)).status_code == 404


def test_a_member_sees_only_its_own_enterprise(client):
    mine = EnterpriseMemberFactory()
    other = CaseFactory(stage="in_progress")
    ReferralFactory(case=other, accepted=True)
    client.force_login(mine.user)

    view = client.get(reverse(STATUS)).context["view"]

    assert view.enterprise == mine.enterprise
    assert (view.has_case, view.referrals) == (False, [])
