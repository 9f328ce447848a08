"""An officer plans a delegation's programme in the browser: adds a venue and its travel times,
runs the scheduler, reads the result in words and publishes it; a member account then reads its
own itinerary in its language and cannot open another member's."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _context(browser, live_server, user, locale):
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


def test_officer_plans_and_member_reads_its_itinerary(live_server, browser, screenshot):
    from goglobal.accounts.tests.factories import UserFactory
    from goglobal.delegations.models import Visit
    from goglobal.delegations.tests.factories import small_delegation

    officer = UserFactory(role="officer", email="officer@example.hk")
    small = small_delegation(owner=officer)
    d = small.delegation
    context = _context(browser, live_server, officer, "en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/delegations/")
    page.get_by_role("link", name="Shanghai delegation").click()
    page.locator("#venues summary").click()
    page.fill("[name=venue-name]", "Exhibition centre")
    page.locator("#venues button[type=submit]", has_text="Add").click()
    page.wait_for_url("**/delegations/*/#venues")
    travel = page.get_by_label("Exhibition centre to Hotel (minutes)")
    if not travel.count():
        travel = page.get_by_label("Hotel to Exhibition centre (minutes)")
    travel.fill("20")
    page.get_by_role("button", name="Save travel times").click()
    assert page.get_by_text("Travel times saved.").is_visible()
    assert d.travel.count() == 4
    page.get_by_role("button", name="Schedule the programme").click()
    page.wait_for_url("**/runs/*/")
    page.get_by_text("meetings asked for").wait_for()
    assert page.get_by_text("travel time between venues").is_visible()
    screenshot(page, "run")
    page.get_by_role("button", name="Publish this programme").click()
    assert page.get_by_text("Programme published").is_visible()
    page.goto(f"{live_server.url}{d.get_absolute_url()}")
    screenshot(page, "detail")
    assert Visit.objects.filter(run__delegation=d, run__is_published=True).exists()
    context.close()

    member = _context(browser, live_server, small.member_user, "zh-HK")
    page = member.new_page()
    chan = small.members["chan"]  # itinerary language English
    page.goto(f"{live_server.url}/delegations/mine/")
    page.get_by_role("link", name="上海考察團").click()  # the account's language: zh-HK
    # the itinerary itself is in the member's itinerary language (English)
    assert page.get_by_role("heading", name="Itinerary: Chan Siu-wai").is_visible()
    assert page.get_by_text("Morning briefing").first.is_visible()
    screenshot(page, "itinerary")
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar").click()
    assert download.value.suggested_filename == f"itinerary-{chan.pk:06d}.ics"
    other = small.members["lee"]
    response = page.goto(f"{live_server.url}/delegations/{d.pk}/members/{other.pk}/")
    assert response is not None
    assert response.status == 404
    member.close()
