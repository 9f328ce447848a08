"""Registrations, meeting requests, check-in and meeting outcomes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.audit import audit_record, diff, snapshot
from goglobal.core.errors import DomainError, StaleRecordError
from goglobal.core.i18n import localized
from goglobal.core.labels import join_list
from goglobal.enterprises import identity
from goglobal.enterprises.models import Contact, Enterprise
from goglobal.events.models import (
    Event,
    Meeting,
    MeetingRequest,
    Participant,
    ParticipantKind,
    Priority,
    Slot,
)
from goglobal.events.services.encounters import meeting_encounters_record
from goglobal.providers.models import ServiceProvider

PARTICIPANT_FIELDS = [
    "full_name",
    "organisation_name",
    "kind",
    "enterprise",
    "provider",
    "email",
    "language",
    "max_meetings",
]


def _state(participant: Participant) -> dict[str, Any]:
    state = snapshot(participant, PARTICIPANT_FIELDS)
    state["available_slots"] = sorted(slot.pk for slot in participant.available_slots.all())
    return state


def _apply(participant: Participant, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name not in PARTICIPANT_FIELDS:
            raise TypeError(f"{name} is not an editable participant field")
        setattr(participant, name, value)


def provider_by_name(name: str) -> ServiceProvider:
    """The one live service provider called ``name`` in any of its languages (or, failing an
    exact name, the only one whose name holds it); refused on the ``provider_name`` field
    when none or several match."""
    text = name.strip()
    live = ServiceProvider.objects.filter(deleted_at__isnull=True)
    exact = Q(name_en__iexact=text) | Q(name_zh_hans=text) | Q(name_zh_hant=text)
    found = list(live.filter(exact).order_by("pk")[:2])
    if not found:
        partial = Q(name_en__icontains=text) | Q(name_zh_hans__contains=text)
        found = list(live.filter(partial | Q(name_zh_hant__contains=text)).order_by("pk")[:6])
    if len(found) == 1:
        return found[0]
    if not found:
        raise DomainError(
            _("No service provider in the directory is called “%(name)s”.") % {"name": text},
            field="provider_name",
        )
    names = join_list(localized(provider, "name") for provider in found[:5])
    raise DomainError(
        _("Several service providers match “%(name)s” (%(names)s): type the full name.")
        % {"name": text, "names": names},
        field="provider_name",
    )


def directory_links(
    *, social_credit_code: str = "", provider_external_id: str = "", provider_name: str = ""
) -> dict[str, Any]:
    """``enterprise`` and ``provider`` values for a participant, found by their directory codes
    (as registration files carry them) or, for a provider, by its name (as a person types it).

    An empty code links nothing; a code that matches no active record is refused.
    """
    links: dict[str, Any] = {"enterprise": None, "provider": None}
    code = social_credit_code.strip().upper()
    if code:
        links["enterprise"] = Enterprise.objects.filter(
            social_credit_code=code, deleted_at__isnull=True
        ).first()
        if links["enterprise"] is None:
            raise DomainError(
                _("No enterprise has the Unified Social Credit Code “%(code)s”.") % {"code": code},
                field="social_credit_code",
            )
    external_id = provider_external_id.strip()
    if external_id:
        links["provider"] = ServiceProvider.objects.filter(
            external_id=external_id, deleted_at__isnull=True
        ).first()
        if links["provider"] is None:
            raise DomainError(
                _("No service provider has the external id “%(id)s”.") % {"id": external_id},
                field="provider_external_id",
            )
    if provider_name.strip() and links["provider"] is None:
        links["provider"] = provider_by_name(provider_name)
    return links


def _link_enterprise_by_name(participant: Participant) -> None:
    """An enterprise representative registered without a code is linked to the directory
    record its organisation's name certainly is (engines.identity: 瑞晟電子 or "Ruisheng
    Electronics" finds 浙江瑞晟电子科技有限公司); a doubtful name links nothing."""
    if (
        participant.kind == ParticipantKind.ENTERPRISE
        and participant.enterprise_id is None
        and participant.organisation_name.strip()
    ):
        participant.enterprise = identity.link_by_name([participant.organisation_name])


def _slots_of(event: Event, slots: Iterable[Slot] | None) -> list[Slot]:
    """The chosen slots, or every slot of the event when none are given."""
    chosen = list(event.slots.all()) if slots is None else list(slots)
    if any(slot.event_id != event.pk for slot in chosen):
        raise DomainError(_("A slot belongs to another event."), field="available_slots")
    return chosen


@transaction.atomic
def participant_register(
    *,
    actor: User | None,
    event: Event,
    values: dict[str, Any],
    slots: Iterable[Slot] | None = None,
) -> Participant:
    participant = Participant(event=event)
    _apply(participant, values)
    _link_enterprise_by_name(participant)
    participant.full_clean()
    participant.save()
    participant.available_slots.set(_slots_of(event, slots))
    audit_record(actor=actor, record=participant, action="created", changes=_state(participant))
    return participant


def _directory_language(languages: Iterable[str], default: str) -> str:
    """The agenda language: ``default`` when the record works in it, else the first it has."""
    codes = set(languages)
    spoken = {"zh-hans": {"zh", "zh-hans"}, "zh-hant": {"yue", "zh-hant"}, "en": {"en"}}
    if codes & spoken[default]:
        return default
    if "zh" in codes or "zh-hans" in codes:
        return "zh-hans"
    if "yue" in codes or "zh-hant" in codes:
        return "zh-hant"
    return "en" if "en" in codes else default


