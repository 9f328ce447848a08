"""No page breaks the Content-Security-Policy: Chromium, enforcing the policy each page is
served with (``style-src 'self'; style-src-attr 'none'``, scripts from our origin only), reports
no violation — neither a ``securitypolicyviolation`` event nor a console report — on the public
pages, a set of pages per role that draw charts, bars, grids, timelines and itineraries, forms
sent back with their errors, and the API docs while a reader opens an operation, tries it and
reads the answer.

The pages are filled from the label walk's small demo (``core.tests.walk``) and the demo's
delegations, so the charts and grids have something to draw.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.sessions import signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample);
});
"""


@pytest.fixture
def demo(transactional_db):
    from goglobal.core.tests import walk
    from goglobal.delegations.demo import delegations_demo_create

    built = walk.demo_build()
    delegations = delegations_demo_create(2026)
    return built, delegations


def _pages(demo) -> dict[str, list[str]]:
    from goglobal.delegations.models import Member

    built, delegations = demo
    ids = built.ids
    delegation = delegations[0]
    member = Member.objects.filter(delegation=delegation).order_by("pk").first()
    run = delegation.runs.filter(is_published=True).order_by("pk").first()
    enterprise, roadmap_enterprise = ids["enterprise_id"], _first_roadmap_enterprise()
    event, schedule = ids["event_id"], ids["run_id"]
    return {
        "anonymous": [
            "/",
            "/accounts/login/",
            "/about/",
            "/enterprises/register/",
            f"/events/agenda/{ids['token']['events:agenda']}/",
        ],
        "officer": [
            "/overview/",  # pipeline bars, weekly columns, bar lists
            "/overview/impact/",  # SVG charts
            "/cases/",
            f"/cases/{ids['case_id']}/",
            "/enterprises/",
            f"/enterprises/{enterprise}/",
            "/directory/",
            f"/matching/enterprises/{enterprise}/",
            f"/roadmaps/{roadmap_enterprise}/",  # the timeline's SVG
            "/markets/MY/",
            "/markets/compare/?market=MY&market=TH&market=VN",
            f"/data/wizard/{ids['draft_id']}/preview/",
            f"/delegations/{delegation.pk}/",
            f"/delegations/{delegation.pk}/runs/{run.pk}/",
            f"/delegations/{delegation.pk}/members/{member.pk}/",  # the itinerary
            "/design/",
        ],
        "organiser": [
            f"/events/{event}/",
            f"/events/{event}/runs/{schedule}/",
            f"/events/{event}/runs/{schedule}/grid/",  # the meetings grid
            f"/events/{event}/runs/{schedule}/signs/",
            f"/events/{event}/check-in/",
            f"/events/{event}/requests/",
        ],
        "enterprise_member": ["/enterprises/portal/", "/roadmaps/mine/"],
        "analyst": ["/overview/impact/", "/overview/impact/reports/"],
    }


def _first_roadmap_enterprise() -> int:
    """The enterprise of the first roadmap: roadmap pages are addressed by their enterprise."""
    from goglobal.roadmaps.models import Roadmap

    return Roadmap.objects.order_by("pk").values_list("enterprise_id", flat=True).first()


def _context(browser, live_server, user):
    context = signed_in_context(browser, live_server, user)
    context.add_init_script(WATCH)
    return context


class Watch:
    """The violations a page reports, by path: its events and the console's reports."""

    def __init__(self, page) -> None:
        self.page = page
        self.found: dict[str, list[str]] = {}
        self.console: list[str] = []
        self.failed: list[str] = []
        page.on("console", self._console)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(f"{self.page.url}: {message.text}")

    def read(self, label: str) -> None:
        found = self.page.evaluate("window.__cspViolations")
        if found:
            self.found.setdefault(label, []).extend(found)

    def visit(self, url: str, path: str) -> None:
        try:
            response = self.page.goto(f"{url}{path}", wait_until="networkidle")
        except PlaywrightError as error:  # an answer with no page to show (a 405)
            self.failed.append(f"{path}: {error.message.splitlines()[0]}")
            return
        if response is None or response.status != 200:
            self.failed.append(f"{path}: {response.status if response else 'no answer'}")
            return
        assert "style-src-attr 'none'" in response.headers["content-security-policy"]
        self.read(path)


def _send_with_errors(page, watch: Watch, url: str, path: str, form: str) -> None:
    """Send the form empty past the browser's own checks, so the server answers with its
    field errors."""
    page.goto(f"{url}{path}", wait_until="networkidle")
    page.eval_on_selector(form, "f => { f.noValidate = true; }")
    page.locator(f"{form} [type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".errorlist, [aria-invalid=true], .field-error").count() > 0, path
    watch.read(f"{path} (sent with errors)")


def test_no_page_logs_a_policy_violation(live_server, browser, demo):
    built, _delegations = demo
    pages = _pages(demo)
    violations: dict[str, list[str]] = {}
    console: list[str] = []
    failed: list[str] = []
    visited = 0
    for role, paths in pages.items():
        user = None if role == "anonymous" else built.users[role]
        context = _context(browser, live_server, user)
        page = context.new_page()
        watch = Watch(page)
        for path in paths:
            watch.visit(live_server.url, path)
            visited += 1
        if role == "anonymous":
            page.goto(f"{live_server.url}/accounts/login/", wait_until="networkidle")
            page.fill("[name=username]", "nobody@example.hk")
            page.fill("[name=password]", "wrong password")
            page.locator("form [type=submit]").last.click()
            page.wait_for_load_state("networkidle")
            watch.read("/accounts/login/ (wrong password)")
            _send_with_errors(page, watch, live_server.url, "/enterprises/register/", "main form")
        if role == "officer":
            _send_with_errors(page, watch, live_server.url, "/enterprises/new/", "main form")
        if role == "organiser":
            _send_with_errors(page, watch, live_server.url, "/events/new/", "main form")
        violations.update({f"{role} {k}": v for k, v in watch.found.items()})
        console += watch.console
        failed += [f"{role} {line}" for line in watch.failed]
        context.close()

    assert failed == []
    assert visited >= 30
    assert violations == {}
    assert console == []


def test_the_api_docs_draw_and_answer_under_the_same_policy(live_server, browser):
    from goglobal.accounts.models import Role
    from goglobal.accounts.tests.factories import UserFactory

    context = _context(browser, live_server, UserFactory(role=Role.OFFICER))
    page = context.new_page()
    watch = Watch(page)
    watch.visit(live_server.url, "/api/docs")
    page.wait_for_selector(".opblock", timeout=15000)
    assert page.locator(".opblock").count() > 10
    # open an operation, try it, read the highlighted answer, and the schemas
    page.locator(".opblock-get .opblock-summary").first.click()
    page.get_by_role("button", name="Try it out").first.click()
    page.locator(".execute").first.click()
    page.locator(".responses-wrapper .live-responses-table").first.wait_for(timeout=15000)
    page.locator("section.models h4, .models-control").first.click()
    watch.read("/api/docs (operation tried, schemas opened)")
    context.close()

    assert watch.found == {}
    assert watch.console == []
