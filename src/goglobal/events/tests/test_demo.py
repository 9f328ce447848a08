import datetime

import pytest
from django.utils import timezone

from goglobal.cases.models import Interaction
from goglobal.events.demo import DEMO_EVENTS, events_demo_create
from goglobal.events.models import (
    EventStatus,
    Meeting,
    MeetingEncounter,
    MeetingRequest,
    Participant,
    ParticipantKind,
)
from goglobal.events.services import published_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_demo():
    from goglobal.cases.demo import cases_demo_create
    from goglobal.demo.accounts import demo_accounts_create
    from goglobal.demo.load import DemoSize, demo_set_create

    demo = demo_set_create(seed=2026, size=DemoSize(enterprises=40, providers=20, investors=2))
    demo_accounts_create(enterprise=demo.enterprises[0], provider=demo.providers[0])
    cases_demo_create(2026, count=36)
    return demo


def test_demo_holds_two_past_conferences_and_one_to_come_each_scheduled_and_published(
    small_demo,
):
    events = events_demo_create(2026)

    today = timezone.localdate()
    past = [e for e in events if e.ends_on < today]
    upcoming = [e for e in events if e.starts_on > today]
    assert len(events) == len(DEMO_EVENTS)
    assert len(past) >= 2
    assert len(upcoming) >= 1
    for event in events:
        assert event.status == EventStatus.PUBLISHED
        people = Participant.objects.filter(event=event)
        assert people.filter(enterprise=small_demo.enterprises[0]).exists()
        assert people.filter(provider=small_demo.providers[0]).exists()
        assert people.filter(kind=ParticipantKind.PROVIDER).count() >= 4
        assert MeetingRequest.objects.filter(event=event).count() >= 10
        run = published_run(event)
        assert run is not None
        assert run.meetings.count() > 0
        assert run.value == run.upper_bound  # small events: the engine reaches its bound
        assert run.is_provisional == (event in upcoming)


def test_past_conferences_have_check_ins_no_shows_and_outcomes_on_the_cases(small_demo):
    events = events_demo_create(2026)
    today = timezone.localdate()

    for event in (e for e in events if e.ends_on < today):
        people = Participant.objects.filter(event=event)
        assert people.filter(no_show=True).count() == 2
        arrived = people.filter(checked_in_at__isnull=False)
        assert arrived.count() == people.count() - 2
        days = {p.checked_in_at.astimezone(event.zone).date() for p in arrived}
        assert days == {event.starts_on}
        meetings = Meeting.objects.filter(run=published_run(event))
        held = meetings.exclude(outcome="")
        assert held.exists()
        absent = set(people.filter(no_show=True).values_list("pk", flat=True))
        assert not held.filter(first_id__in=absent).exists()
        assert not held.filter(second_id__in=absent).exists()
        encounter = MeetingEncounter.objects.filter(meeting__in=held).first()
        assert encounter is not None
        interaction = Interaction.objects.get(pk=encounter.interaction_id)
        assert interaction.kind == Interaction.Kind.EVENT
        assert interaction.occurred_on <= today - datetime.timedelta(days=1)
    for event in (e for e in events if e.starts_on > today):
        assert not Participant.objects.filter(event=event, checked_in_at__isnull=False).exists()
        assert not Meeting.objects.filter(run=published_run(event)).exclude(outcome="").exists()
