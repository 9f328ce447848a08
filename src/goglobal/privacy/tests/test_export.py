"""Everything held about an enterprise or a contact, as JSON and as a readable PDF, for the
task force and for the enterprise's own member only; every export audited."""

import json

import pytest
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.accounts.tests.factories import UserFactory
from goglobal.core.models import AuditEvent
from goglobal.enterprises.models import EnterpriseMembership
from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.privacy.tests.conftest import EMAIL, NAME

pytestmark = pytest.mark.django_db

ROLES = ["admin", "officer", "analyst", "organiser", "enterprise_member", "provider_member"]


def test_the_json_export_holds_every_table_about_the_enterprise(client, officer, subject):
    client.force_login(officer)
    enterprise = subject["enterprise"]
    response = client.get(reverse("privacy:enterprise_export", args=[enterprise.pk, "json"]))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["subject"] == {"kind": "enterprise", "id": enterprise.pk}
    assert data["enterprise"][0]["name_zh"] == "宁波远帆新材料有限公司"
    assert data["enterprise"][0]["aliases"] == ["远帆材料"]
    assert {c["full_name"] for c in data["contacts"]} == {NAME, "周静"}
    assert data["members"][0]["email"] == "owner@yuanfan.example.cn"
    assert data["cases"][0]["stage"] == subject["case"].stage
    assert data["referrals"][0]["note"] == f"请联系{NAME}（{EMAIL}）"
    assert data["interactions"][0]["summary"] == f"与{NAME}通话"
    assert data["interactions"][0]["contacts"] == [NAME]
    assert data["outcomes"][0]["amount"] == "50000000"
    assert data["registrations"][0]["email"] == EMAIL
    assert data["needs"][0]["notes"].startswith(NAME)
    assert [row["consent"] for row in data["consent_history"]] == [True, True]
    assert {row["channel"] for row in data["consent_history"]} == {"form"}
    contact_key = f"contact:{subject['contact'].pk}"
    assert any(contact_key in row["changes"] for row in data["audit"])


def test_the_contact_export_holds_its_own_record_only(client, officer, subject):
    client.force_login(officer)
    contact = subject["contact"]
    data = json.loads(
        client.get(reverse("privacy:contact_export", args=[contact.pk, "json"])).content
    )
    assert data["contact"][0]["email"] == EMAIL
    assert data["interactions"][0]["summary"] == f"与{NAME}通话"
    assert data["registrations"][0]["full_name"] == NAME
    assert "周静" not in json.dumps(data, ensure_ascii=False)
    assert [row["consent"] for row in data["consent_history"]] == [True]


def test_every_export_is_audited(client, officer, subject):
    client.force_login(officer)
    enterprise = subject["enterprise"]
    client.get(reverse("privacy:enterprise_export", args=[enterprise.pk, "json"]))
    client.get(reverse("privacy:contact_export", args=[subject["contact"].pk, "json"]))
    rows = AuditEvent.objects.filter(action="exported", target_id=str(enterprise.pk))
    assert sorted((r.changes["subject"], r.changes["format"]) for r in rows) == [
        ("contact", "json"),
        ("enterprise", "json"),
    ]
    assert all(r.actor == officer for r in rows)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_task_force_and_the_own_member_may_export(client, role, subject):
    enterprise, contact = subject["enterprise"], subject["contact"]
    user = UserFactory(role=role)
    if role == Role.ENTERPRISE_MEMBER:
        EnterpriseMembership.objects.create(user=user, enterprise=EnterpriseFactory())
    client.force_login(user)
    urls = [
        reverse("privacy:enterprise_export", args=[enterprise.pk, "json"]),
        reverse("privacy:contact_export", args=[contact.pk, "pdf"]),
    ]
    expected = 200 if role in {"admin", "officer"} else 404
    assert [client.get(url).status_code for url in urls] == [expected, expected]


def test_a_member_exports_its_own_enterprise_and_contacts(client, subject):
    client.force_login(subject["member"])
    enterprise = subject["enterprise"]
    assert (
        client.get(reverse("privacy:enterprise_export", args=[enterprise.pk, "json"])).status_code
        == 200
    )
    contact_url = reverse("privacy:contact_export", args=[subject["contact"].pk, "json"])
    assert client.get(contact_url).status_code == 200
    page = client.get(reverse("enterprises:detail", args=[enterprise.pk])).content.decode()
    assert reverse("privacy:enterprise_export", args=[enterprise.pk, "pdf"]) in page
    assert reverse("privacy:enterprise_erase", args=[enterprise.pk]) not in page


def test_anonymous_visitors_are_sent_to_sign_in(client, subject):
    url = reverse("privacy:enterprise_export", args=[subject["enterprise"].pk, "json"])
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_an_unknown_format_is_a_404(client, officer, subject):
    client.force_login(officer)
    url = reverse("privacy:enterprise_export", args=[subject["enterprise"].pk, "xml"])
    assert client.get(url).status_code == 404


def test_the_pdf_renders_in_simplified_chinese(client, officer, subject):
    from pypdf import PdfReader

    client.force_login(officer)
    enterprise = subject["enterprise"]
    response = client.get(
        reverse("privacy:enterprise_export", args=[enterprise.pk, "pdf"]),
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    import io

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    compact = "".join(text.split())
    assert "宁波远帆新材料有限公司" in compact
    assert NAME in compact
    assert "联系人" in compact  # section titles in the reader's language
    assert "活动报名" in compact
    assert "审计记录" in compact
