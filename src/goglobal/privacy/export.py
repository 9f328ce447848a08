"""Everything held about one enterprise or one contact, for a subject access request.

``enterprise_record`` and ``contact_record`` walk every table that holds something about the
subject: the profile, needs, contacts, members, cases with their tasks, referrals (and their
history), interactions and outcomes, event registrations and meeting requests, the consent
history and every audit entry about it. Each row is a list of ``Item`` (field name, label in
the reader's language, JSON value, text as read), so one walk gives both the JSON file and the
readable PDF.
"""

from __future__ import annotations

import datetime
import decimal
import json
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.cases.models import Case, Interaction, Outcome, Referral, ReferralEvent, Task
from goglobal.core.i18n import localized
from goglobal.core.labels import join_list
from goglobal.core.models import AuditEvent
from goglobal.enterprises.models import Contact, Enterprise, EnterpriseMembership, EnterpriseNeed
from goglobal.events.models import MeetingRequest, Participant

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Item:
    name: str
    label: str
    value: Any  # JSON-ready
    text: str  # as a person reads it


@dataclass
class Section:
    key: str
    title: str
    rows: list[list[Item]] = field(default_factory=list)


@dataclass
class SubjectRecord:
    kind: str  # "enterprise" or "contact"
    subject_id: int
    title: str
    generated_at: datetime.datetime
    sections: list[Section]

    def as_json(self) -> dict[str, Any]:
        return {
            "format_version": FORMAT_VERSION,
            "subject": {"kind": self.kind, "id": self.subject_id},
            "generated_at": self.generated_at.isoformat(),
            **{
                section.key: [{item.name: item.value for item in row} for row in section.rows]
                for section in self.sections
            },
        }


