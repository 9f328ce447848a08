"""Template filters for reference codes."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

from goglobal.core.labels import join_list
from goglobal.knowledge.languages import WORKING_LANGUAGES

register = template.Library()
_LANGUAGE_LABELS = dict(WORKING_LANGUAGES)
# UN M49 regions as stored in countries.csv, in the reader's language.
_REGION_LABELS = {
    "Africa": _("Africa"),
    "Americas": _("Americas"),
    "Asia": _("Asia"),
    "Europe": _("Europe"),
    "Oceania": _("Oceania"),
}


@register.filter
def language_names(codes: list[str] | None) -> str:
    """``["yue", "en"]`` → "Cantonese, English" (粤语、英语) in the reader's language;
    unknown codes as given."""
    return join_list(str(_LANGUAGE_LABELS.get(code, code)) for code in codes or [])


@register.filter
def region_name(region: str | None) -> str:
    """A UN M49 region ("Asia") in the reader's language; other values as given."""
    return str(_REGION_LABELS.get(region or "", region or ""))
