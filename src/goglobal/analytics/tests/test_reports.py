import datetime

import pytest
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.analytics import reports
from goglobal.analytics.models import QuarterlyReport
from goglobal.cases import services
from goglobal.cases.tests.factories import CaseFactory
from goglobal.core.errors import DomainError

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(officer):
    case = CaseFactory(owner=officer)
    services.case_move(case=case, target="qualified", actor=officer, seen_version=case.version)
    services.outcome_record(
        case=case,
        actor=officer,
        kind="jobs_created",
        achieved_on=datetime.date(2026, 11, 2),
        jobs=40,
    )


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_a_quarterly_report_is_rendered_by_a_background_job(
    client, officer, story, settings, tmp_path, django_capture_on_commit_callbacks, language
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(officer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("analytics:reports"), {"year": 2026, "quarter": 4, "language": language}
        )

    assert response.status_code == 302
    report = QuarterlyReport.objects.get()
    assert report.status == "done", report.error
    download = client.get(reverse("analytics:report", args=[report.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_report_html_is_in_its_language(story):
    report = QuarterlyReport(year=2026, quarter=4, language="zh-hant")

    html = reports.report_html(report)

    assert "在港創造職位數" in html
    assert "2026-10-01" in html


def test_one_report_at_a_time(officer):
    reports.quarterly_report_request(actor=officer, year=2026, quarter=3, language="en")

    with pytest.raises(DomainError):
        reports.quarterly_report_request(actor=officer, year=2026, quarter=3, language="en")


@pytest.mark.parametrize(
    "data",
    [
        {"year": 1900, "quarter": 1, "language": "en"},
        {"year": 2026, "quarter": 5, "language": "en"},
        {"year": 2026, "quarter": 1, "language": "fr"},
    ],
)
def test_bad_requests_get_field_errors(client, officer, data):
    client.force_login(officer)

    response = client.post(reverse("analytics:reports"), data)

    assert response.status_code == 400
    assert response.context["form"].errors
    assert not QuarterlyReport.objects.exists()


@pytest.mark.parametrize("role", [Role.ORGANISER, Role.ENTERPRISE_MEMBER, Role.PROVIDER_MEMBER])
def test_other_roles_cannot_ask_or_download(client, make_user, officer, role):
    report = QuarterlyReport.objects.create(year=2026, quarter=1, language="en", status="done")
    client.force_login(make_user(role))

    asked = client.post(
        reverse("analytics:reports"), {"year": 2026, "quarter": 2, "language": "en"}
    )

    assert asked.status_code == 403
    assert client.get(reverse("analytics:report", args=[report.pk])).status_code == 403
    assert QuarterlyReport.objects.count() == 1
