import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from goglobal.events import selectors, services
from goglobal.events.models import Event, Participant, ScheduleRun
from goglobal.events.tests.factories import EventFactory, MeetingRequestFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

REGISTRATIONS = (
    "full_name,organisation,kind,email,language,days,max_meetings\n"
    "陈静,宁波澜海动力电池,enterprise,chen@example.cn,zh-hans,,\n"
    "黃嘉欣,港景律師事務所,provider,wong@example.hk,zh-hant,,\n"
    "Alice Lee,Victoria Capital,investor,alice@example.hk,en,,2\n"
)
REQUESTS = (
    "from_email,to_email,priority\n"
    "chen@example.cn,wong@example.hk,must_meet\n"
    "chen@example.cn,alice@example.hk,would_like\n"
)


def _upload(name, text):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_organiser_runs_the_whole_journey(client, make_user, django_capture_on_commit_callbacks):
    organiser = make_user("organiser")
    client.force_login(organiser)

    response = client.post(
        reverse("events:create"),
        {
            "name_en": "Shanghai Going Global",
            "name_zh_hans": "上海企业出海推介会",
            "city": "上海",
            "timezone": "Asia/Shanghai",
            "starts_on": "2026-11-05",
            "ends_on": "2026-11-05",
            "status": "open",
            "slots-day_start": "09:00",
            "slots-day_end": "10:00",
            "slots-minutes": "20",
            "slots-breaks": "",
            "slots-tables": "2",
        },
    )
    event = Event.objects.get()
    assert response.status_code == 302
    client.post(
        reverse("events:participants", args=[event.pk]), {"file": _upload("r.csv", REGISTRATIONS)}
    )
    client.post(reverse("events:requests", args=[event.pk]), {"file": _upload("q.csv", REQUESTS)})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:run_start", args=[event.pk]))
    run = ScheduleRun.objects.get()
    client.post(reverse("events:run_publish", args=[event.pk, run.pk]))
    page = client.get(run.get_absolute_url()).content.decode()
    grid = client.get(reverse("events:grid", args=[event.pk, run.pk])).content.decode()
    signs = client.get(reverse("events:signs", args=[event.pk, run.pk]))

    assert event.participants.count() == 3
    assert event.requests.count() == 2
    run.refresh_from_db()
    assert (run.status, run.value, run.upper_bound, run.is_published) == ("done", 4, 4, True)
    assert "http-equiv" not in page
    assert run.instance["format"] == "goglobal-schedule/2"
    assert run.result["breaks"]["total"] == 0
    assert "data-breaks>0<" in page
    assert "陈静 · 黃嘉欣" in grid or "黃嘉欣 · 陈静" in grid
    assert signs.status_code == 200