def _json(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value


def _text(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return localized(value, "name") or str(value)
    if isinstance(value, list | tuple):
        return join_list(_text(v) for v in value) or "—"
    return str(value)


def row_of(record: models.Model, names: list[str], **extra: tuple[str, Any]) -> list[Item]:
    """``record``'s fields ``names`` with their verbose names, choices shown by their label."""
    items = []
    for name in names:
        model_field = record._meta.get_field(name)
        value = getattr(record, name)
        shown = value
        if getattr(model_field, "choices", None) and value not in (None, ""):
            shown = getattr(record, f"get_{name}_display")()
        label = str(getattr(model_field, "verbose_name", name))
        items.append(Item(name, label, _json(value), _text(shown)))
    for name, (label, value) in extra.items():
        items.append(Item(name, str(label), _json(value), _text(value)))
    return items


ENTERPRISE_EXPORT_FIELDS = [
    "external_id",
    "name_zh",
    "name_en",
    "social_credit_code",
    "province",
    "city",
    "sector",
    "employee_band",
    "revenue_band",
    "ownership",
    "listing_status",
    "hs_codes",
    "description",
    "description_language",
    "website",
    "shown_as_peer",
    "aliases",
    "created_at",
    "updated_at",
]
CONTACT_EXPORT_FIELDS = [
    "full_name",
    "title",
    "email",
    "phone",
    "languages",
    "has_consent",
    "consent_recorded_at",
    "created_at",
    "updated_at",
]
CASE_FIELDS = [
    "stage",
    "owner",
    "priority",
    "origin",
    "mechanism",
    "next_action",
    "next_action_on",
    "tags",
    "closed_reason",
    "stage_changed_at",
    "created_at",
]
REFERRAL_FIELDS = [
    "need",
    "provider",
    "status",
    "note",
    "decline_reason",
    "progress_note",
    "outcome",
    "sent_at",
    "answered_at",
    "created_at",
]
OUTCOME_FIELDS = [
    "kind",
    "achieved_on",
    "amount",
    "currency",
    "route",
    "country",
    "jobs",
    "notes",
    "confirmation",
    "confirmation_contact",
    "confirmation_answered_at",
    "confirmation_comment",
    "confirmation_rating",
]
PARTICIPANT_FIELDS = [
    "full_name",
    "organisation_name",
    "kind",
    "email",
    "language",
    "checked_in_at",
    "no_show",
    "created_at",
]


def audit_targets(enterprise: Enterprise) -> list[tuple[str, str]]:
    """Every (record type, id) of the audit trail that is about ``enterprise``."""
    case_ids = list(Case.objects.filter(enterprise=enterprise).values_list("pk", flat=True))
    referral_ids = Referral.objects.filter(case_id__in=case_ids).values_list("pk", flat=True)
    participant_ids = Participant.objects.filter(enterprise=enterprise).values_list("pk", flat=True)
    member_ids = EnterpriseMembership.objects.filter(enterprise=enterprise).values_list(
        "user_id", flat=True
    )
    targets = [("enterprises.enterprise", str(enterprise.pk))]
    targets += [("cases.case", str(pk)) for pk in case_ids]
    targets += [("cases.referral", str(pk)) for pk in referral_ids]
    targets += [("events.participant", str(pk)) for pk in participant_ids]
    targets += [("accounts.user", str(pk)) for pk in member_ids]
    return targets


def audit_events_about(targets: list[tuple[str, str]]) -> list[AuditEvent]:
    by_type: dict[str, list[str]] = {}
    for target_type, target_id in targets:
        by_type.setdefault(target_type, []).append(target_id)
    query = models.Q(pk__in=[])
    for target_type, ids in by_type.items():
        query |= models.Q(target_type=target_type, target_id__in=ids)
    return list(
        AuditEvent.objects.filter(query).select_related("actor").order_by("created_at", "id")
    )


def _audit_row(event: AuditEvent) -> list[Item]:
    row = row_of(event, ["created_at", "actor", "action"])
    try:
        kind = str(apps.get_model(event.target_type)._meta.verbose_name)
    except (LookupError, ValueError):
        kind = event.target_type
    row.append(Item("target_type", str(_("record type")), event.target_type, kind))
    row.append(Item("target_id", str(_("record id")), event.target_id, event.target_id))
    row.append(Item("changes", str(_("changes")), event.changes, _text(event.changes)))
    return row


def consent_history(events: list[AuditEvent], contacts: dict[int, str]) -> list[list[Item]]:
    """Each change of a contact's consent, from the audit trail: when, by whom, to what."""
    rows = []
    for event in events:
        for key, change in (event.changes or {}).items():
            if not key.startswith("contact:"):
                continue
            try:
                contact_id = int(key.split(":", 1)[1])
            except ValueError:
                continue
            if contact_id not in contacts or not isinstance(change, dict):
                continue
            consent = change.get("has_consent")
            if not isinstance(consent, list) or len(consent) != 2:
                continue
            given = bool(consent[1])
            rows.append(
                [
                    Item("contact", str(_("contact")), contact_id, contacts[contact_id]),
                    Item("at", str(_("when")), _json(event.created_at), _text(event.created_at)),
                    Item("consent", str(_("consents to be introduced")), given, _text(given)),
                    Item(
                        "channel",
                        str(_("recorded through")),
                        (event.changes or {}).get("channel", "form"),
                        channel_label((event.changes or {}).get("channel", "form")),
                    ),
                    Item("by", str(_("by")), event.actor_id, _text(event.actor)),
                ]
            )
    return rows


def channel_label(channel: str) -> str:
    return {
        "link": str(_("the contact, through the emailed link")),
        "portal": str(_("the enterprise, in its portal")),
        "officer": str(_("an officer, on the contact's request")),
        "retention": str(_("the retention rule")),
    }.get(channel, str(_("a form of the platform")))


def enterprise_record(enterprise: Enterprise) -> SubjectRecord:
    contacts = list(Contact.objects.filter(enterprise=enterprise))
    cases = list(Case.objects.filter(enterprise=enterprise).select_related("owner", "mechanism"))
    referrals = list(Referral.objects.filter(case__in=cases).select_related("need", "provider"))
    participants = list(Participant.objects.filter(enterprise=enterprise).select_related("event"))
    events = audit_events_about(audit_targets(enterprise))
    members = EnterpriseMembership.objects.filter(enterprise=enterprise).select_related("user")
    sections = [
        Section(
            "enterprise",
            _("Profile"),
            [
                row_of(
                    enterprise,
                    ENTERPRISE_EXPORT_FIELDS,
                    target_countries=(
                        _("target markets"),
                        [c for c in enterprise.target_countries.all()],
                    ),
                    target_groups=(_("target groupings"), list(enterprise.target_groups.all())),
                )
            ],
        ),
        Section(
            "needs",
            _("Needs"),
            [
                row_of(n, ["need", "priority", "timeline", "notes", "created_at"])
                for n in EnterpriseNeed.objects.filter(enterprise=enterprise).select_related("need")
            ],
        ),
        Section("contacts", _("Contacts"), [row_of(c, CONTACT_EXPORT_FIELDS) for c in contacts]),
        Section(
            "members",
            _("Accounts acting for the enterprise"),
            [
                row_of(
                    m.user, ["email", "full_name", "preferred_language", "is_active", "date_joined"]
                )
                for m in members
            ],
        ),
        Section("cases", _("Cases"), [row_of(c, CASE_FIELDS) for c in cases]),
        Section(
            "tasks",
            _("Tasks"),
            [
                row_of(t, ["title", "due_on", "assignee", "done_at"])
                for t in Task.objects.filter(case__in=cases).select_related("assignee")
            ],
        ),
        Section("referrals", _("Referrals"), [row_of(r, REFERRAL_FIELDS) for r in referrals]),
        Section(
            "referral_history",
            _("Referral history"),
            [
                row_of(e, ["referral", "from_status", "to_status", "note", "created_at"])
                for e in ReferralEvent.objects.filter(referral__in=referrals).order_by("id")
            ],
        ),
        Section(
            "interactions",
            _("Interactions"),
            [_interaction_row(i) for i in Interaction.objects.filter(case__in=cases)],
        ),
        Section(
            "outcomes",
            _("Outcomes"),
            [
                row_of(o, OUTCOME_FIELDS)
                for o in Outcome.objects.filter(case__in=cases).select_related("country")
            ],
        ),
        Section(
            "registrations",
            _("Event registrations"),
            [row_of(p, ["event", *PARTICIPANT_FIELDS]) for p in participants],
        ),
        Section(
            "meeting_requests",
            _("Meeting requests"),
            [
                row_of(r, ["event", "requester", "requested", "priority", "created_at"])
                for r in MeetingRequest.objects.filter(
                    models.Q(requester__in=participants) | models.Q(requested__in=participants)
                ).select_related("event", "requester", "requested")
            ],
        ),
        Section(
            "consent_history",
            _("Consent history"),
            consent_history(events, {c.pk: c.full_name for c in contacts}),
        ),
        Section("audit", _("Audit trail"), [_audit_row(e) for e in events]),
    ]
    return SubjectRecord(
        "enterprise",
        enterprise.pk,
        enterprise.name_zh or enterprise.name_en,
        timezone.now(),
        sections,
    )


def _interaction_row(interaction: Interaction) -> list[Item]:
    return row_of(
        interaction,
        ["kind", "occurred_on", "summary"],
        contacts=(_("enterprise contacts"), [str(c) for c in interaction.contacts.all()]),
    )


def contact_record(contact: Contact) -> SubjectRecord:
    enterprise = contact.enterprise
    events = [
        e
        for e in audit_events_about([("enterprises.enterprise", str(enterprise.pk))])
        if f"contact:{contact.pk}" in (e.changes or {})
    ]
    registrations = (
        Participant.objects.filter(email__iexact=contact.email).select_related("event")
        if contact.email
        else Participant.objects.none()
    )
    sections = [
        Section("contact", _("Contact"), [row_of(contact, ["enterprise", *CONTACT_EXPORT_FIELDS])]),
        Section(
            "interactions",
            _("Interactions"),
            [_interaction_row(i) for i in Interaction.objects.filter(contacts=contact)],
        ),
        Section(
            "outcome_confirmations",
            _("Outcome confirmations asked of the contact"),
            [
                row_of(o, OUTCOME_FIELDS)
                for o in Outcome.objects.filter(confirmation_contact=contact)
            ],
        ),
        Section(
            "registrations",
            _("Event registrations"),
            [row_of(p, ["event", *PARTICIPANT_FIELDS]) for p in registrations],
        ),
        Section(
            "consent_history",
            _("Consent history"),
            consent_history(events, {contact.pk: contact.full_name}),
        ),
        Section(
            "audit",
            _("Audit trail"),
            [
                row_of(
                    e,
                    ["created_at", "actor", "action"],
                    changes=(
                        _("changes"),
                        {f"contact:{contact.pk}": e.changes[f"contact:{contact.pk}"]},
                    ),
                )
                for e in events
            ],
        ),
    ]
    return SubjectRecord("contact", contact.pk, contact.full_name, timezone.now(), sections)
