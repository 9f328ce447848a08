import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from goglobal.events import exports, services
from goglobal.events.tests.factories import EventFactory, MeetingRequestFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(make_user, django_capture_on_commit_callbacks):
    organiser = make_user("organiser")
    event = EventFactory()
    chen = ParticipantFactory(event=event, full_name="陈静", email="chen@example.cn")
    wong = ParticipantFactory(event=event, full_name="=HYPERLINK(1)", email="wong@example.hk")
    MeetingRequestFactory(requester=chen, requested=wong)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.schedule_run_start(actor=organiser, event=event)
    run.refresh_from_db()
    return run


def _check(header, rows, formula):
    assert header == exports.SCHEDULE_COLUMNS
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["day"] == "2026-11-05"
    assert row["start"] == "09:00"
    assert row["end"] == "09:20"
    assert {row["first_name"], row["second_name"]} == {"陈静", formula}
    assert row["value"] == "3"


def test_csv_and_xlsx_have_the_documented_columns(client, make_user, run):
    client.force_login(make_user("organiser"))

    as_csv = client.get(reverse("events:run_export", args=[run.event_id, run.pk, "csv"]))
    as_xlsx = client.get(reverse("events:run_export", args=[run.event_id, run.pk, "xlsx"]))
    other = client.get(reverse("events:run_export", args=[run.event_id, run.pk, "pdf"]))

    text = b"".join(as_csv.streaming_content).decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text)))
    _check(header, rows, "'=HYPERLINK(1)")
    sheet = openpyxl.load_workbook(io.BytesIO(as_xlsx.content)).active
    header, *rows = [
        ["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)
    ]
    _check(header, rows, "=HYPERLINK(1)")
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert other.status_code == 404


@pytest.mark.parametrize(("role", "status"), [("admin", 200), ("officer", 403), ("analyst", 404)])
def test_export_permissions(client, make_user, run, role, status):
    client.force_login(make_user(role))

    response = client.get(reverse("events:run_export", args=[run.event_id, run.pk, "csv"]))

    assert response.status_code == status
