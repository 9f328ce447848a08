import pytest

from goglobal.accounts.models import Role
from goglobal.accounts.services import api_token_issue
from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.tests.factories import (
    ContactFactory,
    EnterpriseFactory,
    EnterpriseMemberFactory,
    social_credit_code,
)
from goglobal.providers.tests.factories import ProviderMemberFactory

pytestmark = pytest.mark.django_db


def _bearer(user):
    _token, raw = api_token_issue(user=user, name="test", scopes=["read", "write"])
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _payload(enterprise=None, **overrides):
    data = {
        "name_zh": "苏州云帆半导体有限公司",
        "name_en": "Suzhou Yunfan Semiconductor",
        "social_credit_code": social_credit_code(4242, "320500"),
        "province": "320000",
        "city": "320500",
        "sector": "39",
        "employee_band": "300_999",
        "revenue_band": "200m_1b",
        "ownership": "private",
        "target_markets": ["SG", "asean"],
    }
    if enterprise is not None:
        data["version"] = enterprise.version
    data.update(overrides)
    return data


def test_schema_is_served(client, officer):
    client.force_login(officer)
    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    assert "/api/enterprises/" in response.json()["paths"]


def test_anonymous_requests_are_refused(client):
    assert client.get("/api/enterprises/").status_code == 401


def test_officer_creates_with_a_token(client, officer):
    response = client.post(
        "/api/enterprises/", _payload(), content_type="application/json", **_bearer(officer)
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["target_markets"] == ["SG", "asean"]
    assert Enterprise.objects.get(pk=body["id"]).city.code == "320500"


def test_bad_codes_are_field_errors(client, officer):
    response = client.post(
        "/api/enterprises/",
        _payload(social_credit_code="91320500MA1XXXXXX0", city="999999", target_markets=["XX"]),
        content_type="application/json",
        **_bearer(officer),
    )

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) >= {"city", "target_markets"}
    assert not Enterprise.objects.exists()


def test_stale_update_is_409(client, officer):
    enterprise = EnterpriseFactory()
    stale = _payload(enterprise, social_credit_code=enterprise.social_credit_code)
    Enterprise.objects.filter(pk=enterprise.pk).update(version=5)

    response = client.put(
        f"/api/enterprises/{enterprise.pk}",
        stale,
        content_type="application/json",
        **_bearer(officer),
    )

    assert response.status_code == 409
    assert Enterprise.objects.get(pk=enterprise.pk).name_zh == enterprise.name_zh


def test_provider_member_gets_404_and_no_data(client):
    enterprise = EnterpriseFactory()
    member = ProviderMemberFactory()

    detail = client.get(f"/api/enterprises/{enterprise.pk}", **_bearer(member.user))
    listing = client.get("/api/enterprises/", **_bearer(member.user))

    assert detail.status_code == 404
    assert listing.json()["count"] == 0


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ORGANISER, Role.PROVIDER_MEMBER])
def test_creating_is_a_json_403_for_roles_that_may_not(client, make_user, role):
    """No record is named, so the refusal is the declared 403, not a 404 (found by the
    property-based API tests)."""
    payload = _payload()

    response = client.post(
        "/api/enterprises/", payload, content_type="application/json", **_bearer(make_user(role))
    )

    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert not Enterprise.objects.exists()


def test_enterprise_member_lists_only_its_own(client):
    member = EnterpriseMemberFactory()
    EnterpriseFactory()

    response = client.get("/api/enterprises/", **_bearer(member.user))

    assert [item["id"] for item in response.json()["items"]] == [member.enterprise.pk]


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.OFFICER, 200), (Role.ADMIN, 200), (Role.ANALYST, 404), (Role.ORGANISER, 404)],
)
def test_contacts_endpoint_is_for_the_task_force(client, make_user, role, status):
    contact = ContactFactory()

    response = client.get(
        f"/api/enterprises/{contact.enterprise.pk}/contacts", **_bearer(make_user(role))
    )

    assert response.status_code == status


def test_revoked_token_is_refused(client, officer):
    token, raw = api_token_issue(user=officer, name="t")
    from goglobal.accounts.services import api_token_revoke

    api_token_revoke(token=token, actor=officer)

    response = client.get("/api/enterprises/", HTTP_AUTHORIZATION=f"Bearer {raw}")

    assert response.status_code == 401


def test_delete_is_for_the_task_force(client, officer, make_user):
    enterprise = EnterpriseFactory()

    refused = client.delete(f"/api/enterprises/{enterprise.pk}", **_bearer(make_user(Role.ANALYST)))
    done = client.delete(f"/api/enterprises/{enterprise.pk}", **_bearer(officer))

    assert refused.status_code == 404
    assert done.status_code == 204
    assert Enterprise.objects.get(pk=enterprise.pk).deleted_at is not None


def test_creation_names_possible_duplicates_and_notes_them(client, officer):
    from goglobal.enterprises import identity
    from goglobal.enterprises.models import DuplicateCandidate

    first = client.post(
        "/api/enterprises/", _payload(), content_type="application/json", **_bearer(officer)
    ).json()
    assert first["possible_duplicates"] == []
    again = _payload(social_credit_code=social_credit_code(77, "320500"))
    again["name_zh"] = first["name_zh"].replace("有限公司", "股份有限公司")
    response = client.post(
        "/api/enterprises/", again, content_type="application/json", **_bearer(officer)
    )
    assert response.status_code == 201, response.content
    hits = response.json()["possible_duplicates"]
    assert [hit["id"] for hit in hits] == [first["id"]]
    assert hits[0]["codes_differ"] is True
    assert DuplicateCandidate.objects.count() == 1
    listed = client.get(f"/api/enterprises/{first['id']}/duplicates", **_bearer(officer)).json()
    assert [hit["id"] for hit in listed] == [response.json()["id"]]
    assert identity.duplicates_of_enterprise(Enterprise.objects.get(pk=first["id"]))


def test_duplicates_are_for_the_task_force(client, make_user):
    enterprise = EnterpriseFactory()
    analyst = make_user("analyst")
    client.force_login(analyst)
    assert client.get(f"/api/enterprises/{enterprise.pk}/duplicates").status_code == 404
