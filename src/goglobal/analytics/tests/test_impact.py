import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from goglobal.accounts.models import Role
from goglobal.analytics.exports import neutralise
from goglobal.cases import services
from goglobal.cases.models import Outcome
from goglobal.cases.tests.factories import CaseFactory
from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.providers.tests.factories import ProviderMemberFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)
PERIOD = {"start": "2026-10-01", "end": "2026-12-31", "by": "officer"}


@pytest.fixture
def story(officer):
    officer.full_name = '=HYPERLINK("http://evil")'
    officer.save()
    case = CaseFactory(owner=officer, enterprise=EnterpriseFactory(name_zh="深圳星河科技有限公司"))
    services.case_move(case=case, target="qualified", actor=officer, seen_version=case.version)
    services.outcome_record(
        case=case,
        actor=officer,
        kind="funds_raised",
        achieved_on=datetime.date(2026, 11, 3),
        amount=Decimal(10_000_000),
        currency="USD",
        route="ipo",
    )
    services.outcome_record(
        case=case,
        actor=officer,
        kind="funds_raised",
        achieved_on=datetime.date(2026, 11, 4),
        amount=Decimal(5_000_000),
        currency="EUR",
        route="debt",
    )
    Outcome.objects.filter(currency="USD").update(confirmation="confirmed")
    return case


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.ADMIN, 200),
        (Role.OFFICER, 200),
        (Role.ANALYST, 200),
        (Role.ORGANISER, 403),
        (Role.ENTERPRISE_MEMBER, 403),
        (Role.PROVIDER_MEMBER, 403),
    ],
)
def test_who_sees_the_dashboard(client, make_user, story, role, status):
    client.force_login(make_user(role))

    page = client.get(reverse("analytics:impact"), PERIOD, HTTP_ACCEPT_LANGUAGE="en")
    export = client.get(reverse("analytics:export", args=["headline", "csv"]), PERIOD)
    records = client.get(reverse("analytics:records"), {"kpi": "funds.total"})

    assert page.status_code == status
    assert export.status_code == status
    assert records.status_code == status


def test_signed_out_readers_are_sent_to_sign_in(client):
    response = client.get(reverse("analytics:impact"))

    assert response.status_code == 302


def test_recorded_and_confirmed_side_by_side_with_the_rate(client, officer, story):
    client.force_login(officer)

    response = client.get(reverse("analytics:impact"), PERIOD, HTTP_ACCEPT_LANGUAGE="en")

    board = response.context["board"]
    funds = next(row for row in board.headline.rows if row[0] == "Funds raised in Hong Kong")
    assert funds[1:3] == [78_000_000, 78_000_000]  # USD 10m at 7.80; the EUR amount has no rate
    body = response.content.decode()
    assert "USD 1 = HKD 7.8" in body
    assert "EUR (1)" in body
    assert "<svg" in body
    assert "<title>上海市</title>" in body or "<title>Shanghai</title>" in body  # the province map
    assert "http" not in body.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_each_number_links_to_the_records_behind_it(client, officer, story):
    client.force_login(officer)
    board = client.get(reverse("analytics:impact"), PERIOD).context["board"]
    link = next(url for (row, _col), url in board.breakdown.links.items())

    response = client.get(link, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "深圳星河科技有限公司" in response.content.decode()
    assert story.get_absolute_url() in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [{"start": "2026-13-01"}, {"start": "2026-12-01", "end": "2026-01-01"}, {"by": "colour"}],
)
def test_bad_periods_get_field_errors(client, officer, query):
    client.force_login(officer)

    response = client.get(reverse("analytics:impact"), query)

    assert response.status_code == 400
    assert response.context["form"].errors


@pytest.mark.parametrize(
    "query",
    [
        {"kpi": "nope"},
        {"kpi": "funds.total", "by": "event", "key": "x"},
        {"kpi": "funds.total", "by": "period", "key": "2026-99"},
        {"kpi": "funds.total", "scope": "x"},
    ],
)
def test_bad_record_queries_are_refused_or_empty(client, officer, query):
    client.force_login(officer)

    response = client.get(reverse("analytics:records"), query)

    assert response.status_code in {200, 400}
    if response.status_code == 200:
        assert list(response.context["rows"]) == []


