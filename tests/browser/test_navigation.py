"""The navigation band fits one row at 1360 px for the role that sees the most entries, in every
language; a group opens below its name, and exactly one entry is marked current."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("locale", ["en-GB", "zh-CN", "zh-HK"])
def test_admin_navigation_fits_one_row_and_groups_open(live_server, browser, screenshot, locale):
    from django.test import Client

    from goglobal.accounts.models import Role
    from goglobal.accounts.tests.factories import UserFactory

    admin = UserFactory(role=Role.ADMIN, full_name="陳大文 Chan Tai-man")
    client = Client()
    client.force_login(admin)
    context = browser.new_context(locale=locale, viewport={"width": 1360, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/cases/tasks/")

    entries = page.locator(".site-nav-list > li")
    tops = {round(box["y"]) for box in (e.bounding_box() for e in entries.all()) if box}
    band = page.locator(".site-nav-list").bounding_box()
    assert entries.count() >= 8
    assert len(tops) == 1, tops  # one row
    assert band["x"] + band["width"] <= 1360
    assert page.locator('.site-nav [aria-current="page"]').count() == 1

    group = page.locator(".site-nav-group summary").first
    group.click()
    links = page.locator(".site-nav-group details[open] a")
    assert links.count() >= 2
    screenshot(page, f"nav-{locale}")
    first = links.first.bounding_box()
    assert first["y"] > group.bounding_box()["y"]  # opens below the band's name
    links.first.click()
    page.wait_for_load_state()
    assert page.locator('.site-nav [aria-current="page"]').count() == 1
    assert page.locator(".site-nav-group.is-current").count() == 1
    context.close()
