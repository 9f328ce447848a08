import pytest
from django.urls import reverse

from goglobal.events import services
from goglobal.events.models import Meeting
from goglobal.events.tests.factories import (
    EventFactory,
    MeetingRequestFactory,
    ParticipantFactory,
)

pytestmark = pytest.mark.django_db


def _scheduled(make_user, django_capture_on_commit_callbacks):
    organiser = make_user("organiser")
    event = EventFactory(slots=3, tables=2)
    slots = list(event.slots.all())
    a, b, c = (ParticipantFactory(event=event) for _ in range(3))
    late = ParticipantFactory(event=event, available=slots[:1])
    MeetingRequestFactory(requester=a, requested=b)
    MeetingRequestFactory(requester=a, requested=c)
    MeetingRequestFactory(requester=late, requested=b)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.schedule_run_start(actor=organiser, event=event)
    run.refresh_from_db()
    return organiser, event, run, (a, b, c, late)


def test_a_move_is_refused_with_the_rule_it_breaks(make_user, django_capture_on_commit_callbacks):
    _organiser, event, run, (a, _b, _c, late) = _scheduled(
        make_user, django_capture_on_commit_callbacks
    )
    meetings = list(Meeting.objects.filter(run=run).select_related("slot", "table"))
    assert len(meetings) == 3
    with_late = next(m for m in meetings if late.pk in (m.first_id, m.second_id))
    with_a = [m for m in meetings if a.pk in (m.first_id, m.second_id)]
    slots = list(event.slots.all())
    tables = list(event.tables.all())

    away = services.move_problems(meeting=with_late, slot=slots[2], table=tables[0])
    clash = services.move_problems(meeting=with_a[0], slot=with_a[1].slot, table=tables[1])

    assert "is not available at this time" in " ".join(away["slot"])
    assert "already has a meeting at this time" in " ".join(clash["slot"])


def test_the_grid_moves_a_meeting_and_recounts_the_idle_gaps(
    client, make_user, django_capture_on_commit_callbacks
):
    organiser, event, run, (_a, _b, _c, late) = _scheduled(
        make_user, django_capture_on_commit_callbacks
    )
    client.force_login(organiser)
    meeting = Meeting.objects.filter(run=run).exclude(first=late).exclude(second=late).first()
    others = Meeting.objects.filter(run=run).exclude(pk=meeting.pk)
    used = {(m.slot_id, m.table_id) for m in others}
    busy = {
        m.slot_id
        for m in others
        if {m.first_id, m.second_id} & {meeting.first_id, meeting.second_id}
    }
    free = [
        (slot, table)
        for slot in event.slots.all()
        for table in event.tables.all()
        if (slot.pk, table.pk) not in used and slot.pk not in busy and slot.pk != meeting.slot_id
    ]
    url = reverse("events:meeting_move", args=[event.pk, run.pk, meeting.pk])

    page = client.get(url)
    taken = next(iter(used))
    refused = client.post(url, {"version": meeting.version, "slot": taken[0], "table": taken[1]})
    bad = client.post(url, {"version": meeting.version, "slot": "nope", "table": ""})
    slot, table = free[0]
    moved = client.post(url, {"version": meeting.version, "slot": slot.pk, "table": table.pk})

    assert page.status_code == 200
    assert refused.status_code == 200
    assert "errorlist" in refused.content.decode() or "error" in refused.content.decode()
    assert bad.status_code == 200
    assert moved.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.slot_id, meeting.table_id) == (slot.pk, table.pk)
    run.refresh_from_db()
    assert run.result["breaks"]["edited"] is True


def test_only_organisers_move_meetings(client, make_user, django_capture_on_commit_callbacks):
    _organiser, event, run, _ = _scheduled(make_user, django_capture_on_commit_callbacks)
    meeting = Meeting.objects.filter(run=run).first()
    client.force_login(make_user("officer"))

    response = client.post(
        reverse("events:meeting_move", args=[event.pk, run.pk, meeting.pk]),
        {"version": meeting.version, "slot": meeting.slot_id, "table": meeting.table_id},
    )

    assert response.status_code in {403, 404}