def test_import_errors_are_listed_by_row_and_column(client, make_user):
    client.force_login(make_user("organiser"))
    event = EventFactory()

    response = client.post(
        reverse("events:participants", args=[event.pk]),
        {"file": _upload("r.csv", "full_name,organisation,kind,email\n陈静,,boss,not-an-email\n")},
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "organisation" in body
    assert "boss" in body
    assert "not-an-email" in body
    assert not event.participants.exists()


def test_running_run_page_refreshes_itself(client, make_user):
    client.force_login(make_user("officer"))
    event = EventFactory()
    run = ScheduleRun.objects.create(event=event, status="running")

    body = client.get(run.get_absolute_url()).content.decode()

    assert 'http-equiv="refresh"' in body


@pytest.mark.parametrize(
    ("role", "read", "write"),
    [
        ("admin", 200, 302),
        ("organiser", 200, 302),
        ("officer", 200, 403),
        ("analyst", 403, 404),
        ("enterprise_member", 403, 404),
        ("provider_member", 403, 404),
    ],
)
def test_permission_matrix(client, make_user, role, read, write):
    event = EventFactory()
    person = ParticipantFactory(event=event)
    client.force_login(make_user(role))

    list_status = client.get(reverse("events:list")).status_code
    cancel = client.post(reverse("events:participant_cancel", args=[event.pk, person.pk]))
    start = client.post(reverse("events:run_start", args=[event.pk]))
    create = client.post(reverse("events:create"), {"name_en": "X"})

    assert list_status == read
    assert cancel.status_code == write
    person.refresh_from_db()
    if write != 302:
        assert person.deleted_at is None
        assert start.status_code == write
        assert create.status_code == 403
        assert not ScheduleRun.objects.exists()
        assert Event.objects.count() == 1


@pytest.mark.parametrize("rows", [3, 30])
def test_list_pages_query_count_is_flat(client, make_user, django_assert_max_num_queries, rows):
    client.force_login(make_user("organiser"))
    event = EventFactory()
    people = [ParticipantFactory(event=event) for _ in range(rows)]
    for index in range(rows):
        MeetingRequestFactory(requester=people[index], requested=people[(index + 1) % rows])
    for _ in range(rows):
        EventFactory(slots=1, tables=1)

    for name, args in [
        ("events:list", []),
        ("events:participants", [event.pk]),
        ("events:requests", [event.pk]),
        ("events:check_in", [event.pk]),
    ]:
        with django_assert_max_num_queries(10):
            assert client.get(reverse(name, args=args)).status_code == 200


def _published(make_user, django_capture_on_commit_callbacks):
    organiser = make_user("organiser")
    request = MeetingRequestFactory(
        requester__full_name="陈静",
        requester__language="zh-hans",
        requested__full_name="Wong; Ka, Yan",
        requested__organisation_name="Harbourview Legal, LLP",
    )
    with django_capture_on_commit_callbacks(execute=True):
        run = services.schedule_run_start(actor=organiser, event=request.event)
    services.schedule_run_publish(actor=organiser, run=run)
    return request.requester


def test_agenda_by_signed_link_in_participant_language(
    client, make_user, django_capture_on_commit_callbacks
):
    participant = _published(make_user, django_capture_on_commit_callbacks)

    response = client.get(reverse("events:agenda", args=[selectors.agenda_token(participant)]))
    forged = client.get(reverse("events:agenda", args=[f"{participant.pk}:forged"]))

    body = response.content.decode()
    assert response.status_code == 200
    assert 'lang="zh-Hans"' in body
    assert "Wong; Ka, Yan" in body
    assert "09:00" in body  # shown in the event's time zone (Asia/Shanghai)
    assert forged.status_code == 404


def test_ics_download_is_rfc5545(client, make_user, django_capture_on_commit_callbacks):
    participant = _published(make_user, django_capture_on_commit_callbacks)

    response = client.get(reverse("events:agenda_ics", args=[selectors.agenda_token(participant)]))

    text = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "DTSTART:20261105T010000Z\r\n" in text  # 09:00 in Shanghai
    assert "DTEND:20261105T012000Z\r\n" in text
    assert "Wong\\; Ka\\, Yan" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.count("BEGIN:VEVENT") == 1


def test_cancelled_participant_link_is_gone(client, make_user, django_capture_on_commit_callbacks):
    participant = _published(make_user, django_capture_on_commit_callbacks)
    services.participant_cancel(actor=make_user("organiser"), participant=participant)

    response = client.get(reverse("events:agenda", args=[selectors.agenda_token(participant)]))

    assert response.status_code == 404
    assert Participant.objects.filter(pk=participant.pk, deleted_at__isnull=False).exists()


def test_check_in_and_outcome_pages(client, make_user, django_capture_on_commit_callbacks):
    participant = _published(make_user, django_capture_on_commit_callbacks)
    event = participant.event
    meeting = selectors.agenda_for(participant)[0]
    client.force_login(make_user("organiser"))

    client.post(
        reverse("events:check_in", args=[event.pk]),
        {"participant": participant.pk, "action": "check_in"},
    )
    client.post(
        reverse("events:meeting", args=[event.pk, meeting.pk]),
        {"version": 1, "outcome": "interested", "notes": "下月跟进"},
    )

    participant.refresh_from_db()
    meeting.refresh_from_db()
    assert participant.checked_in_at is not None
    assert (meeting.outcome, meeting.notes) == ("interested", "下月跟进")
    assert datetime.date(2026, 11, 5) == meeting.slot.day


def test_an_event_held_under_a_mechanism_is_listed_with_it(client, officer):
    from goglobal.events.tests.factories import EventFactory
    from goglobal.knowledge.models import Mechanism

    mechanism = Mechanism.objects.order_by("pk").first()
    assert mechanism is not None
    EventFactory(name_en="Shanghai Going Global Conference", mechanism=mechanism)
    client.force_login(officer)

    response = client.get(reverse("knowledge:mechanisms"), HTTP_ACCEPT_LANGUAGE="en")

    assert "Shanghai Going Global Conference" in response.content.decode()
