import pytest

from goglobal.cases.models import Case, Interaction
from goglobal.cases.tests.factories import CaseFactory, InteractionFactory, ReferralFactory
from goglobal.enterprises.tests.factories import ContactFactory
from goglobal.providers.tests.factories import ProviderMemberFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("goglobal.cases.tests.urls")]

ROLES = ["admin", "officer", "analyst", "organiser", "enterprise_member", "provider_member"]
EDITORS = {"admin", "officer"}
READERS = {"admin", "officer", "analyst"}


@pytest.mark.parametrize("role", ROLES)
def test_read_endpoints_by_role(client, make_user, role):
    case = CaseFactory()
    InteractionFactory(case=case)
    client.force_login(make_user(role))

    listing = client.get("/api/cases/")
    detail = client.get(f"/api/cases/{case.pk}")
    interactions = client.get(f"/api/cases/{case.pk}/interactions")

    assert detail.status_code == interactions.status_code == (200 if role in READERS else 404)
    assert listing.json()["count"] == (1 if role in READERS else 0)


@pytest.mark.parametrize("role", ROLES)
def test_write_endpoints_by_role(client, make_user, role):
    case = CaseFactory()
    client.force_login(make_user(role))

    move = client.post(
        f"/api/cases/{case.pk}/move", {"target": "qualified", "version": 1}, "application/json"
    )
    log = client.post(
        f"/api/cases/{case.pk}/interactions",
        {"kind": "email", "occurred_on": "2026-01-05", "summary": "邮件"},
        "application/json",
    )

    case.refresh_from_db()
    if role in EDITORS:
        assert (move.status_code, log.status_code) == (200, 201)
        assert case.stage == "qualified"
    else:
        assert (move.status_code, log.status_code) == (404, 404)
        assert (case.stage, case.version) == ("lead", 1)
        assert not Interaction.objects.exists()


def test_stale_update_is_409_and_changes_nothing(client, officer):
    case = CaseFactory()
    client.force_login(officer)
    payload = {"version": 1, "priority": "low", "origin": "event", "next_action": "第一"}
    assert client.put(f"/api/cases/{case.pk}", payload, "application/json").status_code == 200

    response = client.put(
        f"/api/cases/{case.pk}", {**payload, "next_action": "第二"}, "application/json"
    )

    assert response.status_code == 409
    assert Case.objects.get(pk=case.pk).next_action == "第一"


def test_refused_move_is_400(client, officer):
    case = CaseFactory()
    client.force_login(officer)

    response = client.post(
        f"/api/cases/{case.pk}/move", {"target": "landed_hk", "version": 1}, "application/json"
    )

    assert response.status_code == 400
    assert Case.objects.get(pk=case.pk).stage == "lead"


def test_a_move_to_an_unknown_stage_is_a_field_error(client, officer):
    case = CaseFactory()
    client.force_login(officer)

    response = client.post(
        f"/api/cases/{case.pk}/move", {"target": "nowhere", "version": 1}, "application/json"
    )

    assert response.status_code == 400
    assert response.json()["field"] == "target"
    assert Case.objects.get(pk=case.pk).stage == "lead"


@pytest.mark.parametrize("role", [*ROLES, "member_of_provider"])
def test_referral_endpoints_by_role(client, make_user, role):
    referral = ReferralFactory(sent=True)
    contact = ContactFactory(enterprise=referral.case.enterprise, has_consent=True)
    member = role == "member_of_provider"
    user = ProviderMemberFactory(provider=referral.provider).user if member else make_user(role)
    client.force_login(user)

    before = client.get(f"/api/cases/referrals/{referral.pk}")
    accept = client.post(
        f"/api/cases/referrals/{referral.pk}/accept",
        {"version": referral.version},
        "application/json",
    )

    referral.refresh_from_db()
    if member:
        assert before.status_code == 200
        assert before.json()["contacts"] == []
        assert accept.status_code == 200
        assert accept.json()["contacts"][0]["email"] == contact.email
        assert referral.status == "accepted"
    else:
        assert (before.status_code, accept.status_code) == (404, 404)
        assert referral.status == "sent"
