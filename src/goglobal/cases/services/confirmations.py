"""Outcomes the enterprise confirms.

An outcome recorded by an officer is weak evidence until the enterprise agrees with it. The
request goes to the enterprise's consenting contact as a signed link that expires
(``GOGLOBAL_OUTCOME_CONFIRM_DAYS``, 14 by default); the contact agrees, or disputes with a
comment, and rates how much the task force's help mattered (1–5). A request still unanswered
when its link expires is sent once more; when the second link expires too, the outcome is
marked unconfirmed (``outcome_confirmations_chase``, run daily by ``goglobal
cases_confirmations``). Editing an outcome that was answered starts over. Each step writes a
``CaseEvent`` and an ``AuditEvent``; a new link replaces the stored nonce, so an older link
stops working. An officer can withdraw a link still waiting for an answer (sent to the wrong
person, or the outcome is being corrected): the link stops working at once, the outcome is back
to "not requested" with its sends counted afresh, and the daily chase leaves it alone.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.cases.models import CaseEvent, Confirmation, Outcome
from goglobal.cases.signals import announce_cases_changed
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError
from goglobal.enterprises.models import Contact
from goglobal.knowledge.models import Country

SALT = "cases.outcome-confirmation"
MAX_SENDS = 2
ANSWERED = frozenset({Confirmation.CONFIRMED, Confirmation.DISPUTED})
EDITABLE_FIELDS = ("achieved_on", "amount", "currency", "route", "country", "jobs", "notes")


def confirm_days() -> int:
    return int(getattr(settings, "GOGLOBAL_OUTCOME_CONFIRM_DAYS", 14))


def confirmation_token(outcome: Outcome) -> str:
    return signing.TimestampSigner(salt=SALT).sign(f"{outcome.pk}:{outcome.confirmation_nonce}")


def outcome_for_token(token: str) -> Outcome | None:
    """The outcome a link was made for, while the link is valid and is the latest one sent."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=confirm_days() * 86400)
        pk_text, nonce = value.split(":", 1)
        pk = int(pk_text)
    except (signing.BadSignature, ValueError):
        return None
    outcome = Outcome.objects.select_related("case__enterprise", "country").filter(pk=pk).first()
    if outcome is None or not nonce or outcome.confirmation_nonce != nonce:
        return None
    return outcome


def _consenting_contact(outcome: Outcome) -> Contact | None:
    contacts = Contact.objects.filter(enterprise_id=outcome.case.enterprise_id, has_consent=True)
    return contacts.exclude(email="").order_by("id").first()


def _language(contact: Contact) -> str:
    languages = [str(code) for code in contact.languages or []]
    return "en" if "en" in languages and "zh" not in languages else "zh-hans"


def _record(outcome: Outcome, actor: User | None, step: str, **extra: object) -> None:
    data = {"outcome": outcome.pk, "step": step, "confirmation": outcome.confirmation, **extra}
    CaseEvent.objects.create(
        case_id=outcome.case_id, actor=actor, kind=CaseEvent.Kind.CONFIRMATION, data=data
    )
    audit_record(actor=actor, record=outcome, action="updated", changes={"confirmation": data})
    announce_cases_changed([outcome.case_id])  # confirmed figures follow the answer


def _send(outcome: Outcome, contact: Contact) -> None:
    link = str(getattr(settings, "GOGLOBAL_SITE_URL", "")).rstrip("/") + reverse(
        "cases:outcome_confirm", args=[confirmation_token(outcome)]
    )
    with translation.override(_language(contact)):
        context = {
            "outcome": outcome,
            "contact": contact,
            "link": link,
            "days": confirm_days(),
            "reminder": outcome.confirmation_sends > 1,
        }
        body = render_to_string("cases/confirmation_request.txt", context)
        subject = _("Please confirm: %(outcome)s") % {"outcome": outcome.get_kind_display()}
    send_mail(subject, body, None, [contact.email])


@transaction.atomic
def outcome_confirmation_request(
    *,
    outcome: Outcome,
    actor: User | None,
    now: datetime.datetime | None = None,
    send_email: bool = True,
) -> Outcome:
    """Send (or send again) the signed link; without a consenting contact, say so.
    ``send_email=False`` (the demo) records the request without mailing it."""
    if outcome.confirmation in ANSWERED:
        raise DomainError(_("The enterprise has already answered for this outcome."))
    contact = _consenting_contact(outcome)
    outcome.confirmation_contact = contact
    if contact is None:
        outcome.confirmation = Confirmation.NO_CONTACT
        outcome.confirmation_nonce = ""
        outcome.save(update_fields=["confirmation", "confirmation_contact", "confirmation_nonce"])
        _record(outcome, actor, "no_contact")
        return outcome
    outcome.confirmation = Confirmation.REQUESTED
    outcome.confirmation_nonce = secrets.token_hex(16)
    outcome.confirmation_sent_at = now or timezone.now()
    outcome.confirmation_sends += 1
    outcome.save(
        update_fields=[
            "confirmation",
            "confirmation_contact",
            "confirmation_nonce",
            "confirmation_sent_at",
            "confirmation_sends",
        ]
    )
    _record(outcome, actor, "sent", contact=contact.pk, sends=outcome.confirmation_sends)
    if send_email:
        transaction.on_commit(lambda: _send(outcome, contact))
    return outcome


