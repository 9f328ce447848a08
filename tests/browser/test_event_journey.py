"""An organiser creates an event, imports registrations and requests, runs the scheduler and
publishes; a participant opens its agenda by its link and downloads the calendar file and the
PDF; the organiser prepares every agenda as a ZIP of PDFs and downloads it."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REGISTRATIONS = (
    "full_name,organisation,kind,email,language,days,max_meetings\n"
    "陈静,宁波澜海动力电池有限公司,enterprise,chen@example.cn,zh-hans,,\n"
    "黃嘉欣,港景律師事務所,provider,wong@example.hk,zh-hant,,\n"
    "Alice Lee,Victoria Capital,investor,alice@example.hk,en,,1\n"
)
REQUESTS = (
    "from_email,to_email,priority\n"
    "chen@example.cn,wong@example.hk,must_meet\n"
    "chen@example.cn,alice@example.hk,would_like\n"
    "alice@example.hk,wong@example.hk,no_thanks\n"
)


@pytest.fixture
def organiser_context(browser, live_server, transactional_db):
    from django.test import Client

    from goglobal.accounts.tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory(role="organiser", email="organiser@example.hk"))
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    yield context
    context.close()


def test_organiser_schedules_and_participant_downloads_agenda(
    live_server, browser, organiser_context, screenshot, tmp_path
):
    from goglobal.events import selectors
    from goglobal.events.models import Participant

    registrations = tmp_path / "registrations.csv"
    registrations.write_text(REGISTRATIONS, encoding="utf-8")
    requests = tmp_path / "requests.csv"
    requests.write_text(REQUESTS, encoding="utf-8")
    page = organiser_context.new_page()

    page.goto(f"{live_server.url}/events/new/")
    page.fill("[name=name_en]", "Shanghai Going Global Conference")
    page.fill("[name=name_zh_hans]", "上海企业出海推介会")
    page.fill("[name=city]", "上海")
    page.fill("[name=starts_on]", "2026-11-05")
    page.fill("[name=ends_on]", "2026-11-05")
    page.fill("[name=slots-day_start]", "09:00")
    page.fill("[name=slots-day_end]", "11:00")
    page.fill("[name=slots-breaks]", "10:00-10:20")
    page.fill("[name=slots-tables]", "2")
    page.fill("[name=quota_enterprise]", "2")  # 陈静 asks for two meetings: the quota allows them
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/events/\d+/$"))
    screenshot(page, "1-event")

    page.get_by_role("link", name="Participants").click()
    page.set_input_files("[name=file]", str(registrations))
    page.get_by_role("button", name="Import").click()
    assert "3 rows imported" in page.content()
    assert "黃嘉欣" in page.content()
    page.locator(".breadcrumbs a").nth(1).click()
    page.get_by_role("link", name="Meeting requests").click()
    page.set_input_files("[name=file]", str(requests))
    page.get_by_role("button", name="Import").click()
    assert "3 rows imported" in page.content()

    page.locator(".breadcrumbs a").nth(1).click()
    page.get_by_role("button", name="Run the scheduler").click()
    page.wait_for_url(re.compile(r"/runs/\d+/$"))
    page.wait_for_selector("[data-run-status=done]")
    assert page.locator("[data-value]").inner_text() == "4"
    page.get_by_role("button", name="Publish", exact=True).click()
    assert "Schedule published" in page.content()
    screenshot(page, "2-run-published")
    page.get_by_role("link", name="Master grid").click()
    assert "陈静" in page.content()

    participant = Participant.objects.get(email="chen@example.cn")
    visitor = browser.new_context(locale="en-GB")
    agenda = visitor.new_page()
    agenda.goto(f"{live_server.url}/events/agenda/{selectors.agenda_token(participant)}/")
    assert agenda.locator("html").get_attribute("lang") == "zh-Hans"
    body = agenda.locator("main").inner_text()
    assert "黃嘉欣" in body
    assert "Alice Lee" in body
    assert "09:00" in body
    screenshot(agenda, "3-agenda")
    with agenda.expect_download() as download_info:
        agenda.locator("a[href$='calendar.ics']").click()
    text = download_info.value.path().read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    assert text.count("BEGIN:VEVENT") == 2
    with agenda.expect_download() as download_info:
        agenda.locator("a[href$='agenda.pdf']").click()
    assert download_info.value.path().read_bytes().startswith(b"%PDF")
    visitor.close()

    page.goto(f"{live_server.url}/events/")
    page.get_by_role("link", name="Shanghai Going Global Conference").click()
    page.get_by_role("button", name="Prepare all agendas as PDF").click()
    page.wait_for_selector("a:has-text('Download all agendas (ZIP)')")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download all agendas (ZIP)").click()
    assert download_info.value.path().read_bytes().startswith(b"PK")
    screenshot(page, "4-agendas-ready")
