import pytest
from django.urls import reverse

from goglobal.core.models import AuditEvent
from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.tests.factories import EnterpriseFactory, social_credit_code
from goglobal.enterprises.tests.test_views import _registration_post

pytestmark = pytest.mark.django_db


def test_registration_shows_the_peer_consent_unticked(client):
    response = client.get(reverse("enterprises:register"), HTTP_ACCEPT_LANGUAGE="en")

    body = response.content.decode()
    assert 'name="profile-shown_as_peer"' in body
    tag = body.split('name="profile-shown_as_peer"')[1].split(">")[0]
    assert "checked" not in tag


@pytest.mark.parametrize("ticked", [False, True])
def test_registration_records_the_peer_consent(client, ticked):
    code = social_credit_code(902, "340100")
    data = _registration_post(code)
    if ticked:
        data["profile-shown_as_peer"] = "on"

    response = client.post(reverse("enterprises:register"), data)

    assert response.status_code == 302
    assert Enterprise.objects.get(social_credit_code=code).shown_as_peer is ticked


def test_the_profile_form_changes_the_peer_consent_with_an_audit_row(client, officer):
    enterprise = EnterpriseFactory()
    client.force_login(officer)
    data = {
        "version": enterprise.version,
        "name_zh": enterprise.name_zh,
        "name_en": enterprise.name_en,
        "social_credit_code": enterprise.social_credit_code,
        "province": enterprise.province_id,
        "city": enterprise.city_id,
        "sector": enterprise.sector_id,
        "employee_band": enterprise.employee_band,
        "revenue_band": enterprise.revenue_band,
        "ownership": enterprise.ownership,
        "listing_status": enterprise.listing_status,
        "description": enterprise.description,
        "shown_as_peer": "on",
    }

    response = client.post(reverse("enterprises:edit", args=[enterprise.pk]), data)

    assert response.status_code == 302
    assert Enterprise.objects.get(pk=enterprise.pk).shown_as_peer is True
    event = (
        AuditEvent.objects.filter(target_id=str(enterprise.pk), target_type__icontains="enterprise")
        .order_by("-pk")
        .first()
    )
    assert event is not None
    assert "shown_as_peer" in event.changes
