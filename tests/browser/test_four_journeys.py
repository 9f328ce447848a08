"""The four journeys of issue 14, in English and Simplified Chinese, in a real Chromium against a
live server: an officer refers a need from the case page in one screen; the provider signs in to
its inbox, reads the officer's note and accepts; an organiser sends every participant its agenda
by email. (Register → status page is in test_enterprise_journey.py.) Each journey counts the
clicks it takes; docs/design.md records them."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "harbour-four-journeys-2026"
LANGUAGES = {"en": "en-GB", "zh-hans": "zh-CN"}
WORDS = {
    "en": {
        "find": "Find providers for the needs without suggestions",
        "refer": "Refer",
        "accept": "Accept",
        "send": "Send every participant its agenda by email",
    },
    "zh-hans": {
        "find": "为尚无推荐的需求寻找服务商",
        "refer": "转介",
        "accept": "接受",
        "send": "以电子邮件向每位参会者发送日程",
    },
}


def _staff_context(browser, live_server, user, locale):
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


class Clicks:
    """Counts what a person does: a click on a button or link, or a dialog answered."""

    def __init__(self) -> None:
        self.count = 0

    def click(self, locator, navigate=None) -> None:
        self.count += 1
        if navigate is None:
            locator.click()
        else:
            with navigate.expect_navigation():
                locator.click()


@pytest.fixture
def case_world(transactional_db):
    from goglobal.accounts.models import Role
    from goglobal.accounts.tests.factories import UserFactory
    from goglobal.cases import services
    from goglobal.enterprises.tests.factories import (
        ContactFactory,
        EnterpriseFactory,
        EnterpriseNeedFactory,
    )
    from goglobal.knowledge.models import NeedCode
    from goglobal.providers.tests.factories import ProviderMemberFactory, ServiceProviderFactory

    officer = UserFactory(role=Role.OFFICER, email="officer@example.hk", full_name="Chan Tai Man")
    enterprise = EnterpriseFactory(name_zh="宁波澜海动力电池有限公司")
    EnterpriseNeedFactory(enterprise=enterprise)
    ContactFactory(enterprise=enterprise, email="chen.jing@example.cn", has_consent=True)
    provider = ServiceProviderFactory(
        name_en="Harbourview Legal LLP", name_zh_hans="港景律师事务所", email="legal@example.hk"
    )
    provider.needs.add(NeedCode.objects.get(code="legal.setup"))
    member = ProviderMemberFactory(provider=provider, user__email="inbox@example.hk").user
    member.set_password(PASSWORD)
    member.save()
    case = services.case_open(actor=officer, enterprise=enterprise, origin="event", owner=officer)
    return {"case": case, "officer": officer, "provider": provider}


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_officer_refers_from_the_case_page_and_the_provider_accepts_from_its_inbox(
    live_server, browser, case_world, screenshot, language
):
    from goglobal.cases.models import Referral

    words = WORDS[language]
    case = case_world["case"]
    note = (
        "财务总监下周在港，请尽快联系"
        if language == "zh-hans"
        else "The CFO is in Hong Kong next week."
    )

    # Officer: case → referral sent.
    officer = _staff_context(browser, live_server, case_world["officer"], LANGUAGES[language])
    page = officer.new_page()
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    clicks = Clicks()
    clicks.click(page.get_by_role("button", name=words["find"]), navigate=page)
    suggestion = page.locator("#suggestions [data-suggestion]").first
    name = "港景律师事务所" if language == "zh-hans" else "Harbourview Legal LLP"
    assert name in suggestion.inner_text()
    assert suggestion.locator("ul li").count() >= 1  # the reasons, in words
    screenshot(page, "1-suggestions")
    suggestion.locator("textarea").fill(note)
    clicks.click(suggestion.get_by_role("button", name=words["refer"], exact=True), navigate=page)
    referral = Referral.objects.get(case=case)
    assert referral.status == "sent"
    assert clicks.count == 2
    screenshot(page, "2-sent")
    officer.close()

    # Provider: sign-in → accepted (its account reads in the journey's language).
    from goglobal.accounts.models import User

    User.objects.filter(email="inbox@example.hk").update(preferred_language=language)
    provider = browser.new_context(
        locale=LANGUAGES[language], viewport={"width": 1280, "height": 900}
    )
    inbox = provider.new_page()
    inbox.goto(f"{live_server.url}/accounts/login/")
    inbox.fill("[name=username]", "inbox@example.hk")
    inbox.fill("[name=password]", PASSWORD)
    clicks = Clicks()
    clicks.click(inbox.locator("form.card button[type=submit]"), navigate=inbox)
    inbox.wait_for_url(re.compile(r"/cases/provider/$"))
    assert inbox.get_by_test_id("count-new").inner_text() == "1"
    screenshot(inbox, "3-inbox")
    clicks.click(inbox.locator("table a").first, navigate=inbox)
    assert inbox.get_by_test_id("officer-note").inner_text() == note
    assert "chen.jing@example.cn" not in inbox.content()
    clicks.click(inbox.get_by_role("button", name=words["accept"], exact=True), navigate=inbox)
    referral.refresh_from_db()
    assert referral.status == "accepted"
    assert "chen.jing@example.cn" in inbox.content()
    assert clicks.count == 3
    screenshot(inbox, "4-accepted")
    provider.close()


@pytest.fixture
def event_world(transactional_db):
    from goglobal.accounts.tests.factories import UserFactory
    from goglobal.events import services
    from goglobal.events.tests.factories import (
        EventFactory,
        MeetingRequestFactory,
        ParticipantFactory,
    )

    organiser = UserFactory(role="organiser", email="organiser@example.hk")
    event = EventFactory()
    chen = ParticipantFactory(event=event, full_name="陈静", language="zh-hans")
    wong = ParticipantFactory(event=event, full_name="黃嘉欣", language="zh-hant")
    alice = ParticipantFactory(event=event, full_name="Alice Lee", language="en")
    MeetingRequestFactory(requester=chen, requested=wong)
    MeetingRequestFactory(requester=alice, requested=chen)
    run = services.schedule_run_start(actor=organiser, event=event)
    run.refresh_from_db()
    services.schedule_run_publish(actor=organiser, run=run)
    return {"event": event, "organiser": organiser, "people": [chen, wong, alice]}


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_organiser_sends_every_participant_its_agenda_by_email(
    live_server, browser, event_world, screenshot, language
):
    from django.core import mail

    event = event_world["event"]
    context = _staff_context(browser, live_server, event_world["organiser"], LANGUAGES[language])
    page = context.new_page()
    page.goto(f"{live_server.url}/events/{event.pk}/")
    assert page.get_by_text(f"{event.starts_on:%Y-%m-%d} – ").count() == 0  # one day, one date
    clicks = Clicks()

    def answer(dialog) -> None:
        clicks.count += 1
        dialog.accept()

    page.on("dialog", answer)
    clicks.click(page.get_by_role("button", name=words_send(language)), navigate=page)
    assert clicks.count == 2  # the button and its confirmation
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in event_world["people"])
    assert all(m.attachments for m in mail.outbox)
    page.reload()
    assert page.get_by_test_id("agendas-emailed").is_visible()
    screenshot(page, "agendas-sent")
    context.close()


def words_send(language: str) -> str:
    return WORDS[language]["send"]
