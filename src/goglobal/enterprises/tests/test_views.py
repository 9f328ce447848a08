import pytest
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.tests.factories import (
    ContactFactory,
    EnterpriseFactory,
    EnterpriseMemberFactory,
    EnterpriseNeedFactory,
    social_credit_code,
)
from goglobal.knowledge.models import AdministrativeArea, NeedCode, Sector
from goglobal.providers.tests.factories import ProviderMemberFactory

pytestmark = pytest.mark.django_db

INTERNAL = [Role.ADMIN, Role.OFFICER, Role.ORGANISER, Role.ANALYST]


def _registration_post(code):
    need = NeedCode.objects.get(code="fundraising.ipo")
    return {
        "account-full_name": "张伟",
        "account-job_title": "董事长",
        "account-email": "zhang@example.cn",
        "account-phone": "",
        "account-password": "a-long-password-2026",
        "account-password_again": "a-long-password-2026",
        "account-has_consent": "on",
        "profile-name_zh": "合肥星链储能科技有限公司",
        "profile-name_en": "Hefei Xinglian Energy Storage",
        "profile-social_credit_code": code,
        "profile-province": AdministrativeArea.objects.get(code="340000").pk,
        "profile-city": AdministrativeArea.objects.get(code="340100").pk,
        "profile-sector": Sector.objects.get(code="38").pk,
        "profile-employee_band": "300_999",
        "profile-revenue_band": "200m_1b",
        "profile-ownership": "private",
        "profile-listing_status": "unlisted",
        "profile-hs_codes": "8507; 850760",
        "profile-description": "储能系统制造商，计划在中东建厂。",
        f"needs-need_{need.pk}": "on",
        f"needs-priority_{need.pk}": "high",
        f"needs-timeline_{need.pk}": "0_3m",
    }


def test_registration_defaults_to_simplified_chinese(client):
    response = client.get(reverse("enterprises:register"))

    assert response.status_code == 200
    assert 'lang="zh-Hans"' in response.content.decode()


def test_registration_respects_an_english_browser(client):
    response = client.get(reverse("enterprises:register"), HTTP_ACCEPT_LANGUAGE="en-GB,en")

    assert 'lang="en"' in response.content.decode()


def test_registration_creates_the_enterprise_and_signs_in_from_the_emailed_link(client):
    import re

    from django.core import mail

    code = social_credit_code(901, "340100")

    response = client.post(reverse("enterprises:register"), _registration_post(code))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:registration_sent")
    enterprise = Enterprise.objects.get(social_credit_code=code)
    assert enterprise.hs_codes == ["8507", "850760"]
    assert enterprise.needs.get().priority == "high"
    assert client.get(reverse("enterprises:portal")).status_code == 302  # not yet verified
    link = re.search(r"https?://testserver(/accounts/verify/\S+/)", mail.outbox[-1].body)[1]
    assert client.get(link).status_code == 302
    portal = client.get(reverse("enterprises:portal"))
    assert "合肥星链储能科技有限公司" in portal.content.decode()


def test_registration_with_a_bad_code_shows_a_field_error_and_keeps_input(client):
    data = _registration_post("91340100MA2XXXXXX1")

    response = client.post(reverse("enterprises:register"), data, HTTP_ACCEPT_LANGUAGE="en")

    body = response.content.decode()
    assert response.status_code == 200
    assert "Unified Social Credit Code" in body
    assert "合肥星链储能科技有限公司" in body
    assert not Enterprise.objects.exists()


@pytest.mark.parametrize("role", INTERNAL)
def test_internal_roles_see_any_enterprise(client, make_user, role):
    enterprise = EnterpriseFactory()
    client.force_login(make_user(role))

    response = client.get(enterprise.get_absolute_url())

    assert response.status_code == 200


def test_provider_member_cannot_read_an_enterprise(client):
    enterprise = EnterpriseFactory()
    contact = ContactFactory(enterprise=enterprise)
    member = ProviderMemberFactory()
    client.force_login(member.user)

    response = client.get(enterprise.get_absolute_url())

    assert response.status_code == 404
    assert contact.email not in response.content.decode()


def test_enterprise_member_sees_only_its_own(client):
    mine = EnterpriseMemberFactory()
    other = EnterpriseFactory()
    client.force_login(mine.user)

    assert client.get(mine.enterprise.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.get(reverse("enterprises:edit", args=[other.pk])).status_code == 404
    assert client.get(reverse("enterprises:list")).status_code == 403


@pytest.mark.parametrize(
    ("role", "sees_contacts"),
    [(Role.ADMIN, True), (Role.OFFICER, True), (Role.ORGANISER, False), (Role.ANALYST, False)],
)
def test_only_the_task_force_sees_contacts(client, make_user, role, sees_contacts):
    contact = ContactFactory()
    client.force_login(make_user(role))

    response = client.get(contact.enterprise.get_absolute_url())

    assert (contact.email in response.content.decode()) is sees_contacts


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.ADMIN, 302), (Role.OFFICER, 302), (Role.ORGANISER, 404), (Role.ANALYST, 404)],
)
def test_who_may_edit_an_enterprise(client, make_user, role, status):
    enterprise = EnterpriseFactory(name_en="Before Ltd.")
    client.force_login(make_user(role))
    data = {
        "version": enterprise.version,
        "name_zh": enterprise.name_zh,
        "name_en": "After Ltd.",
        "social_credit_code": enterprise.social_credit_code,
        "province": enterprise.province_id,
        "city": enterprise.city_id,
        "sector": enterprise.sector_id,
        "employee_band": enterprise.employee_band,
        "revenue_band": enterprise.revenue_band,
        "ownership": enterprise.ownership,
        "listing_status": enterprise.listing_status,
        "description": enterprise.description,
    }

    response = client.post(reverse("enterprises:edit", args=[enterprise.pk]), data)

    assert response.status_code == status
    expected = "After Ltd." if status == 302 else "Before Ltd."
    assert Enterprise.objects.get(pk=enterprise.pk).name_en == expected


