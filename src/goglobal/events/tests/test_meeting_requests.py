"""Meeting requests made in the pages: a participant on its agenda page (the signed link), the
organiser on the event's requests page; the rules hold for both, and close at publication."""

from __future__ import annotations

import pytest
from django.urls import reverse

from goglobal.core.errors import DomainError
from goglobal.core.models import AuditEvent
from goglobal.events import selectors, services
from goglobal.events.models import MeetingRequest
from goglobal.events.tests.factories import EventFactory, MeetingRequestFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    event = EventFactory()
    chen = ParticipantFactory(event=event, full_name="陈静", organisation_name="宁波澜海动力电池")
    wong = ParticipantFactory(
        event=event, full_name="黃嘉欣", organisation_name="港景律師事務所", kind="provider"
    )
    alice = ParticipantFactory(
        event=event, full_name="Alice Lee", organisation_name="Victoria Capital", language="en"
    )
    return event, chen, wong, alice


def _agenda(person):
    return reverse("events:agenda", args=[selectors.agenda_token(person)])


def _ask(client, person, requested, priority="must_meet"):
    token = selectors.agenda_token(person)
    return client.post(
        reverse("events:agenda_request", args=[token]),
        {"requested": requested.pk, "priority": priority},
    )


def _publish(event, organiser):
    run = services.schedule_run_start(actor=organiser, event=event)
    run = services.schedule_run_execute(run=run)
    return services.schedule_run_publish(actor=organiser, run=run)


def test_a_participant_asks_by_name_on_its_agenda_page_and_sees_its_request(client, people):
    event, chen, wong, _alice = people

    page = client.get(_agenda(chen)).content.decode()
    response = _ask(client, chen, wong)
    after = client.get(_agenda(chen)).content.decode()

    # the picker lists the others by name and organisation, searchable, never by id
    assert "黃嘉欣 · 港景律師事務所" in page
    assert "Alice Lee · Victoria Capital" in page
    assert f'<option value="{chen.pk}"' not in page  # not oneself
    assert "data-searchable" in page
    assert response.status_code == 302
    assert response["Location"].endswith("#meeting-requests")
    request = MeetingRequest.objects.get()
    assert (request.requester, request.requested, request.priority) == (chen, wong, "must_meet")
    assert request.event == event
    # shown as made (in the participant's language), no longer offered in the picker
    assert ">必须会面</span>" in after
    assert f'<option value="{wong.pk}"' not in after
    assert "Alice Lee · Victoria Capital" in after
    assert AuditEvent.objects.filter(
        target_id=str(chen.pk), changes__has_key=f"request:{wong.pk}"
    ).exists()


def test_the_agenda_page_refuses_oneself_a_duplicate_a_cancelled_or_another_events_person(
    client, people
):
    event, chen, wong, alice = people
    MeetingRequestFactory(requester=chen, requested=wong, priority="would_like")
    cancelled = ParticipantFactory(event=event, full_name="王芳")
    services.participant_cancel(actor=None, participant=cancelled)
    stranger = ParticipantFactory(full_name="李雷")

    answers = [_ask(client, chen, who) for who in (chen, wong, cancelled, stranger)]
    bad_priority = _ask(client, chen, alice, priority="maybe")

    for answer in [*answers, bad_priority]:
        assert answer.status_code == 200
        assert 'class="errorlist"' in answer.content.decode()
    assert MeetingRequest.objects.count() == 1


def test_the_service_says_why_a_request_is_refused_and_writes_nothing(people):
    event, chen, wong, alice = people
    MeetingRequestFactory(requester=chen, requested=wong)
    cancelled = ParticipantFactory(event=event)
    services.participant_cancel(actor=None, participant=cancelled)
    stranger = ParticipantFactory()

    cases = [(chen, chen, "requested"), (chen, wong, "requested"), (chen, cancelled, "requested")]
    cases += [(chen, stranger, "requested"), (cancelled, chen, "requester")]
    for requester, requested, field in cases:
        with pytest.raises(DomainError) as refused:
            services.meeting_request_make(actor=None, requester=requester, requested=requested)
        assert refused.value.field == field
    with pytest.raises(DomainError) as refused:
        services.meeting_request_make(actor=None, requester=chen, requested=alice, priority="maybe")
    assert refused.value.field == "priority"
    assert MeetingRequest.objects.count() == 1
    # the other direction is another request
    services.meeting_request_make(actor=None, requester=wong, requested=chen)
    assert MeetingRequest.objects.count() == 2


