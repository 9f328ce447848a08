"""A meeting's outcome as an "event encounter" interaction on the enterprise's case."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.cases.models import Case, Interaction, Origin
from goglobal.cases.services import case_open, interaction_log
from goglobal.enterprises.models import Enterprise
from goglobal.events.models import Meeting, MeetingEncounter, Outcome, Participant


def _case_of(*, actor: User, enterprise: Enterprise) -> Case:
    """The enterprise's case, opened (origin "event") when it has none."""
    case = (
        Case.objects.filter(enterprise=enterprise, deleted_at__isnull=True).order_by("-id").first()
    )
    if case is None:
        case = case_open(actor=actor, enterprise=enterprise, origin=Origin.EVENT)
    return case


def _summary(meeting: Meeting, participant: Participant, previous: str) -> str:
    other = meeting.other(participant)
    values = {
        "event": meeting.run.event.name,
        "person": participant.full_name,
        "other": other.full_name,
        "organisation": other.organisation_name,
        "outcome": Outcome(meeting.outcome).label,
    }
    if previous:
        values["previous"] = Outcome(previous).label
        text = (
            _(
                "%(event)s: %(person)s met %(other)s (%(organisation)s). "
                "Outcome changed from “%(previous)s” to “%(outcome)s”."
            )
            % values
        )
    else:
        text = (
            _("%(event)s: %(person)s met %(other)s (%(organisation)s). Outcome: %(outcome)s.")
            % values
        )
    if meeting.notes.strip():
        text += "\n\n" + meeting.notes.strip()
    return text


@transaction.atomic
def meeting_encounters_record(*, actor: User, meeting: Meeting) -> list[MeetingEncounter]:
    """Log the meeting's outcome on the case of each participant linked to an enterprise.

    Idempotent: an outcome already logged for a participant is not logged again. A changed
    outcome is logged as a new interaction that names the earlier outcome (interactions are
    a diary, so the earlier entry stays); the encounter then points to the newest one. A meeting
    without an outcome logs nothing.
    """
    if not meeting.outcome:
        return []
    meeting = Meeting.objects.select_related(
        "run__event",
        "slot",
        "first__enterprise",
        "first__provider",
        "second__enterprise",
        "second__provider",
    ).get(pk=meeting.pk)
    recorded = []
    for participant in (meeting.first, meeting.second):
        enterprise = participant.enterprise
        if enterprise is None:
            continue
        encounter = (
            MeetingEncounter.objects.select_for_update()
            .filter(meeting=meeting, participant=participant)
            .first()
        )
        if encounter is not None and encounter.outcome == meeting.outcome:
            recorded.append(encounter)
            continue
        other = meeting.other(participant)
        providers = [other.provider] if other.provider is not None else []
        interaction = interaction_log(
            case=_case_of(actor=actor, enterprise=enterprise),
            actor=actor,
            kind=Interaction.Kind.EVENT,
            occurred_on=meeting.slot.start.astimezone(meeting.run.event.zone).date(),
            summary=_summary(meeting, participant, encounter.outcome if encounter else ""),
            providers=providers,
        )
        if encounter is None:
            encounter = MeetingEncounter(meeting=meeting, participant=participant)
        encounter.outcome = meeting.outcome
        encounter.interaction = interaction
        encounter.save()
        recorded.append(encounter)
    return recorded
