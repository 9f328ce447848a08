"""Every write to enterprises, their needs and contacts; each one audited."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from goglobal.accounts import services as account_services
from goglobal.accounts.models import Role, User
from goglobal.core.audit import audit_record, diff, snapshot
from goglobal.core.errors import StaleRecordError
from goglobal.engines.text import detect_language, search_key
from goglobal.enterprises.identity import duplicates_note, identity_keys_refresh
from goglobal.enterprises.models import Contact, Enterprise, EnterpriseMembership, EnterpriseNeed
from goglobal.enterprises.signals import announce_changed
from goglobal.knowledge.models import Country, MarketGroup, NeedCode

ENTERPRISE_FIELDS = [
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
]
_AUDITED = [*ENTERPRISE_FIELDS, "target_countries", "target_groups"]
CONTACT_FIELDS = ["full_name", "title", "email", "phone", "languages", "has_consent"]


@dataclass
class EnterpriseInput:
    """The editable profile of an enterprise, as forms, the API and imports give it."""

    values: dict[str, Any]
    target_countries: Iterable[Country] = field(default_factory=list)
    target_groups: Iterable[MarketGroup] = field(default_factory=list)


@dataclass(frozen=True)
class NeedInput:
    need: NeedCode
    priority: str = "medium"
    timeline: str = "3_6m"
    notes: str = ""


def enterprise_search_text(enterprise: Enterprise) -> str:
    return search_key(
        [
            enterprise.name_zh,
            enterprise.name_en,
            enterprise.social_credit_code,
            enterprise.external_id,
            *(enterprise.aliases or []),
        ]
    )


def _apply(enterprise: Enterprise, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name not in ENTERPRISE_FIELDS:
            raise TypeError(f"{name} is not an editable enterprise field")
        setattr(enterprise, name, value)
    if enterprise.external_id == "":
        enterprise.external_id = None
    if "description" in values and "description_language" not in values:
        enterprise.description_language = detect_language(enterprise.description)
    enterprise.search_text = enterprise_search_text(enterprise)


def _state(enterprise: Enterprise) -> dict[str, Any]:
    state = snapshot(enterprise, ENTERPRISE_FIELDS)
    state["target_countries"] = sorted(c.code for c in enterprise.target_countries.all())
    state["target_groups"] = sorted(g.code for g in enterprise.target_groups.all())
    return state


@transaction.atomic
def enterprise_create(*, actor: User | None, data: EnterpriseInput) -> Enterprise:
    enterprise = Enterprise()
    _apply(enterprise, data.values)
    enterprise.full_clean()
    enterprise.save()
    enterprise.target_countries.set(list(data.target_countries))
    enterprise.target_groups.set(list(data.target_groups))
    audit_record(actor=actor, record=enterprise, action="created", changes=_state(enterprise))
    identity_keys_refresh([enterprise.pk])
    duplicates_note([enterprise.pk])
    return enterprise


@transaction.atomic
def enterprise_update(
    *, actor: User, enterprise: Enterprise, seen_version: int, data: EnterpriseInput
) -> Enterprise:
    """Save ``data`` unless somebody saved the enterprise since ``seen_version``."""
    # From the database: a bound ModelForm has already copied its input onto ``enterprise``.
    before = _state(Enterprise.objects.get(pk=enterprise.pk))
    _apply(enterprise, data.values)
    enterprise.full_clean()
    values = {name: getattr(enterprise, name) for name in ENTERPRISE_FIELDS}
    updated = Enterprise.objects.filter(
        pk=enterprise.pk, version=seen_version, deleted_at__isnull=True
    ).update(
        **values,
        search_text=enterprise.search_text,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if not updated:
        raise StaleRecordError(enterprise)
    enterprise.target_countries.set(list(data.target_countries))
    enterprise.target_groups.set(list(data.target_groups))
    enterprise.refresh_from_db()
    changes = diff(before, _state(enterprise))
    if changes:
        audit_record(actor=actor, record=enterprise, action="updated", changes=changes)
        announce_changed([enterprise.pk])
        identity_keys_refresh([enterprise.pk])
    return enterprise


@transaction.atomic
def enterprise_edited_elsewhere(*, actor: User | None, enterprise: Enterprise) -> None:
    """After an edit made around these services (the admin site): recompute the search key,
    record that the enterprise changed, and tell the apps that keep copies of it."""
    Enterprise.objects.filter(pk=enterprise.pk).update(
        search_text=enterprise_search_text(enterprise)
    )
    audit_record(actor=actor, record=enterprise, action="updated", changes=_state(enterprise))
    announce_changed([enterprise.pk])
    identity_keys_refresh([enterprise.pk])


@transaction.atomic
def enterprise_delete(*, actor: User, enterprise: Enterprise) -> Enterprise:
    """Soft delete: the record leaves every list but stays for the audit trail."""
    Enterprise.objects.filter(pk=enterprise.pk).update(
        deleted_at=timezone.now(), version=F("version") + 1
    )
    audit_record(actor=actor, record=enterprise, action="deleted")
    identity_keys_refresh([enterprise.pk])
    announce_changed([enterprise.pk])  # its cases no longer count
    enterprise.refresh_from_db()
    return enterprise


@transaction.atomic
def enterprise_need_save(
    *, actor: User | None, enterprise: Enterprise, need: NeedInput
) -> EnterpriseNeed:
    row = EnterpriseNeed.objects.filter(enterprise=enterprise, need=need.need).first()
    created = row is None
    row = row or EnterpriseNeed(enterprise=enterprise, need=need.need)
    row.priority, row.timeline, row.notes = need.priority, need.timeline, need.notes
    row.full_clean()
    row.save()
    audit_record(
        actor=actor,
        record=enterprise,
        action="updated",
        changes={
            f"need:{need.need.code}": [
                None if created else "changed",
                {"priority": need.priority, "timeline": need.timeline},
            ]
        },
    )
    if created:
        announce_changed([enterprise.pk])
    return row


@transaction.atomic
def enterprise_need_remove(*, actor: User, need: EnterpriseNeed) -> None:
    enterprise = need.enterprise
    code = need.need.code
    need.delete()
    audit_record(
        actor=actor,
        record=enterprise,
        action="updated",
        changes={f"need:{code}": ["removed", None]},
    )
    announce_changed([enterprise.pk])


@transaction.atomic
def contact_save(
    *,
    actor: User | None,
    enterprise: Enterprise,
    values: dict[str, Any],
    contact: Contact | None = None,
    channel: str = "",
) -> Contact:
    """Create or update a contact; giving or withdrawing consent is recorded with who and when
    (and, when given, through which ``channel``: the contact's link, the portal, an officer)."""
    contact = contact or Contact(enterprise=enterprise)
    # A bound form may already have copied the new values onto ``contact``: compare with the row.
    stored = Contact.objects.filter(pk=contact.pk).first() if contact.pk else None
    before = snapshot(stored, CONTACT_FIELDS) if stored else {}
    had_consent = stored.has_consent if stored else False
    for name, value in values.items():
        if name not in CONTACT_FIELDS:
            raise TypeError(f"{name} is not an editable contact field")
        setattr(contact, name, value)
    if contact.has_consent != had_consent:
        # Given or withdrawn: when and by whom (a withdrawal keeps its date:
        # Contact.consent_withdrawn).
        contact.consent_recorded_at = timezone.now()
        contact.consent_recorded_by = actor if getattr(actor, "pk", None) else None
    elif not contact.has_consent and not stored:
        contact.consent_recorded_at = None
        contact.consent_recorded_by = None
    contact.full_clean()
    contact.save()
    changes = diff(before, snapshot(contact, CONTACT_FIELDS))
    entry: dict[str, Any] = {f"contact:{contact.pk}": changes}
    if channel:
        entry["channel"] = channel
    audit_record(actor=actor, record=enterprise, action="updated", changes=entry)
    return contact


@transaction.atomic
def contact_remove(*, actor: User, contact: Contact) -> None:
    enterprise = contact.enterprise
    audit_record(
        actor=actor,
        record=enterprise,
        action="updated",
        changes={f"contact:{contact.pk}": ["removed", None]},
    )
    contact.delete()


@dataclass
class Registration:
    """What a mainland enterprise gives when it signs itself up."""

    email: str
    password: str
    full_name: str
    job_title: str
    phone: str
    preferred_language: str
    has_consent: bool
    enterprise: EnterpriseInput
    needs: list[NeedInput]


@transaction.atomic
def enterprise_register(*, registration: Registration) -> tuple[User, Enterprise]:
    """Create the account, the enterprise, its needs and its first contact, all or nothing.

    The account stays inactive until its owner opens the emailed verification link."""
    user = account_services.user_create(
        email=registration.email,
        password=registration.password,
        role=Role.ENTERPRISE_MEMBER,
        full_name=registration.full_name,
        preferred_language=registration.preferred_language,
        is_active=False,  # until the emailed link confirms the address
    )
    enterprise = enterprise_create(actor=user, data=registration.enterprise)
    EnterpriseMembership.objects.create(user=user, enterprise=enterprise)
    for need in registration.needs:
        enterprise_need_save(actor=user, enterprise=enterprise, need=need)
    contact_save(
        actor=user,
        enterprise=enterprise,
        values={
            "full_name": registration.full_name,
            "title": registration.job_title,
            "email": user.email,
            "phone": registration.phone,
            "languages": ["zh"],
            "has_consent": registration.has_consent,
        },
    )
    return user, enterprise


class _RehearsalDoneError(Exception):
    """Raised inside a rehearsed registration to roll all of it back."""


def registration_rehearse(*, registration: Registration) -> None:
    """Do the whole work of a registration and keep none of it.

    A registration for an address that already has an account is answered exactly as one for a
    new address (no account enumeration). Doing the same work — the password hashed, the account,
    the enterprise with its duplicate check, needs and contact written and audited — and then
    rolling it back makes that answer take as long as well, so its timing tells nothing either.
    Work scheduled on commit (profile vectors) is dropped with the rollback. A registration the
    platform would refuse raises the same ``ValidationError`` as ``enterprise_register``."""
    stand_in = replace(registration, email=f"{secrets.token_hex(12)}@registration.invalid")
    try:
        with transaction.atomic():
            enterprise_register(registration=stand_in)
            raise _RehearsalDoneError
    except _RehearsalDoneError:
        return


@transaction.atomic
def enterprise_member_add(
    *, actor: User, enterprise: Enterprise, user: User
) -> EnterpriseMembership:
    membership, _created = EnterpriseMembership.objects.update_or_create(
        user=user, defaults={"enterprise": enterprise}
    )
    audit_record(
        actor=actor, record=enterprise, action="updated", changes={"member": [None, user.email]}
    )
    return membership
