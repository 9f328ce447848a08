"""The import columns in words, in the reader's language, and messages that name a column by
its code (“social_credit_code” is required.) reworded to name it by its label."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

COLUMN_LABELS = {
    "external_id": _("External id"),
    "name_zh": _("Name in Chinese (as registered)"),
    "name_en": _("Name in English"),
    "name_zh_hans": _("Name in Simplified Chinese"),
    "name_zh_hant": _("Name in Traditional Chinese"),
    "social_credit_code": _("Unified Social Credit Code"),
    "province": _("Province"),
    "city": _("City"),
    "sector": _("Sector"),
    "employee_band": _("Employees"),
    "revenue_band": _("Annual revenue"),
    "ownership": _("Ownership"),
    "listing_status": _("Listing status"),
    "hs_codes": _("Products (HS codes)"),
    "description": _("Description"),
    "description_language": _("Language of the description"),
    "website": _("Website"),
    "target_markets": _("Target markets"),
    "needs": _("Needs"),
    "contact_name": _("Contact's name"),
    "contact_email": _("Contact's email"),
    "contact_phone": _("Contact's phone"),
    "contact_consent": _("Contact agrees to introductions"),
    "category": _("Category"),
    "sectors": _("Sectors"),
    "markets": _("Markets"),
    "languages": _("Working languages"),
    "licences": _("Licences"),
    "capacity_per_month": _("New referrals a month"),
    "email": _("Email"),
    "investor_type": _("Investor type"),
    "stages": _("Stages"),
    "ticket_min": _("Smallest ticket"),
    "ticket_max": _("Largest ticket"),
    "currency": _("Currency"),
}


def column_label(column: str) -> str:
    return str(COLUMN_LABELS.get(column, column))


def worded(message: str, columns: Iterable[str]) -> str:
    """``message`` with every quoted column code (“city”) replaced by the column's label."""
    for column in columns:
        quoted = f"“{column}”"
        if quoted in message:
            message = message.replace(quoted, f"“{column_label(column)}”")
    return message