@transaction.atomic
def outcome_confirmation_withdraw(*, outcome: Outcome, actor: User) -> Outcome:
    """Withdraw the link waiting for the enterprise's answer; the next request starts afresh."""
    locked = Outcome.objects.select_for_update().get(pk=outcome.pk)
    if locked.confirmation != Confirmation.REQUESTED:
        raise DomainError(_("No confirmation link is waiting for an answer on this outcome."))
    locked.confirmation = Confirmation.NOT_REQUESTED
    locked.confirmation_nonce = ""
    locked.confirmation_sends = 0
    locked.confirmation_sent_at = None
    locked.save(
        update_fields=[
            "confirmation",
            "confirmation_nonce",
            "confirmation_sends",
            "confirmation_sent_at",
        ]
    )
    _record(locked, actor, "withdrawn")
    return locked


@dataclass(frozen=True)
class Answer:
    agrees: bool
    comment: str = ""
    rating: int | None = None


@transaction.atomic
def outcome_confirmation_answer(
    *, outcome: Outcome, answer: Answer, now: datetime.datetime | None = None
) -> Outcome:
    """The enterprise's answer through the link: agree, or dispute with a comment."""
    locked = Outcome.objects.select_for_update().get(pk=outcome.pk)
    if locked.confirmation != Confirmation.REQUESTED or locked.confirmation_nonce != (
        outcome.confirmation_nonce
    ):
        raise DomainError(_("This link is no longer valid."))
    errors: dict[str, str] = {}
    if not answer.agrees and not answer.comment.strip():
        errors["comment"] = _("Tell us what is wrong with this outcome.")
    if answer.rating is not None and not 1 <= answer.rating <= 5:
        errors["rating"] = _("Choose a rating from 1 to 5.")
    if errors:
        raise ValidationError(errors)
    locked.confirmation = Confirmation.CONFIRMED if answer.agrees else Confirmation.DISPUTED
    locked.confirmation_answered_at = now or timezone.now()
    locked.confirmation_comment = answer.comment.strip()
    locked.confirmation_rating = answer.rating
    locked.confirmation_nonce = ""
    locked.save(
        update_fields=[
            "confirmation",
            "confirmation_answered_at",
            "confirmation_comment",
            "confirmation_rating",
            "confirmation_nonce",
        ]
    )
    _record(locked, None, "answered", rating=answer.rating, comment=locked.confirmation_comment)
    return locked


def outcome_confirmations_chase(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Send expired first requests once more; mark expired second requests unconfirmed."""
    now = now or timezone.now()
    expired = Outcome.objects.filter(
        confirmation=Confirmation.REQUESTED,
        confirmation_sent_at__lte=now - datetime.timedelta(days=confirm_days()),
    ).select_related("case")
    counts = {"resent": 0, "unconfirmed": 0}
    for outcome in expired.order_by("id"):
        counts[outcome_confirmation_follow_up(outcome=outcome, now=now)] += 1
    return counts


@transaction.atomic
def outcome_confirmation_follow_up(
    *, outcome: Outcome, now: datetime.datetime, send_email: bool = True
) -> str:
    """One unanswered request whose link expired: send it again, or after the last one, mark
    the outcome unconfirmed. Returns ``"resent"`` or ``"unconfirmed"``."""
    if outcome.confirmation_sends < MAX_SENDS:
        outcome_confirmation_request(outcome=outcome, actor=None, now=now, send_email=send_email)
        return "resent"
    outcome.confirmation = Confirmation.UNCONFIRMED
    outcome.confirmation_nonce = ""
    outcome.save(update_fields=["confirmation", "confirmation_nonce"])
    _record(outcome, None, "unconfirmed")
    return "unconfirmed"


@dataclass(frozen=True)
class OutcomeChanges:
    achieved_on: datetime.date
    amount: Decimal | None = None
    currency: str = ""
    route: str = ""
    country: Country | None = None
    jobs: int | None = None
    notes: str = ""


@transaction.atomic
def outcome_update(*, outcome: Outcome, actor: User, changes: OutcomeChanges) -> Outcome:
    """Correct an outcome. A changed outcome is no longer what the enterprise answered for, so
    its confirmation starts over with a new request."""
    from goglobal.cases.services.cases import _check_outcome

    before = {name: str(getattr(outcome, name)) for name in EDITABLE_FIELDS}
    for name in EDITABLE_FIELDS:
        value = getattr(changes, name)
        setattr(outcome, name, value.upper() if name == "currency" else value)
    _check_outcome(outcome)
    outcome.full_clean()
    after = {name: str(getattr(outcome, name)) for name in EDITABLE_FIELDS}
    changed = {
        name: [before[name], after[name]] for name in EDITABLE_FIELDS if before[name] != after[name]
    }
    if not changed:
        return outcome
    previous = outcome.confirmation
    outcome.confirmation = Confirmation.NOT_REQUESTED
    outcome.confirmation_nonce = ""
    outcome.confirmation_sends = 0
    outcome.confirmation_sent_at = None
    outcome.confirmation_answered_at = None
    outcome.confirmation_comment = ""
    outcome.confirmation_rating = None
    outcome.save()
    data = {"outcome": outcome.pk, "changes": changed, "confirmation_was": previous}
    CaseEvent.objects.create(
        case_id=outcome.case_id, actor=actor, kind=CaseEvent.Kind.OUTCOME, data=data
    )
    audit_record(actor=actor, record=outcome, action="updated", changes=data)
    return outcome_confirmation_request(outcome=outcome, actor=actor)
