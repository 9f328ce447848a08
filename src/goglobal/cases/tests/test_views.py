import pytest
from django.urls import reverse

from goglobal.cases.models import Case, CaseEvent, Referral, SavedFilter
from goglobal.cases.tests.factories import CaseFactory, ReferralFactory, TaskFactory
from goglobal.enterprises.tests.factories import (
    ContactFactory,
    EnterpriseMemberFactory,
    EnterpriseNeedFactory,
)
from goglobal.providers.tests.factories import ProviderMemberFactory, ServiceProviderFactory

pytestmark = pytest.mark.django_db

ROLES = ["admin", "officer", "analyst", "organiser", "enterprise_member", "provider_member"]
EDITORS = {"admin", "officer"}
READERS = {"admin", "officer", "analyst"}


def _state(case):
    case.refresh_from_db()
    return (case.stage, case.version, case.owner_id, case.next_action, case.events.count())


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["cases:board", "cases:list"])
def test_pipeline_pages_by_role(client, make_user, role, page):
    CaseFactory()
    client.force_login(make_user(role))

    response = client.get(reverse(page))

    assert response.status_code == (200 if role in READERS else 404)


@pytest.mark.parametrize("role", ROLES)
def test_case_page_by_role(client, make_user, role):
    case = CaseFactory()
    client.force_login(make_user(role))

    response = client.get(case.get_absolute_url())

    assert response.status_code == (200 if role in READERS else 404)


def _post_move(case):
    return "cases:move", {"target": "qualified", "seen_version": case.version}


def _post_update(case):
    return "cases:update", {
        "version": case.version,
        "priority": "low",
        "origin": "event",
        "next_action": "变更",
        "owner": "",
    }


def _post_interaction(case):
    return "cases:interaction_add", {
        "kind": "call",
        "occurred_on": "2026-01-05",
        "summary": "通话",
    }


def _post_outcome(case):
    return "cases:outcome_add", {"kind": "hk_entity_incorporated", "achieved_on": "2026-01-05"}


def _post_referral(case):
    EnterpriseNeedFactory(enterprise=case.enterprise)
    provider = ServiceProviderFactory()
    need = case.enterprise.needs.get().need_id
    return "cases:referral_add", {"need": need, "providers": [provider.pk], "send": "on"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "action", [_post_move, _post_update, _post_interaction, _post_outcome, _post_referral]
)
def test_case_writes_by_role(client, make_user, role, action):
    case = CaseFactory()
    name, data = action(case)
    before = _state(case)
    client.force_login(make_user(role))

    response = client.post(reverse(name, args=[case.pk]), data)

    if role in EDITORS:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert _state(case) != before
    else:
        assert response.status_code == 404
        assert _state(case) == before
        assert not Referral.objects.exists()


@pytest.mark.parametrize("role", [*ROLES, "member_of_provider"])
def test_provider_answer_by_role(client, make_user, role):
    referral = ReferralFactory(sent=True)
    user = (
        ProviderMemberFactory(provider=referral.provider).user
        if role == "member_of_provider"
        else make_user(role)
    )
    client.force_login(user)

    page = client.get(reverse("cases:provider_referral", args=[referral.pk]))
    response = client.post(
        reverse("cases:provider_referral_answer", args=[referral.pk, "accept"]),
        {"version": referral.version},
    )

    referral.refresh_from_db()
    if role == "member_of_provider":
        assert page.status_code == 200
        assert response.status_code == 302
        assert referral.status == "accepted"
    else:
        assert (page.status_code, response.status_code) == (404, 404)
        assert referral.status == "sent"
        assert referral.events.count() == 0


def test_provider_page_shows_no_contact_before_accepting(client):
    referral = ReferralFactory(sent=True)
    contact = ContactFactory(enterprise=referral.case.enterprise, has_consent=True)
    client.force_login(ProviderMemberFactory(provider=referral.provider).user)

    response = client.get(reverse("cases:provider_referral", args=[referral.pk]))

    assert response.status_code == 200
    assert contact.email not in response.content.decode()
    assert referral.case.enterprise.name_zh not in response.content.decode()


def test_refused_move_is_shown_as_a_message(client, officer):
    case = CaseFactory()
    client.force_login(officer)

    response = client.post(
        reverse("cases:move", args=[case.pk]),
        {"target": "landed_hk", "seen_version": case.version},
        follow=True,
    )

    assert "cannot move" in response.content.decode()
    assert Case.objects.get(pk=case.pk).stage == "lead"


def test_stale_save_keeps_the_input(client, officer):
    case = CaseFactory()
    client.force_login(officer)
    client.post(reverse("cases:move", args=[case.pk]), {"target": "qualified", "seen_version": 1})

    response = client.post(
        reverse("cases:update", args=[case.pk]),
        {"version": 1, "priority": "low", "origin": "event", "next_action": "我输入的下一步"},
    )

    assert response.status_code == 409
    body = response.content.decode()
    assert "changed by someone else" in body
    assert "我输入的下一步" in body
    assert Case.objects.get(pk=case.pk).next_action != "我输入的下一步"


def test_bulk_reassign_and_saved_filter(client, officer, make_user):
    cases = CaseFactory.create_batch(2)
    new_owner = make_user("officer")
    client.force_login(officer)

    client.post(
        reverse("cases:bulk_assign"), {"cases": [c.pk for c in cases], "owner": new_owner.pk}
    )
    client.post(reverse("cases:filter_save"), {"name": "高优先级", "query": "stage=lead"})

    assert Case.objects.filter(owner=new_owner).count() == 2
    assert SavedFilter.objects.get(user=officer).query == "stage=lead"
    assert "高优先级" in client.get(reverse("cases:board")).content.decode()


def test_filters_narrow_the_list(client, officer):
    lead = CaseFactory()
    CaseFactory(stage="matched")
    TaskFactory(case=lead)
    client.force_login(officer)

    body = client.get(reverse("cases:list"), {"stage": "lead", "overdue": "1"}).content.decode()

    assert lead.enterprise.name_zh in body
    assert body.count('name="cases"') == 1


def test_enterprise_portal_shows_status(client):
    case = CaseFactory(stage="matched")
    referral = ReferralFactory(case=case, accepted=True)
    client.force_login(EnterpriseMemberFactory(enterprise=case.enterprise).user)

    body = client.get(reverse("cases:enterprise_case")).content.decode()

    assert str(referral.provider) in body


def _many(count):
    for index in range(count):
        case = CaseFactory(stage=["lead", "matched", "in_progress"][index % 3])
        ReferralFactory(case=case, sent=True)
        TaskFactory(case=case)


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize("page", ["cases:board", "cases:list"])
def test_pipeline_query_count_is_fixed(client, officer, django_assert_max_num_queries, count, page):
    _many(count)
    client.force_login(officer)

    with django_assert_max_num_queries(25):
        response = client.get(reverse(page), {"overdue": "1", "sort": "next_action"})

    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_case_page_query_count_is_fixed(client, officer, django_assert_max_num_queries, count):
    case = CaseFactory()
    for _ in range(count):
        ReferralFactory(case=case, provider=ServiceProviderFactory())
        TaskFactory(case=case)
        CaseEvent.objects.create(case=case, kind="updated", data={})
    client.force_login(officer)

    with django_assert_max_num_queries(40):
        response = client.get(case.get_absolute_url())

    assert response.status_code == 200
