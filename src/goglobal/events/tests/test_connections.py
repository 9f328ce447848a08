"""Events joined to the other apps: outcomes on cases, quotas, the matcher's suggestions."""

import pytest
from django.urls import reverse

from goglobal.cases.models import Case, Interaction
from goglobal.cases.services import case_open
from goglobal.enterprises.tests.factories import EnterpriseFactory, EnterpriseNeedFactory
from goglobal.events import services, suggestions
from goglobal.events.models import Meeting, MeetingEncounter, MeetingRequest
from goglobal.events.tests.factories import (
    EventFactory,
    MeetingRequestFactory,
    ParticipantFactory,
)
from goglobal.knowledge.models import NeedCode, Sector
from goglobal.providers.tests.factories import ServiceProviderFactory

pytestmark = pytest.mark.django_db


def _run(event, actor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = services.schedule_run_start(actor=actor, event=event)
    run.refresh_from_db()
    return run


@pytest.fixture
def meeting(make_user, django_capture_on_commit_callbacks):
    """A scheduled meeting between an enterprise representative and a provider."""
    organiser = make_user("organiser")
    event = EventFactory()
    enterprise_side = ParticipantFactory(event=event, enterprise=EnterpriseFactory())
    provider_side = ParticipantFactory(
        event=event, kind="provider", provider=ServiceProviderFactory()
    )
    MeetingRequestFactory(requester=enterprise_side, requested=provider_side)
    run = _run(event, organiser, django_capture_on_commit_callbacks)
    return organiser, run.meetings.get()


def _record(organiser, meeting, outcome, notes=""):
    meeting.refresh_from_db()
    return services.meeting_outcome_record(
        actor=organiser, meeting=meeting, seen_version=meeting.version, outcome=outcome, notes=notes
    )


def _sides(meeting):
    first, second = meeting.first, meeting.second
    return (first, second) if first.enterprise_id else (second, first)


def test_outcome_opens_a_case_and_logs_an_event_encounter_with_the_provider(meeting):
    organiser, meeting = meeting
    enterprise_side, provider_side = _sides(meeting)

    _record(organiser, meeting, "follow_up", notes="寄送报价")

    case = Case.objects.get(enterprise=enterprise_side.enterprise)
    assert case.origin == "event"
    interaction = Interaction.objects.get(case=case)
    assert interaction.kind == Interaction.Kind.EVENT
    assert list(interaction.providers.all()) == [provider_side.provider]
    assert interaction.occurred_on == meeting.slot.start.astimezone(meeting.run.event.zone).date()
    assert provider_side.full_name in interaction.summary
    assert "寄送报价" in interaction.summary
    encounter = MeetingEncounter.objects.get()
    assert (encounter.participant, encounter.interaction) == (enterprise_side, interaction)


def test_outcome_uses_the_existing_case_and_is_idempotent(meeting):
    organiser, meeting = meeting
    enterprise_side, _provider_side = _sides(meeting)
    case = case_open(actor=organiser, enterprise=enterprise_side.enterprise, origin="outreach")

    _record(organiser, meeting, "interested")
    _record(organiser, meeting, "interested", notes="only the notes changed")
    services.meeting_encounters_record(actor=organiser, meeting=meeting)

    assert Case.objects.count() == 1
    assert Interaction.objects.filter(case=case).count() == 1
    assert MeetingEncounter.objects.count() == 1


def test_a_changed_outcome_is_logged_once_naming_the_earlier_one(meeting):
    organiser, meeting = meeting

    _record(organiser, meeting, "interested")
    _record(organiser, meeting, "not_relevant")
    _record(organiser, meeting, "not_relevant")

    interactions = list(Interaction.objects.order_by("id"))
    assert len(interactions) == 2
    assert "Interested" in interactions[1].summary
    assert "Not relevant" in interactions[1].summary
    encounter = MeetingEncounter.objects.get()
    assert (encounter.outcome, encounter.interaction) == ("not_relevant", interactions[1])


def test_participants_without_an_enterprise_log_nothing(
    make_user, django_capture_on_commit_callbacks
):
    organiser = make_user("organiser")
    request = MeetingRequestFactory()
    run = _run(request.event, organiser, django_capture_on_commit_callbacks)

    _record(organiser, run.meetings.get(), "follow_up")

    assert not Interaction.objects.exists()
    assert not Case.objects.exists()


def test_quota_of_a_participant_group_limits_the_schedule(
    make_user, django_capture_on_commit_callbacks
):
    organiser = make_user("organiser")
    event = EventFactory(slots=4, tables=4, quota_provider=1, quota_enterprise=3)
    provider = ParticipantFactory(event=event, kind="provider", max_meetings=5)
    enterprises = [ParticipantFactory(event=event, max_meetings=2) for _ in range(3)]
    for person in enterprises:
        MeetingRequestFactory(requester=person, requested=provider)

    instance = services.schedule_instance_build(event=event)
    caps = {row["id"]: row["max_meetings"] for row in instance["participants"]}
    assert caps[provider.key] == 1  # the quota is tighter than its own cap
    assert all(caps[person.key] == 2 for person in enterprises)  # its own cap is tighter

    run = _run(event, organiser, django_capture_on_commit_callbacks)

    assert Meeting.objects.filter(run=run).count() == 1
    reasons = [row["reason"] for row in run.result["unscheduled"]]
    assert len(reasons) == 2


def test_without_quota_or_cap_nobody_is_capped():
    event = EventFactory(quota_investor=2)
    person = ParticipantFactory(event=event)

    instance = services.schedule_instance_build(event=event)

    assert instance["participants"][0]["id"] == person.key
    assert instance["participants"][0]["max_meetings"] is None


def test_organiser_sets_quotas_on_the_event_form(client, make_user):
    organiser = make_user("organiser")
    client.force_login(organiser)
    event = EventFactory(organiser=organiser)

    response = client.post(
        reverse("events:edit", args=[event.pk]),
        {
            "version": event.version,
            "name_en": event.name_en,
            "city": event.city,
            "timezone": event.timezone,
            "starts_on": event.starts_on.isoformat(),
            "ends_on": event.ends_on.isoformat(),
            "status": event.status,
            "quota_provider": "8",
            "quota_enterprise": "",
            "quota_investor": "4",
            "quota_official": "",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert (event.quota_provider, event.quota_investor, event.quota_enterprise) == (8, 4, None)


@pytest.fixture
def matchmaking():
    """An enterprise that needs a company set up; two law firms and a bank at the event."""
    event = EventFactory()
    enterprise = EnterpriseFactory(
        description="我们是宁波的动力电池制造商，计划在越南设立工厂。",
        sector=Sector.objects.get(code="38"),
    )
    need = EnterpriseNeedFactory(
        enterprise=enterprise, need=NeedCode.objects.get(code="legal.setup")
    )
    fit = ServiceProviderFactory(name_en="Battery Legal", description="Power battery plants.")
    fit.needs.add(need.need)
    fit.sectors.add(Sector.objects.get(code="38"))
    other = ServiceProviderFactory(name_en="General Legal")
    other.needs.add(need.need)
    bank = ServiceProviderFactory(name_en="A Bank", category="bank")
    bank.needs.add(NeedCode.objects.get(code="banking.accounts"))
    absent = ServiceProviderFactory(name_en="Not Registered Legal")
    absent.needs.add(need.need)
    person = ParticipantFactory(event=event, enterprise=enterprise)
    at_event = {
        provider: ParticipantFactory(event=event, kind="provider", provider=provider)
        for provider in (fit, other, bank)
    }
    ParticipantFactory(kind="provider", provider=absent)  # at another event
    return event, person, at_event, fit, other


def test_suggestions_rank_only_this_events_providers_for_each_need(matchmaking):
    _event, person, at_event, fit, other = matchmaking

    rows = suggestions.provider_suggestions_for(participant=person)

    assert len(rows) == 1
    ranked = [item.participant for item in rows[0].suggestions]
    assert ranked == [at_event[fit], at_event[other]]
    assert rows[0].suggestions[0].reasons


def test_no_suggestions_without_an_enterprise_or_needs():
    person = ParticipantFactory(enterprise=EnterpriseFactory())

    assert suggestions.provider_suggestions_for(participant=person) == []
    assert suggestions.provider_suggestions_for(participant=ParticipantFactory()) == []


def test_one_click_requests_a_suggested_meeting(client, make_user, matchmaking):
    event, person, at_event, fit, _other = matchmaking
    client.force_login(make_user("organiser"))
    page = reverse("events:participant_edit", args=[event.pk, person.pk])

    shown = client.get(page)
    assert at_event[fit].full_name in shown.content.decode()
    response = client.post(
        reverse("events:participant_request_meeting", args=[event.pk, person.pk]),
        {"requested": at_event[fit].pk},
    )
    again = client.post(
        reverse("events:participant_request_meeting", args=[event.pk, person.pk]),
        {"requested": at_event[fit].pk},
    )

    assert response.status_code == again.status_code == 302
    request = MeetingRequest.objects.get()
    assert (request.requester, request.requested, request.priority) == (
        person,
        at_event[fit],
        "would_like",
    )
    assert "Requested" in client.get(page).content.decode()


def test_request_for_a_participant_of_another_event_is_refused(client, make_user, matchmaking):
    event, person, _at_event, _fit, _other = matchmaking
    client.force_login(make_user("organiser"))
    stranger = ParticipantFactory(kind="provider")

    response = client.post(
        reverse("events:participant_request_meeting", args=[event.pk, person.pk]),
        {"requested": stranger.pk},
    )

    assert response.status_code == 404
    assert not MeetingRequest.objects.exists()
