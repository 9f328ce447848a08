"""A contact withdraws consent from the emailed link (Simplified Chinese, no account); an officer
then erases the enterprise's personal data through the confirm page and the enterprise page shows
the anonymised record. Real Chromium, live server."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_case_journey import PASSWORD, _sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def record(transactional_db):
    from goglobal.accounts.models import Role
    from goglobal.accounts.tests.factories import UserFactory
    from goglobal.enterprises.tests.factories import ContactFactory, EnterpriseFactory

    officer = UserFactory(role=Role.OFFICER, email="officer@example.hk", full_name="Chan Tai Man")
    officer.set_password(PASSWORD)
    officer.save()
    enterprise = EnterpriseFactory(name_zh="宁波澜海动力电池有限公司", shown_as_peer=True)
    contact = ContactFactory(
        enterprise=enterprise, full_name="陈静", email="chen.jing@example.cn", languages=["zh"]
    )
    return {"enterprise": enterprise, "contact": contact}


def test_a_contact_withdraws_then_an_officer_erases(live_server, browser, record, screenshot):
    from goglobal.enterprises.models import Contact, Enterprise
    from goglobal.privacy.consent import withdrawal_token

    enterprise, contact = record["enterprise"], record["contact"]

    visitor = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = visitor.new_page()
    page.goto(f"{live_server.url}/privacy/withdraw/{withdrawal_token(contact)}/")
    assert page.get_by_role("heading", name="撤回同意").is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="撤回我的同意").click()
    assert page.get_by_test_id("withdraw-done").is_visible()
    screenshot(page, "withdrawn")
    assert Contact.objects.get(pk=contact.pk).consent_withdrawn
    assert not Enterprise.objects.get(pk=enterprise.pk).shown_as_peer
    visitor.close()

    officer = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = officer.new_page()
    _sign_in(page, live_server.url, "officer@example.hk")
    page.goto(f"{live_server.url}/enterprises/{enterprise.pk}/")
    assert (
        page.get_by_test_id("contact-privacy").get_by_role("link", name="Withdraw consent").count()
        == 0
    )
    with page.expect_navigation():
        page.get_by_role("link", name="Erase the enterprise's personal data on request").click()
    form = page.get_by_test_id("erase-form")
    form.get_by_role("button", name="Erase the personal data").click()
    # A reason and the tick are required: the browser holds the form back.
    assert page.locator("[name=reason]:invalid").count() == 1
    assert "/erase/" in page.url
    page.fill("[name=reason]", "Request by letter of 1 December 2026")
    page.check("[name=confirm]")
    with page.expect_navigation():
        page.get_by_test_id("erase-form").get_by_role(
            "button", name="Erase the personal data"
        ).click()
    assert re.search(rf"/enterprises/{enterprise.pk}/$", page.url)
    assert "已匿名 · Anonymised" in page.content()
    assert "宁波澜海动力电池有限公司" not in page.content()
    screenshot(page, "erased")
    officer.close()
