import datetime
import io

import pytest

from goglobal.core.errors import DomainError
from goglobal.core.models import AuditEvent
from goglobal.events import selectors, services
from goglobal.events.models import Meeting, MeetingRequest, RunStatus
from goglobal.events.tests.factories import (
    EventFactory,
    MeetingRequestFactory,
    ParticipantFactory,
)

pytestmark = pytest.mark.django_db


def _run(event, actor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = services.schedule_run_start(actor=actor, event=event)
    run.refresh_from_db()
    return run


def test_event_create_generates_slots_around_breaks_in_event_timezone(make_user):
    organiser = make_user("organiser")
    pattern = services.SlotPattern(
        day_start=datetime.time(9, 0),
        day_end=datetime.time(12, 0),
        minutes=30,
        breaks=((datetime.time(10, 0), datetime.time(10, 30)),),
        tables=3,
    )

    event = services.event_create(
        actor=organiser,
        values={
            "name_en": "Shanghai Conference",
            "name_zh_hans": "上海推介会",
            "city": "上海",
            "timezone": "Asia/Shanghai",
            "starts_on": datetime.date(2026, 11, 5),
            "ends_on": datetime.date(2026, 11, 6),
        },
        pattern=pattern,
    )

    starts = [slot.start.astimezone(event.zone).strftime("%d %H:%M") for slot in event.slots.all()]
    day = ["09:00", "09:30", "10:30", "11:00", "11:30"]
    assert starts == [f"05 {t}" for t in day] + [f"06 {t}" for t in day]
    assert event.slots.first().start.utcoffset() is not None
    assert [t.label for t in event.tables.all()] == ["T01", "T02", "T03"]
    assert AuditEvent.objects.filter(target_id=str(event.pk), action="created").exists()


def test_request_refuses_self_and_duplicates_but_no_thanks_overrides():
    request = MeetingRequestFactory(priority="would_like")
    a, b = request.requester, request.requested

    with pytest.raises(DomainError):
        services.meeting_request_create(actor=None, requester=a, requested=a, priority="must_meet")
    with pytest.raises(DomainError):
        services.meeting_request_create(actor=None, requester=a, requested=b, priority="must_meet")
    services.meeting_request_create(actor=None, requester=a, requested=b, priority="no_thanks")

    assert MeetingRequest.objects.get(pk=request.pk).priority == "no_thanks"
    assert MeetingRequest.objects.count() == 1


def test_no_thanks_blocks_the_pair_in_both_directions():
    request = MeetingRequestFactory(priority="must_meet")
    MeetingRequestFactory(
        requester=request.requested, requested=request.requester, priority="no_thanks"
    )
    other = MeetingRequestFactory(requester=request.requester, priority="would_like")

    instance = services.schedule_instance_build(event=request.event)

    assert instance["requests"] == [
        {"from": request.requester.key, "to": other.requested.key, "weight": 1}
    ]


def test_run_end_to_end_respects_rules_and_reports_bound(
    make_user, django_capture_on_commit_callbacks
):
    organiser = make_user("organiser")
    event = EventFactory(slots=3, tables=1)
    slots = list(event.slots.all())
    people = [ParticipantFactory(event=event) for _ in range(4)]
    capped = ParticipantFactory(event=event, max_meetings=1)
    morning_only = ParticipantFactory(event=event, available=slots[:1])
    for person in people:
        MeetingRequestFactory(requester=capped, requested=person)
    MeetingRequestFactory(requester=morning_only, requested=people[0], priority="would_like")

    run = _run(event, organiser, django_capture_on_commit_callbacks)

    assert run.status == RunStatus.DONE
    assert run.value <= run.upper_bound
    assert 0 < run.ratio <= 1
    meetings = list(Meeting.objects.filter(run=run))
    assert sum(capped.pk in (m.first_id, m.second_id) for m in meetings) == 1
    assert len({m.slot_id for m in meetings}) == len(meetings)  # one table: one per slot
    for meeting in meetings:
        if morning_only.pk in (meeting.first_id, meeting.second_id):
            assert meeting.slot == slots[0]
    reasons = {tuple(row["participants"]) for row in run.result["unscheduled"]}
    assert len(reasons) == 5 - len(meetings)
    rows = selectors.under_served(run=run)
    assert capped in [row.participant for row in rows]


def test_replan_keeps_meetings_and_drops_cancelled(make_user, django_capture_on_commit_callbacks):
    organiser = make_user("organiser")
    event = EventFactory(slots=4, tables=2)
    people = [ParticipantFactory(event=event) for _ in range(6)]
    for first, second in [(0, 1), (2, 3), (4, 5), (0, 3)]:
        MeetingRequestFactory(requester=people[first], requested=people[second])
    first = _run(event, organiser, django_capture_on_commit_callbacks)
    services.schedule_run_publish(actor=organiser, run=first)
    kept_before = {
        (m.first_id, m.second_id, m.slot_id, m.table_id)
        for m in Meeting.objects.filter(run=first)
        if people[5].pk not in (m.first_id, m.second_id)
    }

    services.participant_cancel(actor=organiser, participant=people[5])
    second = _run(event, organiser, django_capture_on_commit_callbacks)

    after = {(m.first_id, m.second_id, m.slot_id, m.table_id) for m in second.meetings.all()}
    assert second.previous == first
    assert kept_before <= after
    assert second.result["changes"]["kept"] == len(kept_before)
    assert second.result["changes"]["dropped"] == 1


def test_publish_refuses_unfinished_run(make_user):
    event = EventFactory()
    run = event.runs.create(status=RunStatus.QUEUED)

    with pytest.raises(DomainError):
        services.schedule_run_publish(actor=make_user("organiser"), run=run)


def test_registrations_import_reports_every_error_by_row_and_column(make_user):
    event = EventFactory()
    ParticipantFactory(event=event, email="taken@example.cn")
    data = (
        "full_name,organisation,kind,email,language,days,max_meetings\n"
        "陈静,宁波澜海,enterprise,chen@example.cn,zh-hans,,\n"
        "李明,,investor,taken@example.cn,en,2026-11-05,x\n"
        "Wong,HK Law,vendor,wong@example.hk,fr,2027-01-01,\n"
    ).encode()

    with pytest.raises(services.ImportRowsError) as caught:
        services.registrations_import(
            actor=make_user("organiser"), event=event, handle=io.BytesIO(data), file_format="csv"
        )

    found = {(error.row, error.column) for error in caught.value.errors}
    assert found == {
        (3, "organisation"),
        (3, "email"),
        (3, "max_meetings"),
        (4, "kind"),
        (4, "language"),
        (4, "days"),
    }
    assert event.participants.count() == 1


def test_registrations_and_requests_import(make_user):
    organiser = make_user("organiser")
    event = EventFactory(slots=2, ends_on=datetime.date(2026, 11, 6))
    registrations = (
        "full_name,organisation,kind,email,language,days,max_meetings\n"
        "陈静,宁波澜海,enterprise,chen@example.cn,zh-hans,2026-11-05,2\n"
        "Wong Ka Yan,HK Law,provider,wong@example.hk,zh-hant,,\n"
    ).encode()
    requests = (
        b"from_email,to_email,priority\n"
        b"chen@example.cn,wong@example.hk,must_meet\n"
        b"wong@example.hk,chen@example.cn,no_thanks\n"
    )

    services.registrations_import(
        actor=organiser, event=event, handle=io.BytesIO(registrations), file_format="csv"
    )
    services.requests_import(
        actor=organiser, event=event, handle=io.BytesIO(requests), file_format="csv"
    )

    chen = event.participants.get(email="chen@example.cn")
    assert chen.max_meetings == 2
    assert {slot.day for slot in chen.available_slots.all()} == {datetime.date(2026, 11, 5)}
    assert event.participants.get(email="wong@example.hk").available_slots.count() == 4
    assert event.requests.count() == 2


def test_requests_import_errors_name_row_and_column(make_user):
    event = EventFactory()
    person = ParticipantFactory(event=event, email="a@example.cn")
    data = (
        b"from_email,to_email,priority\n"
        b"a@example.cn,a@example.cn,must_meet\n"
        b"a@example.cn,nobody@example.cn,maybe\n"
    )

    with pytest.raises(services.ImportRowsError) as caught:
        services.requests_import(
            actor=make_user("organiser"), event=event, handle=io.BytesIO(data), file_format="csv"
        )

    assert {(e.row, e.column) for e in caught.value.errors} == {
        (2, "to_email"),
        (3, "to_email"),
        (3, "priority"),
    }
    assert not person.requests_made.exists()


def test_check_in_no_show_and_outcome_are_audited(make_user, django_capture_on_commit_callbacks):
    organiser = make_user("organiser")
    request = MeetingRequestFactory()
    run = _run(request.event, organiser, django_capture_on_commit_callbacks)
    meeting = run.meetings.get()

    services.participant_check_in(actor=organiser, participant=request.requester)
    services.participant_mark_no_show(actor=organiser, participant=request.requested)
    services.meeting_outcome_record(
        actor=organiser, meeting=meeting, seen_version=1, outcome="follow_up", notes="再联系"
    )

    request.requester.refresh_from_db()
    request.requested.refresh_from_db()
    assert request.requester.checked_in_at is not None
    assert request.requested.no_show
    meeting.refresh_from_db()
    assert (meeting.outcome, meeting.version) == ("follow_up", 2)
    assert AuditEvent.objects.filter(target_type="events.meeting").count() == 1
    with pytest.raises(DomainError):
        services.meeting_outcome_record(
            actor=organiser, meeting=meeting, seen_version=1, outcome="interested", notes=""
        )
