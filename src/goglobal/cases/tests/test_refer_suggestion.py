import pytest
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.cases.models import Case, Referral
from goglobal.cases.tests.factories import CaseFactory
from goglobal.core.models import AuditEvent
from goglobal.enterprises.tests.factories import (
    EnterpriseFactory,
    EnterpriseMemberFactory,
    EnterpriseNeedFactory,
)
from goglobal.knowledge.models import NeedCode
from goglobal.matching import services as matching_services
from goglobal.providers.tests.factories import ProviderMemberFactory, ServiceProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggestion(officer):
    need = NeedCode.objects.get(code="tax.planning")
    enterprise = EnterpriseFactory()
    EnterpriseNeedFactory(enterprise=enterprise, need=need)
    provider = ServiceProviderFactory(name_en="Alpha Tax", category="accounting_tax")
    provider.needs.add(need)
    return matching_services.match_suggest(enterprise=enterprise, need=need, actor=officer)[0]


def test_refer_as_draft_opens_a_case_and_proposes_the_referral_with_its_origin(
    client, officer, suggestion
):
    client.force_login(officer)

    response = client.post(reverse("cases:refer_suggestion", args=[suggestion.pk]), {"draft": "1"})

    case = Case.objects.get(enterprise=suggestion.enterprise)
    referral = Referral.objects.get(case=case)
    assert response.status_code == 302
    assert response.url == f"{case.get_absolute_url()}#referrals"
    assert case.origin == "outreach"
    assert (referral.need, referral.provider, referral.status) == (
        suggestion.need,
        suggestion.provider,
        "proposed",
    )
    audit = AuditEvent.objects.get(
        target_id=str(referral.pk), changes__from_suggestion=suggestion.pk
    )
    assert audit.changes["engine_version"] == suggestion.engine_version


def test_refer_uses_the_open_case_and_does_not_duplicate(client, officer, suggestion):
    case = CaseFactory(enterprise=suggestion.enterprise)
    client.force_login(officer)

    first = client.post(reverse("cases:refer_suggestion", args=[suggestion.pk]))
    second = client.post(
        reverse("cases:refer_suggestion", args=[suggestion.pk]), follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )  # fmt: skip

    assert first.url == f"{case.get_absolute_url()}#referrals"
    assert Case.objects.filter(enterprise=suggestion.enterprise).count() == 1
    assert Referral.objects.filter(case=case).count() == 1
    assert "already been referred" in second.content.decode()


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ORGANISER])
def test_refer_is_for_the_task_force_only(client, make_user, role, suggestion):
    client.force_login(make_user(role))

    response = client.post(reverse("cases:refer_suggestion", args=[suggestion.pk]))

    assert response.status_code == 404
    assert not Case.objects.exists()
    assert not Referral.objects.exists()


def test_members_cannot_refer(client, suggestion):
    for user in (
        EnterpriseMemberFactory(enterprise=suggestion.enterprise).user,
        ProviderMemberFactory(provider=suggestion.provider).user,
    ):
        client.force_login(user)
        response = client.post(reverse("cases:refer_suggestion", args=[suggestion.pk]))
        assert response.status_code in (403, 404)
    assert not Case.objects.exists()
    assert not Referral.objects.exists()


def test_refer_needs_post(client, officer, suggestion):
    client.force_login(officer)

    assert client.get(reverse("cases:refer_suggestion", args=[suggestion.pk])).status_code == 405


def test_matching_page_shows_refer_buttons_to_officers(client, officer, suggestion):
    client.force_login(officer)

    page = client.get(reverse("matching:enterprise", args=[suggestion.enterprise_id]))

    assert reverse("cases:refer_suggestion", args=[suggestion.pk]) in page.content.decode()
