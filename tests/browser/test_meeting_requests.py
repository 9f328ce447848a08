"""A participant asks for meetings on its agenda page in the browser (Simplified Chinese): finds
the other person by pinyin in the searchable list, sends, sees the request, withdraws it; once
the schedule is published the page says requests are closed."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_participant_asks_by_pinyin_withdraws_and_sees_requests_close(
    live_server, browser, screenshot
) -> None:
    from goglobal.accounts.tests.factories import UserFactory
    from goglobal.events import selectors, services
    from goglobal.events.models import MeetingRequest
    from goglobal.events.tests.factories import EventFactory, ParticipantFactory

    event = EventFactory()
    chen = ParticipantFactory(event=event, full_name="陈静", organisation_name="宁波澜海动力电池")
    wong = ParticipantFactory(
        event=event, full_name="黄嘉欣", organisation_name="港景律师事务所", kind="provider"
    )
    ParticipantFactory(event=event, full_name="Alice Lee", organisation_name="Victoria Capital")
    url = f"{live_server.url}/events/agenda/{selectors.agenda_token(chen)}/"
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()

    page.goto(url)
    box = page.locator("#id_requested-search")
    box.fill("gangjing")  # the organisation's pinyin
    shown = page.eval_on_selector(
        "[name=requested]",
        "el => Array.from(el.options).filter(o => !o.hidden).map(o => o.textContent.trim())",
    )
    box.press("Enter")
    page.check("input[name=priority][value=must_meet]")
    screenshot(page, "meeting-request-form")
    with page.expect_navigation():
        page.get_by_role("button", name="发送请求").click()
    made = page.locator("#meeting-requests").inner_text()
    request = MeetingRequest.objects.get()
    with page.expect_navigation():
        page.locator("#meeting-requests").get_by_role("button", name="撤回").click()
    withdrawn = page.locator("main").inner_text()

    assert shown == ["黄嘉欣 · 港景律师事务所"]
    assert (request.requester, request.requested, request.priority) == (chen, wong, "must_meet")
    assert "黄嘉欣" in made
    assert "必须会面" in made
    assert "已撤回" in withdrawn
    assert not MeetingRequest.objects.exists()

    organiser = UserFactory(role="organiser")
    run = services.schedule_run_execute(
        run=services.schedule_run_start(actor=organiser, event=event)
    )
    services.schedule_run_publish(actor=organiser, run=run)
    page.goto(url)
    closed = page.locator("#meeting-requests").inner_text()
    screenshot(page, "meeting-requests-closed")

    assert "会面请求已截止" in closed
    assert "日程已经公布，其中没有您的会面" in page.locator("main").inner_text()
    assert page.locator("[data-testid=agenda-request-form]").count() == 0
    context.close()
