"""The roadmap pages from the outside: who may see, generate, override, share and download."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.enterprises.tests.factories import (
    EnterpriseFactory,
    EnterpriseMemberFactory,
    EnterpriseNeedFactory,
)
from goglobal.knowledge.models import NeedCode
from goglobal.roadmaps import selectors, services
from goglobal.roadmaps.models import Roadmap

pytestmark = pytest.mark.django_db


@pytest.fixture
def enterprise():
    enterprise = EnterpriseFactory()
    EnterpriseNeedFactory(enterprise=enterprise, need=NeedCode.objects.get(code="fundraising.ipo"))
    return enterprise


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_officer_generates_and_reads_the_roadmap(officer, enterprise):
    client = _client(officer)
    page = client.get(reverse("roadmaps:detail", args=[enterprise.pk]))
    assert page.status_code == 200
    assert b"Generate the roadmap" in page.content
    response = client.post(reverse("roadmaps:generate", args=[enterprise.pk]))
    assert response.status_code == 302
    page = client.get(reverse("roadmaps:detail", args=[enterprise.pk]))
    text = page.content.decode()
    assert "Listing in Hong Kong" in text
    assert "Main Board listing" in text
    assert 'class="roadmap-timeline"' in text or "No steps yet" in text
    assert "main_board" not in text.replace('data-item="main_board"', "")


@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_the_roadmap_reads_in_chinese(officer, enterprise, language):
    services.roadmap_generate(actor=officer, enterprise=enterprise)
    client = _client(officer)
    client.cookies["goglobal_language"] = language
    text = client.get(reverse("roadmaps:detail", args=[enterprise.pk])).content.decode()
    assert ("出海路线图" if language == "zh-hans" else "出海路線圖") in text
    assert "在香港上市" in text
    assert "Listing in Hong Kong" not in text


def test_a_provider_member_and_another_enterprise_get_404(make_user, enterprise):
    services.roadmap_generate(actor=None, enterprise=enterprise)
    outsider = EnterpriseMemberFactory().user
    provider_member = make_user(Role.PROVIDER_MEMBER)
    for user in (outsider, provider_member):
        client = _client(user)
        assert client.get(reverse("roadmaps:detail", args=[enterprise.pk])).status_code == 404
        assert client.post(reverse("roadmaps:generate", args=[enterprise.pk])).status_code == 404
        assert client.get(reverse("roadmaps:pdf", args=[enterprise.pk, 1])).status_code == 404
        api = client.get(f"/api/roadmaps/enterprises/{enterprise.pk}")
        assert api.status_code == 404


def test_an_analyst_reads_but_cannot_generate_or_override(make_user, enterprise):
    services.roadmap_generate(actor=None, enterprise=enterprise)
    client = _client(make_user(Role.ANALYST))
    assert client.get(reverse("roadmaps:detail", args=[enterprise.pk])).status_code == 200
    assert client.post(reverse("roadmaps:generate", args=[enterprise.pk])).status_code == 404
    override = client.post(
        reverse("roadmaps:override_add", args=[enterprise.pk]),
        {"kind": "step", "title": "x", "weeks": 2, "note": "n"},
    )
    assert override.status_code == 404
    assert Roadmap.objects.filter(enterprise=enterprise).count() == 1


def test_the_enterprise_member_sees_its_own_roadmap_and_may_regenerate(enterprise):
    member = EnterpriseMemberFactory(enterprise=enterprise).user
    client = _client(member)
    mine = client.get(reverse("roadmaps:mine"))
    assert mine.status_code == 302
    assert mine["Location"] == reverse("roadmaps:detail", args=[enterprise.pk])
    assert client.post(reverse("roadmaps:generate", args=[enterprise.pk])).status_code == 302
    overrides = client.post(
        reverse("roadmaps:override_add", args=[enterprise.pk]),
        {"kind": "step", "title": "x", "weeks": 2, "note": "n"},
    )
    assert overrides.status_code == 404


def test_bad_figures_get_field_errors_and_change_nothing(officer, enterprise):
    client = _client(officer)
    response = client.post(
        reverse("roadmaps:figures", args=[enterprise.pk]),
        {
            "expected_market_cap": "-5",
            "market_cap_currency": "HKD",
            "financials_currency": "XXX",
            "revenue_1": "100",
        },
    )
    assert response.status_code == 400
    form = response.context["figures_form"]
    assert {"expected_market_cap", "financials_currency", "year_1"} <= set(form.errors)
    assert not Roadmap.objects.filter(enterprise=enterprise).exists()


def test_an_override_form_without_a_note_is_refused_with_the_field_named(officer, enterprise):
    services.roadmap_generate(actor=officer, enterprise=enterprise)
    response = _client(officer).post(
        reverse("roadmaps:override_add", args=[enterprise.pk]),
        {"kind": "decision", "part": "function", "code": "treasury_centre", "value": "yes"},
    )
    assert response.status_code == 400
    assert "note" in response.context["override_form"].errors


def test_a_shared_link_opens_without_an_account_and_a_forged_one_does_not(officer, enterprise):
    roadmap = services.roadmap_generate(actor=officer, enterprise=enterprise)
    token = selectors.share_token(roadmap)
    anonymous = Client()
    assert anonymous.get(reverse("roadmaps:shared", args=[token])).status_code == 200
    assert anonymous.get(reverse("roadmaps:shared", args=[token + "x"])).status_code == 404
    assert anonymous.get(reverse("roadmaps:detail", args=[enterprise.pk])).status_code == 302


def test_a_shared_link_expires(officer, enterprise, settings):
    roadmap = services.roadmap_generate(actor=officer, enterprise=enterprise)
    token = selectors.share_token(roadmap)
    settings.GOGLOBAL_ROADMAP_LINK_DAYS = 0
    import time

    time.sleep(1.1)
    expired = Client().get(reverse("roadmaps:shared", args=[token]), HTTP_ACCEPT_LANGUAGE="en")
    assert expired.status_code == 410
    assert "This link has expired" in expired.content.decode()


def test_the_api_returns_the_latest_version_with_the_same_checks(officer, enterprise):
    client = _client(officer)
    missing = client.get(f"/api/roadmaps/enterprises/{enterprise.pk}")
    assert missing.status_code == 404
    created = client.post(f"/api/roadmaps/enterprises/{enterprise.pk}/generate")
    assert created.status_code == 201
    body = client.get(f"/api/roadmaps/enterprises/{enterprise.pk}").json()
    assert body["version"] == 1
    assert body["roadmap"]["format"] == "goglobal-roadmap/1"
    versions = client.get(f"/api/roadmaps/enterprises/{enterprise.pk}/versions").json()
    assert [v["version"] for v in versions] == [1]


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_the_pdf_is_a_pdf_in_each_language_with_its_sources(officer, enterprise, language):
    from io import BytesIO

    from pypdf import PdfReader

    services.roadmap_generate(actor=officer, enterprise=enterprise)
    client = _client(officer)
    client.cookies["goglobal_language"] = language
    response = client.get(reverse("roadmaps:pdf", args=[enterprise.pk, 1]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    heading = {"en": "Going-global roadmap", "zh-hans": "出海路线图", "zh-hant": "出海路線圖"}
    assert heading[language] in text
    assert "http" in text  # the sources, with their addresses
