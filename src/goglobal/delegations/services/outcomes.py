"""A held programme meeting as an "event encounter" interaction on each enterprise's case."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.cases.models import Case, Interaction, Origin
from goglobal.cases.services import case_open, interaction_log
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError, StaleRecordError
from goglobal.core.labels import join_list
from goglobal.delegations.models import Visit, VisitEncounter, VisitOutcome
from goglobal.enterprises.models import Enterprise


def _case_of(*, actor: User, enterprise: Enterprise) -> Case:
    case = (
        Case.objects.filter(enterprise=enterprise, deleted_at__isnull=True).order_by("-id").first()
    )
    if case is None:
        case = case_open(actor=actor, enterprise=enterprise, origin=Origin.EVENT)
    return case


def _summary(visit: Visit, previous: str) -> str:
    values = {
        "delegation": visit.run.delegation.name,
        "host": visit.host.name,
        "members": join_list(m.full_name for m in visit.members.all()),
        "venue": visit.venue.name,
        "outcome": VisitOutcome(visit.outcome).label,
    }
    if previous:
        values["previous"] = VisitOutcome(previous).label
        text = (
            _(
                "%(delegation)s: %(members)s met %(host)s at %(venue)s. "
                "Outcome changed from “%(previous)s” to “%(outcome)s”."
            )
            % values
        )
    else:
        text = _("%(delegation)s: %(members)s met %(host)s at %(venue)s. Outcome: %(outcome)s.") % (
            values
        )
    if visit.notes.strip():
        text += "\n\n" + visit.notes.strip()
    return text


def _enterprises(visit: Visit) -> list[Enterprise]:
    found: dict[int, Enterprise] = {}
    if visit.host.enterprise is not None:
        found[visit.host.enterprise.pk] = visit.host.enterprise
    for member in visit.members.select_related("enterprise"):
        if member.enterprise is not None:
            found.setdefault(member.enterprise.pk, member.enterprise)
    return [found[pk] for pk in sorted(found)]


@transaction.atomic
def visit_outcome_record(
    *, actor: User, visit: Visit, seen_version: int, held: bool, outcome: str, notes: str
) -> list[VisitEncounter]:
    """Record whether the meeting was held and how it went; a held meeting with an outcome is
    logged on the case of every enterprise in it (the visited one and member enterprises), with
    the same case service event meetings use. Idempotent; a changed outcome is a new entry that
    names the earlier one (interactions are a diary)."""
    if outcome and outcome not in VisitOutcome.values:
        raise DomainError(_("Choose an outcome from the list."), field="outcome")
    if outcome and not held:
        raise DomainError(_("Only a held meeting has an outcome."), field="outcome")
    updated = Visit.objects.filter(pk=visit.pk, version=seen_version).update(
        held=held, outcome=outcome, notes=notes.strip()
    )
    if not updated:
        raise StaleRecordError(visit)
    Visit.objects.filter(pk=visit.pk).update(version=seen_version + 1)
    visit = Visit.objects.select_related("run__delegation", "host__enterprise", "venue").get(
        pk=visit.pk
    )
    audit_record(
        actor=actor,
        record=visit.run.delegation,
        action="updated",
        changes={"visit": visit.pk, "held": held, "outcome": outcome},
    )
    if not (held and outcome):
        return []
    recorded = []
    for enterprise in _enterprises(visit):
        encounter = (
            VisitEncounter.objects.select_for_update()
            .filter(visit=visit, enterprise=enterprise)
            .first()
        )
        if encounter is not None and encounter.outcome == outcome:
            recorded.append(encounter)
            continue
        interaction = interaction_log(
            case=_case_of(actor=actor, enterprise=enterprise),
            actor=actor,
            kind=Interaction.Kind.EVENT,
            occurred_on=visit.start.astimezone(visit.run.delegation.zone).date(),
            summary=_summary(visit, encounter.outcome if encounter else ""),
        )
        if encounter is None:
            encounter = VisitEncounter(visit=visit, enterprise=enterprise)
        encounter.outcome = outcome
        encounter.interaction = interaction
        encounter.save()
        recorded.append(encounter)
    return recorded