def test_a_stale_edit_keeps_the_input_and_says_why(client, officer):
    enterprise = EnterpriseFactory(name_en="Before Ltd.")
    Enterprise.objects.filter(pk=enterprise.pk).update(version=2)
    client.force_login(officer)
    data = {
        "version": 1,
        "name_zh": enterprise.name_zh,
        "name_en": "My unsaved edit",
        "social_credit_code": enterprise.social_credit_code,
        "province": enterprise.province_id,
        "city": enterprise.city_id,
        "sector": enterprise.sector_id,
        "employee_band": enterprise.employee_band,
        "revenue_band": enterprise.revenue_band,
        "ownership": enterprise.ownership,
        "listing_status": enterprise.listing_status,
    }

    response = client.post(
        reverse("enterprises:edit", args=[enterprise.pk]), data, HTTP_ACCEPT_LANGUAGE="en"
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "changed by someone else" in body
    assert "My unsaved edit" in body
    assert Enterprise.objects.get(pk=enterprise.pk).name_en == "Before Ltd."


def test_list_filters_by_need_and_finds_traditional_spelling(client, officer):
    wanted = EnterpriseFactory(name_zh="广州国际物流有限公司")
    EnterpriseNeedFactory(enterprise=wanted)
    EnterpriseFactory(name_zh="杭州茶叶有限公司")
    client.force_login(officer)

    response = client.get(reverse("enterprises:list"), {"q": "國際物流", "need": "legal.setup"})

    body = response.content.decode()
    assert "广州国际物流有限公司" in body
    assert "杭州茶叶有限公司" not in body


@pytest.mark.parametrize("rows", [3, 30])
def test_list_query_count_does_not_grow(client, officer, django_assert_max_num_queries, rows):
    for _ in range(rows):
        EnterpriseNeedFactory(enterprise=EnterpriseFactory())
    client.force_login(officer)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("enterprises:list"))

    assert response.status_code == 200


@pytest.mark.parametrize("needs", [1, 10])
def test_profile_query_count_does_not_grow(client, officer, django_assert_max_num_queries, needs):
    enterprise = EnterpriseFactory()
    for code in NeedCode.objects.all()[:needs]:
        EnterpriseNeedFactory(enterprise=enterprise, need=code)
        ContactFactory(enterprise=enterprise)
    client.force_login(officer)

    with django_assert_max_num_queries(16):
        response = client.get(enterprise.get_absolute_url())

    assert response.status_code == 200


def test_member_edits_needs_of_its_enterprise(client):
    member = EnterpriseMemberFactory()
    EnterpriseNeedFactory(enterprise=member.enterprise)
    ipo = NeedCode.objects.get(code="fundraising.ipo")
    client.force_login(member.user)
    data = {f"need_{ipo.pk}": "on", f"priority_{ipo.pk}": "high", f"timeline_{ipo.pk}": "0_3m"}
    for need in NeedCode.objects.exclude(pk=ipo.pk):
        data[f"priority_{need.pk}"] = "medium"
        data[f"timeline_{need.pk}"] = "3_6m"

    response = client.post(reverse("enterprises:needs", args=[member.enterprise.pk]), data)

    assert response.status_code == 302
    assert [n.need.code for n in member.enterprise.needs.all()] == ["fundraising.ipo"]


@pytest.mark.parametrize(
    ("role", "status", "removed"),
    [
        (Role.OFFICER, 302, True),
        (Role.ANALYST, 403, False),
        (Role.ORGANISER, 403, False),
    ],
)
def test_who_may_remove_an_enterprise(client, make_user, role, status, removed):
    enterprise = EnterpriseFactory()
    client.force_login(make_user(role))

    response = client.post(reverse("enterprises:delete", args=[enterprise.pk]))

    assert response.status_code == status
    assert (Enterprise.objects.get(pk=enterprise.pk).deleted_at is not None) is removed


def test_a_member_cannot_remove_its_enterprise(client):
    member = EnterpriseMemberFactory()
    client.force_login(member.user)

    response = client.post(reverse("enterprises:delete", args=[member.enterprise.pk]))

    assert response.status_code == 403
    assert Enterprise.objects.get(pk=member.enterprise.pk).deleted_at is None


def test_a_removed_enterprise_leaves_the_list(client, officer):
    enterprise = EnterpriseFactory(name_zh="已移除企业有限公司")
    client.force_login(officer)
    client.post(reverse("enterprises:delete", args=[enterprise.pk]))

    assert "已移除企业有限公司" not in client.get(reverse("enterprises:list")).content.decode()
    assert client.get(enterprise.get_absolute_url()).status_code == 404


def test_consent_given_through_the_form_is_recorded(client, officer):
    contact = ContactFactory(has_consent=False)
    client.force_login(officer)

    response = client.post(
        reverse("enterprises:contact_edit", args=[contact.enterprise.pk, contact.pk]),
        {"full_name": contact.full_name, "email": contact.email, "has_consent": "on"},
    )

    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.has_consent
    assert contact.consent_recorded_at is not None
    assert contact.consent_recorded_by == officer
