"""What a provider reads before accepting a referral, checked for identifying details.

Before it accepts, a provider sees the need, the sector, the size band, the target markets, the
enterprise's description and the officer's note, without names (``rules.provider_visible_fields``).
``engines.disclosure`` finds what would still give the enterprise away; this module feeds it the
enterprise's names and contacts and puts the findings in the reader's language for the officer.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from goglobal.engines import disclosure
from goglobal.enterprises.models import Contact, Enterprise

KIND_LABELS = {
    disclosure.NAME: _("the enterprise's name"),
    disclosure.CONTACT: _("a contact's name"),
    disclosure.HEADCOUNT: _("an exact headcount"),
    disclosure.FOUNDED: _("the founding year"),
    disclosure.CODE: _("the Unified Social Credit Code"),
    disclosure.PHONE: _("a telephone number"),
    disclosure.EMAIL: _("an email address"),
}


def disclosure_subject(enterprise: Enterprise) -> disclosure.Subject:
    names = [enterprise.name_zh, enterprise.name_en, *(enterprise.aliases or [])]
    contacts = Contact.objects.filter(enterprise=enterprise).values_list("full_name", flat=True)
    return disclosure.Subject(
        names=tuple(n for n in names if n), contact_names=tuple(n for n in contacts if n)
    )


def disclosure_findings(
    enterprise: Enterprise, text: str, subject: disclosure.Subject | None = None
) -> list[dict[str, Any]]:
    """``[{"label": …, "texts": […]}]``: what in ``text`` may identify ``enterprise``."""
    subject = subject or disclosure_subject(enterprise)
    return [
        {"kind": kind, "label": KIND_LABELS[kind], "texts": texts}
        for kind, texts in disclosure.kinds_found(text or "", subject).items()
    ]
