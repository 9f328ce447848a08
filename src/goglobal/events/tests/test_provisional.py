import pytest
from django.urls import reverse

from goglobal.core.errors import DomainError
from goglobal.events import selectors, services
from goglobal.events.models import ChangeRequest, ChangeStatus, Meeting, RunStatus
from goglobal.events.tests.factories import (
    EventFactory,
    MeetingRequestFactory,
    ParticipantFactory,
)

pytestmark = pytest.mark.django_db


def _run(event, actor, capture):
    with capture(execute=True):
        run = services.schedule_run_start(actor=actor, event=event)
    run.refresh_from_db()
    return run


def test_a_provisional_round_applies_drops_and_moves_and_keeps_the_rest(
    client, make_user, django_capture_on_commit_callbacks
):
    organiser = make_user("organiser")
    event = EventFactory(slots=4, tables=2)
    a, b, c, d = (ParticipantFactory(event=event) for _ in range(4))
    for first, second in ((a, b), (a, c), (b, d), (c, d)):
        MeetingRequestFactory(requester=first, requested=second)
    first_run = _run(event, organiser, django_capture_on_commit_callbacks)
    services.schedule_run_publish(actor=organiser, run=first_run, provisional=True)
    meetings = {
        frozenset((m.first_id, m.second_id)): m for m in Meeting.objects.filter(run=first_run)
    }
    drop, move = meetings[frozenset((a.pk, b.pk))], meetings[frozenset((c.pk, d.pk))]
    agenda = reverse("events:agenda", args=[selectors.agenda_token(a)])

    page = client.get(agenda).content.decode()
    sent = client.post(
        reverse("events:agenda_change", args=[selectors.agenda_token(a), drop.pk]),
        {"kind": "drop", "note": "met last week"},
    )
    bad = client.post(
        reverse("events:agenda_change", args=[selectors.agenda_token(a), drop.pk]),
        {"kind": "vanish"},
    )
    foreign = client.post(
        reverse("events:agenda_change", args=[selectors.agenda_token(a), move.pk]),
        {"kind": "move"},
    )
    services.change_request_submit(participant=d, meeting_id=move.pk, kind="move", note="")
    second_run = _run(event, organiser, django_capture_on_commit_callbacks)

    assert "/change/" in page
    assert sent.status_code == 302
    assert bad.status_code == 200
    assert foreign.status_code == 302
    assert not ChangeRequest.objects.filter(participant=a, meeting=move).exists()
    assert second_run.status == RunStatus.DONE
    after = {
        frozenset((m.first_id, m.second_id)): m for m in Meeting.objects.filter(run=second_run)
    }
    assert frozenset((a.pk, b.pk)) not in after
    assert after[frozenset((c.pk, d.pk))].slot_id != move.slot_id
    kept = meetings[frozenset((a.pk, c.pk))]
    assert (after[frozenset((a.pk, c.pk))].slot_id, after[frozenset((a.pk, c.pk))].table_id) == (
        kept.slot_id,
        kept.table_id,
    )
    assert set(ChangeRequest.objects.values_list("status", flat=True)) == {ChangeStatus.APPLIED}


def test_a_final_schedule_takes_no_requests(make_user, django_capture_on_commit_callbacks):
    organiser = make_user("organiser")
    event = EventFactory(slots=2, tables=1)
    a, b = (ParticipantFactory(event=event) for _ in range(2))
    MeetingRequestFactory(requester=a, requested=b)
    run = _run(event, organiser, django_capture_on_commit_callbacks)
    services.schedule_run_publish(actor=organiser, run=run)
    meeting = Meeting.objects.get(run=run)

    with pytest.raises(DomainError):
        services.change_request_submit(participant=a, meeting_id=meeting.pk, kind="drop", note="")
