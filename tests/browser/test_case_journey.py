"""An officer moves a case through the pipeline and refers a need to a provider; the provider's
member signs in and accepts; the officer sees the referral accepted. Real Chromium, live server."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "harbour-case-journey-2026"


@pytest.fixture
def journey(transactional_db):
    from goglobal.accounts.models import Role
    from goglobal.accounts.tests.factories import UserFactory
    from goglobal.cases import services
    from goglobal.enterprises.tests.factories import (
        ContactFactory,
        EnterpriseFactory,
        EnterpriseNeedFactory,
    )
    from goglobal.providers.tests.factories import ProviderMemberFactory, ServiceProviderFactory

    officer = UserFactory(role=Role.OFFICER, email="officer@example.hk", full_name="Chan Tai Man")
    officer.set_password(PASSWORD)
    officer.save()
    enterprise = EnterpriseFactory(name_zh="宁波澜海动力电池有限公司")
    EnterpriseNeedFactory(enterprise=enterprise)
    ContactFactory(enterprise=enterprise, email="chen.jing@example.cn", has_consent=True)
    provider = ServiceProviderFactory(name_en="Harbourview Legal LLP")
    member = ProviderMemberFactory(provider=provider, user__email="legal@example.hk").user
    member.set_password(PASSWORD)
    member.save()
    case = services.case_open(actor=officer, enterprise=enterprise, origin="event", owner=officer)
    return {"case": case}


def _totp_now(secret: str) -> str:
    from base64 import b32decode

    from django_otp.oath import totp

    key = b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


def _sign_in(page, url: str, email: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.fill("[name=username]", email)
    page.fill("[name=password]", PASSWORD)
    with page.expect_navigation():
        page.locator("form.card button[type=submit]").click()
    if "/accounts/two-factor/" in page.url:
        # Staff enrol an authenticator before anything else: read the key shown with the QR
        # code, as an app would, and type its current code.
        secret = page.get_by_test_id("totp-secret").inner_text()
        page.fill("[name=token]", _totp_now(secret))
        with page.expect_navigation():
            page.get_by_role("button", name="Turn on two-factor sign-in").click()
        assert page.get_by_test_id("recovery-codes").locator("li").count() == 10
        with page.expect_navigation():
            page.get_by_role("link", name="Continue").click()


def test_officer_moves_and_refers_provider_accepts(live_server, browser, journey, screenshot):
    case = journey["case"]
    officer = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = officer.new_page()
    _sign_in(page, live_server.url, "officer@example.hk")
    page.goto(f"{live_server.url}/cases/{case.pk}/")

    for stage, label in [
        ("qualified", "Qualified"),
        ("needs_assessed", "Needs assessed"),
        ("matched", "Matched"),
    ]:
        page.select_option("#move-target", stage)
        with page.expect_navigation():
            page.get_by_role("button", name="Move", exact=True).click()
        assert page.get_by_test_id("stage").inner_text() == label
    screenshot(page, "1-matched")

    page.get_by_text("Refer a need to providers").click()
    page.fill("#refer-provider-q", "harbourview")
    with page.expect_navigation():
        page.locator("#refer").get_by_role("button", name="Find providers").click()
    page.select_option("#refer [name=need]", index=1)
    page.locator("#refer").get_by_label("Harbourview Legal LLP").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Refer", exact=True).click()
    assert "sent" in page.locator("#referrals").inner_text()
    screenshot(page, "2-referred")

    provider = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    portal = provider.new_page()
    _sign_in(portal, live_server.url, "legal@example.hk")
    portal.goto(f"{live_server.url}/cases/provider/")
    portal.get_by_role("link", name=re.compile("Company formation")).click()
    assert "chen.jing@example.cn" not in portal.content()
    with portal.expect_navigation():
        portal.get_by_role("button", name="Accept").click()
    assert portal.get_by_test_id("referral-status").inner_text() == "Accepted"
    assert "chen.jing@example.cn" in portal.content()
    screenshot(portal, "3-provider-accepted")
    provider.close()

    page.reload()
    assert "Accepted" in page.locator("#referrals").inner_text()
    screenshot(page, "4-officer-sees-accepted")
    officer.close()
