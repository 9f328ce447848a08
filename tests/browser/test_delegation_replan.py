"""An officer slows the trips to one venue after the programme is published: the delegation page
warns, naming the meeting and its members (no axe-core violation, critical or serious), and
re-planning from the warning keeps the other meetings; once published the warning is gone."""

from __future__ import annotations

import datetime
import importlib.resources

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _context(browser, live_server, user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    # axe-core is injected as a script: the page's CSP (no inline script) is bypassed for it
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


def _serious(page) -> list[str]:
    axe = (
        importlib.resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")
    )
    page.add_script_tag(content=axe)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v["id"] for v in result["violations"] if v["impact"] in {"critical", "serious"}]


def test_officer_sees_the_programme_needs_replanning_and_replans(live_server, browser):
    from goglobal.accounts.tests.factories import UserFactory
    from goglobal.delegations import services
    from goglobal.delegations.models import DelegationRun, Visit
    from goglobal.delegations.tests.factories import small_delegation

    officer = UserFactory(role="officer", email="officer@example.hk")
    small = small_delegation(owner=officer)
    d = small.delegation
    run = services.delegation_run_start(actor=officer, delegation=d)
    run = services.delegation_run_execute(run=DelegationRun.objects.get(pk=run.pk), time_limit=5)
    services.delegation_run_publish(actor=officer, run=run)
    visit = next(
        v
        for v in Visit.objects.filter(run=run)
        .exclude(venue=small.venues["Hotel"])
        .order_by("start")
        if v.start.astimezone(d.zone).time() <= datetime.time(12, 0)
    )
    far = visit.venue.name

    context = _context(browser, live_server, officer)
    page = context.new_page()
    page.goto(f"{live_server.url}{d.get_absolute_url()}")
    assert not page.get_by_text("The published programme needs re-planning").count()
    for other in ("Hotel", "Science park", "Port"):
        if other == far:
            continue
        field = page.get_by_label(f"{far} to {other} (minutes)")
        if not field.count():
            field = page.get_by_label(f"{other} to {far} (minutes)")
        field.fill("240")
    page.get_by_role("button", name="Save travel times").click()

    warning = page.locator("#replan")
    warning.wait_for()
    assert page.get_by_text("meetings of the published programme no longer hold").is_visible()
    assert visit.host.name in warning.inner_text()
    assert "shortest route is now" in warning.inner_text()
    assert _serious(page) == []
    page.get_by_role("button", name="Re-plan, keeping the other meetings").click()
    page.wait_for_url("**/runs/*/")
    page.get_by_text("kept where they were").wait_for()
    page.get_by_role("button", name="Publish this programme").click()
    assert page.get_by_text("Programme published").is_visible()
    page.goto(f"{live_server.url}{d.get_absolute_url()}")
    assert not page.locator("#replan").count()
    context.close()
