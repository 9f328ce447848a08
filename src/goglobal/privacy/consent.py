"""A contact withdraws consent: through an emailed link, the enterprise's portal, or an officer
recording the contact's request. Consent is ``Contact.has_consent`` (enterprises app); a
withdrawal goes through ``contact_save`` like any other change of it, so it takes effect at
once wherever consent is read: providers' referral pages list only consenting contacts, outcome
confirmations are asked only of them, and exports leave out contacts who withdrew
(``Contact.consent_withdrawn``). When the enterprise also stops being shown to other
enterprises as a peer, ``shown_as_peer`` is turned off in the same transaction.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.errors import DomainError
from goglobal.enterprises.models import Contact, Enterprise
from goglobal.enterprises.services import (
    ENTERPRISE_FIELDS,
    EnterpriseInput,
    contact_save,
    enterprise_update,
)

SALT = "goglobal.privacy.consent"
CHANNELS = ("link", "portal", "officer")


def link_days() -> int:
    return int(getattr(settings, "GOGLOBAL_CONSENT_LINK_DAYS", 90))


def _fingerprint(contact: Contact) -> str:
    """Changes when the contact's address changes or it is erased: older links stop working."""
    return hashlib.sha256(f"{contact.pk}:{contact.email.lower()}".encode()).hexdigest()[:16]


def withdrawal_token(contact: Contact) -> str:
    return signing.TimestampSigner(salt=SALT).sign(f"{contact.pk}:{_fingerprint(contact)}")


def contact_for_token(token: str) -> Contact | None:
    """The contact a withdrawal link was made for, while the link is valid."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=link_days() * 86400)
        pk_text, fingerprint = value.split(":", 1)
        pk = int(pk_text)
    except (signing.BadSignature, ValueError):
        return None
    contact = (
        Contact.objects.select_related("enterprise")
        .filter(pk=pk, enterprise__deleted_at__isnull=True)
        .first()
    )
    if contact is None or _fingerprint(contact) != fingerprint:
        return None
    return contact


@transaction.atomic
def consent_withdraw(
    *, contact: Contact, actor: User | None, channel: str, stop_peer: bool = True
) -> Contact:
    """Withdraw ``contact``'s consent to be introduced (and, with ``stop_peer``, stop showing its
    enterprise to other enterprises as a peer), at once and audited with the channel."""
    if channel not in CHANNELS:
        raise ValueError(channel)
    locked = Contact.objects.select_for_update().select_related("enterprise").get(pk=contact.pk)
    if locked.has_consent:
        contact = contact_save(
            actor=actor,
            enterprise=locked.enterprise,
            contact=locked,
            values={"has_consent": False},
            channel=channel,
        )
    else:
        contact = locked
    enterprise = Enterprise.objects.get(pk=locked.enterprise_id)
    if stop_peer and enterprise.shown_as_peer:
        values = {name: getattr(enterprise, name) for name in ENTERPRISE_FIELDS}
        values["shown_as_peer"] = False
        enterprise_update(
            actor=actor,  # type: ignore[arg-type]
            enterprise=enterprise,
            seen_version=enterprise.version,
            data=EnterpriseInput(
                values=values,
                target_countries=list(enterprise.target_countries.all()),
                target_groups=list(enterprise.target_groups.all()),
            ),
        )
    return contact


def withdrawal_link_send(*, contact: Contact, actor: User, base_url: str) -> None:
    """Email ``contact`` a link with which it withdraws consent itself, in its language."""
    if not contact.email:
        raise DomainError(_("This contact has no email address."), field="email")
    if not contact.has_consent:
        raise DomainError(_("This contact has not given consent; there is nothing to withdraw."))
    path = reverse("privacy:withdraw_link", args=[withdrawal_token(contact)])
    language = "zh-hans" if "zh" in (contact.languages or ["zh"]) else "en"
    with translation.override(language):
        subject = _("Your consent to be introduced to Hong Kong service providers")
        body = render_to_string(
            "privacy/withdrawal_email.txt",
            {"contact": contact, "url": base_url.rstrip("/") + path, "days": link_days()},
        )
    send_mail(subject, body, None, [contact.email])
    from goglobal.core.audit import audit_record

    audit_record(
        actor=actor,
        record=contact.enterprise,
        action="updated",
        changes={f"contact:{contact.pk}": {"withdrawal_link": "sent"}},
    )
