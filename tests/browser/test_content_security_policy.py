"""No page breaks the Content-Security-Policy: Chromium reports no violation (console or
``securitypolicyviolation`` event) on the public pages, a signed-in officer's pages and the API
docs, which still draw their operations."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/accounts/login/",
    "/cases/",
    "/enterprises/",
    "/directory/",
    "/overview/",
    "/overview/impact/",
    "/design/",
]
WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


def test_no_page_logs_a_policy_violation(live_server, browser):
    from django.test import Client

    from goglobal.accounts.models import Role
    from goglobal.accounts.tests.factories import UserFactory

    officer = UserFactory(role=Role.OFFICER)
    client = Client()
    client.force_login(officer)
    context = browser.new_context(locale="en-GB", viewport={"width": 1360, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    context.add_init_script(WATCH)
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    violations = {}
    for path in [*PAGES, "/api/docs"]:
        page.goto(f"{live_server.url}{path}", wait_until="networkidle")
        if path == "/api/docs":
            page.wait_for_selector(".opblock", timeout=15000)
            assert page.locator(".opblock").count() > 10
        found = page.evaluate("window.__cspViolations")
        if found:
            violations[path] = found

    context.close()
    assert violations == {}
    assert console == []