def test_a_participant_withdraws_its_own_request_but_not_anothers(client, people):
    _event, chen, wong, alice = people
    own = MeetingRequestFactory(requester=chen, requested=wong)
    theirs = MeetingRequestFactory(requester=alice, requested=wong)
    token = selectors.agenda_token(chen)

    other = client.post(reverse("events:agenda_request_withdraw", args=[token, theirs.pk]))
    forged = client.post(reverse("events:agenda_request_withdraw", args=["forged", own.pk]))
    mine = client.post(reverse("events:agenda_request_withdraw", args=[token, own.pk]))
    read = client.get(reverse("events:agenda_request_withdraw", args=[token, own.pk]))

    assert other.status_code == 404
    assert forged.status_code == 404
    assert mine.status_code == 302
    assert read.status_code == 405
    assert list(MeetingRequest.objects.all()) == [theirs]
    # withdrawn: offered again in the picker
    assert f'<option value="{wong.pk}"' in client.get(_agenda(chen)).content.decode()


def test_requests_close_when_the_schedule_is_published(client, people, make_user):
    event, chen, wong, alice = people
    organiser = make_user("organiser")
    kept = MeetingRequestFactory(requester=chen, requested=wong)
    _publish(event, organiser)
    token = selectors.agenda_token(chen)

    page = client.get(_agenda(chen)).content.decode()
    asked = _ask(client, chen, alice)
    withdrawn = client.post(reverse("events:agenda_request_withdraw", args=[token, kept.pk]))
    client.force_login(organiser)
    listing = client.get(reverse("events:requests", args=[event.pk])).content.decode()
    by_organiser = client.post(
        reverse("events:request_create", args=[event.pk]),
        {"requester": alice.pk, "requested": wong.pk, "priority": "would_like"},
    )
    organiser_withdraw = client.post(
        reverse("events:request_withdraw", args=[event.pk, kept.pk]), follow=True
    )

    assert ">必须会面</span>" in page  # its request is still shown, with no way to withdraw it
    assert "agenda_request_withdraw" not in page
    assert f"/requests/{kept.pk}/withdraw/" not in page
    assert 'data-testid="agenda-request-form"' not in page
    assert asked.status_code == 200
    assert withdrawn.status_code == 302
    assert 'data-testid="request-form"' not in listing
    assert by_organiser.status_code == 200
    assert organiser_withdraw.status_code == 200
    assert "meeting requests can no longer be made or withdrawn" in (
        organiser_withdraw.content.decode()
    )
    assert list(MeetingRequest.objects.all()) == [kept]
    with pytest.raises(DomainError):
        services.meeting_request_make(actor=None, requester=alice, requested=wong)


def test_the_organiser_adds_and_withdraws_requests_by_name(client, people, make_user):
    event, chen, _wong, alice = people
    client.force_login(make_user("organiser"))

    page = client.get(reverse("events:requests", args=[event.pk])).content.decode()
    added = client.post(
        reverse("events:request_create", args=[event.pk]),
        {"requester": alice.pk, "requested": chen.pk, "priority": "would_like"},
    )
    to_self = client.post(
        reverse("events:request_create", args=[event.pk]),
        {"requester": alice.pk, "requested": alice.pk, "priority": "would_like"},
    )
    request = MeetingRequest.objects.get()
    listing = client.get(reverse("events:requests", args=[event.pk])).content.decode()
    withdrawn = client.post(reverse("events:request_withdraw", args=[event.pk, request.pk]))

    assert 'data-testid="request-form"' in page
    assert "Alice Lee · Victoria Capital" in page
    assert added.status_code == 302
    assert to_self.status_code == 200
    assert "A participant cannot ask to meet itself." in to_self.content.decode()
    assert (request.requester, request.requested, request.priority) == (alice, chen, "would_like")
    assert "Withdraw" in listing
    assert withdrawn.status_code == 302
    assert not MeetingRequest.objects.exists()


def test_other_roles_and_other_events_cannot_touch_requests(client, people, make_user):
    event, chen, wong, _alice = people
    request = MeetingRequestFactory(requester=chen, requested=wong)
    elsewhere = MeetingRequestFactory()
    create = reverse("events:request_create", args=[event.pk])
    data = {"requester": wong.pk, "requested": chen.pk, "priority": "must_meet"}

    client.force_login(make_user("officer"))
    officer_create = client.post(create, data)
    officer_withdraw = client.post(reverse("events:request_withdraw", args=[event.pk, request.pk]))
    client.force_login(make_user("enterprise_member"))
    member_create = client.post(create, data)
    client.force_login(make_user("organiser"))
    other_event = client.post(reverse("events:request_withdraw", args=[event.pk, elsewhere.pk]))
    other_people = client.post(
        create, {"requester": elsewhere.requester.pk, "requested": chen.pk, "priority": "must_meet"}
    )

    assert officer_create.status_code == 403
    assert officer_withdraw.status_code == 403
    assert member_create.status_code == 404
    assert other_event.status_code == 404
    assert other_people.status_code == 200
    assert 'class="errorlist"' in other_people.content.decode()
    assert MeetingRequest.objects.count() == 2
