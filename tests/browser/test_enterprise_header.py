"""The enterprise profile's header keeps its less frequent actions in one menu, so a long name
fits on one or two lines at 1360 px; the menu opens and its actions work."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("locale", ["zh-CN", "en-GB"])
def test_a_long_name_fits_two_lines_and_actions_sit_in_a_menu(
    live_server, browser, screenshot, locale
):
    from django.test import Client

    from goglobal.accounts.models import Role
    from goglobal.accounts.tests.factories import UserFactory
    from goglobal.enterprises.tests.factories import EnterpriseFactory

    officer = UserFactory(role=Role.OFFICER)
    enterprise = EnterpriseFactory(
        name_zh="宁波澜海新能源动力电池系统集成科技股份有限公司",
        name_en="Ningbo Lanhai New Energy Power Battery System Integration Technology Co., Ltd.",
    )
    client = Client()
    client.force_login(officer)
    context = browser.new_context(locale=locale, viewport={"width": 1360, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/enterprises/{enterprise.pk}/")

    for part in (".page-title-main", ".page-title-alt"):  # the name, then its other language
        title = page.locator(f".page-header h1 {part}")
        lines = title.evaluate(
            "t => getComputedStyle(t).display === 'block'"
            " ? Math.round(t.getBoundingClientRect().height"
            " / parseFloat(getComputedStyle(t).lineHeight))"
            " : t.getClientRects().length"
        )
        assert lines <= 2, (part, lines)
    visible = page.locator(".page-header .page-actions > .btn")
    assert visible.count() <= 2
    menu = page.get_by_test_id("more-actions")
    assert not menu.locator("a").first.is_visible()

    menu.locator("summary").click()
    screenshot(page, f"enterprise-header-{locale}")
    needs = menu.locator("a").first
    assert needs.is_visible()
    needs.click()
    page.wait_for_url(f"**/enterprises/{enterprise.pk}/needs/")
    context.close()
