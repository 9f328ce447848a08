"""Labels for the codes a breakdown is keyed by, in the reader's language: never a raw code."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.analytics.figures import NONE
from goglobal.cases.models import Origin, Stage
from goglobal.core.i18n import localized
from goglobal.events.models import Event
from goglobal.knowledge.models import AdministrativeArea, Country, Mechanism, Sector
from goglobal.providers.models import ProviderCategory


def _by_code(model: type, keys: list[str]) -> dict[str, str]:
    return {row.code: localized(row, "name") for row in model.objects.filter(code__in=keys)}  # type: ignore[attr-defined]


def _by_id(keys: list[str]) -> list[int]:
    return [int(key) for key in keys if key.isdigit()]


def labels_for(dimension: str, keys: Iterable[str]) -> dict[str, str]:
    """``{key: label}`` for every key of a breakdown by ``dimension`` (one query at most)."""
    keys = [key for key in keys if key != NONE]
    if dimension in {"province", "city"}:
        found = _by_code(AdministrativeArea, keys)
    elif dimension in {"section", "division"}:
        found = {row.code: localized(row, "name") for row in Sector.objects.filter(code__in=keys)}
    elif dimension == "mechanism":
        found = _by_code(Mechanism, keys)
    elif dimension == "market":
        found = _by_code(Country, keys)
    elif dimension == "event":
        found = {str(event.pk): event.name for event in Event.objects.filter(pk__in=_by_id(keys))}
    elif dimension == "officer":
        found = {
            str(user.pk): user.full_name or user.email
            for user in User.objects.filter(pk__in=_by_id(keys))
        }
    elif dimension in {"origin", "stage", "provider_category"}:
        choices = {"origin": Origin, "stage": Stage, "provider_category": ProviderCategory}
        found = {str(value): str(label) for value, label in choices[dimension].choices}
    else:  # months
        found = {key: key for key in keys}
    labels = {key: found.get(key, _("unknown")) for key in keys}
    labels[NONE] = _("not set")
    return labels