@transaction.atomic
def participants_add_from_directory(
    *,
    actor: User,
    event: Event,
    contacts: Iterable[Contact] = (),
    providers: Iterable[ServiceProvider] = (),
) -> tuple[int, int]:
    """Register enterprise contacts and service providers of the directory in one go, linked to
    their records. Returns (added, skipped): those without an email, or whose email is already
    registered for the event, are skipped rather than refused."""
    taken = set(
        Participant.objects.filter(event=event, deleted_at__isnull=True).values_list(
            "email", flat=True
        )
    )
    taken = {email.lower() for email in taken}
    rows: list[tuple[dict[str, Any], str]] = []
    for contact in contacts:
        enterprise = contact.enterprise
        values = {
            "full_name": contact.full_name,
            "organisation_name": enterprise.name_zh or enterprise.name_en,
            "kind": ParticipantKind.ENTERPRISE,
            "enterprise": enterprise,
            "email": contact.email,
            "language": _directory_language(contact.languages, "zh-hans"),
        }
        rows.append((values, contact.email))
    for provider in providers:
        name = str(provider)
        values = {
            "full_name": name,
            "organisation_name": name,
            "kind": ParticipantKind.PROVIDER,
            "provider": provider,
            "email": provider.email,
            "language": _directory_language(provider.languages, "en"),
        }
        rows.append((values, provider.email))
    added = skipped = 0
    for values, email in rows:
        if not email or email.lower() in taken:
            skipped += 1
            continue
        participant_register(actor=actor, event=event, values=values)
        taken.add(email.lower())
        added += 1
    return added, skipped


@transaction.atomic
def participant_update(
    *,
    actor: User,
    participant: Participant,
    seen_version: int,
    values: dict[str, Any],
    slots: Iterable[Slot] | None = None,
) -> Participant:
    before = _state(participant)
    _apply(participant, values)
    participant.full_clean()
    updated = Participant.objects.filter(
        pk=participant.pk, version=seen_version, deleted_at__isnull=True
    ).update(
        **{name: getattr(participant, name) for name in PARTICIPANT_FIELDS},
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if not updated:
        raise StaleRecordError(participant)
    if slots is not None:
        participant.available_slots.set(_slots_of(participant.event, slots))
    participant.refresh_from_db()
    changes = diff(before, _state(participant))
    if changes:
        audit_record(actor=actor, record=participant, action="updated", changes=changes)
    return participant


def _mark(actor: User, participant: Participant, **values: Any) -> Participant:
    Participant.objects.filter(pk=participant.pk).update(
        **values, version=F("version") + 1, updated_at=timezone.now()
    )
    audit_record(
        actor=actor,
        record=participant,
        action="deleted" if "deleted_at" in values else "updated",
        changes={name: str(value) for name, value in values.items()},
    )
    participant.refresh_from_db()
    return participant


@transaction.atomic
def participant_cancel(*, actor: User, participant: Participant) -> Participant:
    """The registration is withdrawn; the next re-plan drops its meetings."""
    return _mark(actor, participant, deleted_at=timezone.now())


@transaction.atomic
def participant_links_revoke(*, actor: User, participant: Participant) -> Participant:
    """Withdraw every agenda link sent to the participant so far: the link generation goes up,
    so older links answer "withdrawn" and the next link made (page or email) works."""
    before = participant.link_generation
    Participant.objects.filter(pk=participant.pk).update(
        link_generation=F("link_generation") + 1,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    participant.refresh_from_db()
    audit_record(
        actor=actor,
        record=participant,
        action="updated",
        changes={"link_generation": [before, participant.link_generation]},
    )
    return participant


@transaction.atomic
def participant_check_in(*, actor: User, participant: Participant) -> Participant:
    return _mark(actor, participant, checked_in_at=timezone.now(), no_show=False)


@transaction.atomic
def participant_mark_no_show(*, actor: User, participant: Participant) -> Participant:
    return _mark(actor, participant, checked_in_at=None, no_show=True)


@transaction.atomic
def meeting_request_create(
    *, actor: User | None, requester: Participant, requested: Participant, priority: str
) -> MeetingRequest:
    """Refuses self-requests and duplicates; "no thanks" replaces an earlier request."""
    if requester.pk == requested.pk:
        raise DomainError(_("A participant cannot ask to meet itself."), field="requested")
    if requester.event_id != requested.event_id:
        raise DomainError(_("Both participants must attend the same event."), field="requested")
    existing = MeetingRequest.objects.filter(requester=requester, requested=requested).first()
    if existing is not None and priority != Priority.NO_THANKS:
        raise DomainError(
            _("%(requester)s has already asked to meet %(requested)s.")
            % {"requester": requester.full_name, "requested": requested.full_name},
            field="requested",
        )
    if existing is not None:
        existing.priority = Priority.NO_THANKS
        existing.save(update_fields=["priority", "updated_at"])
        request = existing
    else:
        request = MeetingRequest(
            event_id=requester.event_id,
            requester=requester,
            requested=requested,
            priority=priority,
        )
        request.full_clean()
        request.save()
    audit_record(
        actor=actor,
        record=requester,
        action="updated",
        changes={f"request:{requested.pk}": [None, priority]},
    )
    return request


@transaction.atomic
def meeting_outcome_record(
    *, actor: User, meeting: Meeting, seen_version: int, outcome: str, notes: str
) -> Meeting:
    before = snapshot(meeting, ["outcome", "notes"])
    meeting.outcome, meeting.notes = outcome, notes
    meeting.full_clean(exclude=["run", "slot", "table", "first", "second"])
    updated = Meeting.objects.filter(pk=meeting.pk, version=seen_version).update(
        outcome=outcome, notes=notes, version=F("version") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise StaleRecordError(meeting)
    meeting.refresh_from_db()
    audit_record(
        actor=actor,
        record=meeting,
        action="updated",
        changes=diff(before, snapshot(meeting, ["outcome", "notes"])),
    )
    meeting_encounters_record(actor=actor, meeting=meeting)
    return meeting