@pytest.mark.parametrize(
    ("kind", "value", "status"),
    [
        ("mechanism", "no-such-mechanism", 404),
        ("event", "999999", 404),
        ("officer", "abc", 404),
        ("colour", "red", 404),
    ],
)
def test_slices_of_unknown_things_are_404(client, officer, kind, value, status):
    client.force_login(officer)

    response = client.get(reverse("analytics:impact_slice", args=[kind, value]))

    assert response.status_code == status


def test_an_officers_portfolio(client, officer, make_user, story):
    other = make_user("officer")
    CaseFactory(owner=other)
    client.force_login(make_user("analyst"))

    mine = client.get(reverse("analytics:impact_slice", args=["officer", officer.pk]), PERIOD)
    analyst = make_user("analyst")

    assert mine.status_code == 200
    served = mine.context["board"].report.kpis["enterprises.served"].recorded
    assert served == 1
    assert (
        client.get(reverse("analytics:impact_slice", args=["officer", analyst.pk])).status_code
        == 404
    )


def test_exports_neutralise_formulas(client, officer, story):
    client.force_login(officer)

    text = b"".join(
        client.get(reverse("analytics:export", args=["breakdown", "csv"]), PERIOD).streaming_content
    ).decode("utf-8-sig")
    workbook = load_workbook(
        io.BytesIO(
            client.get(reverse("analytics:export", args=["breakdown", "xlsx"]), PERIOD).content
        )
    )

    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'
    cell = workbook.active.cell(row=2, column=1)
    assert cell.value == '=HYPERLINK("http://evil")'
    assert cell.data_type == "s"
    assert cell.quotePrefix


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-12", "-12"),
        (-3, "-3"),
        ("深圳", "深圳"),
        (None, ""),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_members_cannot_download(client, story):
    client.force_login(ProviderMemberFactory().user)

    response = client.get(reverse("analytics:export", args=["headline", "xlsx"]))

    assert response.status_code == 403


def test_a_cached_dashboard_is_never_stale(client, officer, story, settings):
    settings.GOGLOBAL_IMPACT_CACHE_SECONDS = 300
    client.force_login(officer)
    url = reverse("analytics:impact")

    def jobs():
        board = client.get(url, PERIOD).context["board"]
        return next(row for row in board.headline.rows if row[0] == "Jobs created in Hong Kong")[1]

    before = jobs()
    services.outcome_record(
        case=story,
        actor=officer,
        kind="jobs_created",
        achieved_on=datetime.date(2026, 11, 9),
        jobs=9,
    )

    assert (before, jobs()) == (0, 9)


def test_with_background_workers_the_first_reader_after_a_write_is_not_kept_waiting(
    client, officer, story, settings
):
    """Where background work runs apart from the request (RQ in production; here a backend
    that keeps the job until it is run), the reader after a write gets the last figures, marked,
    and exactly one job is queued to count the new ones; once it has run, readers get them."""
    from django.core.cache import cache
    from django_tasks import default_task_backend

    cache.clear()  # another test's figures may share this one's fingerprint
    settings.GOGLOBAL_IMPACT_CACHE_SECONDS = 300
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.force_login(officer)
    url = reverse("analytics:impact")

    def page():
        response = client.get(url, PERIOD)
        board = response.context["board"]
        jobs = next(row for row in board.headline.rows if row[0] == "Jobs created in Hong Kong")
        return jobs[1], board.is_recounting, response.content.decode()

    assert page()[:2] == (0, False)  # nothing counted yet: the first reader waits
    services.outcome_record(
        case=story,
        actor=officer,
        kind="jobs_created",
        achieved_on=datetime.date(2026, 11, 9),
        jobs=9,
    )

    jobs, recounting, html = page()
    again = page()
    queued = default_task_backend.results

    assert (jobs, recounting) == (0, True)
    assert "Newer changes are being counted now" in html
    assert again[:2] == (0, True)
    assert len(queued) == 1  # one recount for both readers
    assert queued[0].task.name == "dashboard_recount_task"

    result = queued[0]
    result.task.call(*result.args, **result.kwargs)

    assert page()[:2] == (9, False)
    export = client.get(reverse("analytics:export", args=["headline", "csv"]), PERIOD)
    assert export.status_code == 200
