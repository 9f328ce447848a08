"""Where each kind of fact is used, and how much rests on each fact.

The staleness report sorts by this (facts that more features rest on come first, then the
oldest checks) and each fact page lists it. "Used by" is what the code reads today, named by
the module that reads it (kept here, checked by ``tests/test_usage.py``); "resting on it" counts
the rows that hang off one fact (the markets an agreement covers, the cases that came through
a mechanism …) and is counted in a few queries for a whole kind at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.db.models import Count
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True, slots=True)
class Feature:
    code: str
    label: Promise
    reads: str  # the module whose code reads the facts


FEATURES: dict[str, Feature] = {
    feature.code: feature
    for feature in (
        Feature("comparator", _("Market profiles and the route comparator"), "knowledge.selectors"),
        Feature("matching", _("Matching: target markets and providers"), "matching.connector"),
        Feature("roadmaps", _("Going-global roadmaps"), "roadmaps"),
        Feature("programmes", _("Function, scheme and mechanism pages"), "knowledge.programmes"),
        Feature("eligibility", _("Scheme and listing eligibility checks"), "knowledge.rules"),
        Feature("cases", _("Task-force cases and their filters"), "cases.selectors"),
        Feature("enterprises", _("Enterprise and provider profiles"), "enterprises, providers"),
    )
}

# Fact kind (``selectors.FACT_MODELS``) → the features that read it.
USES: dict[str, tuple[str, ...]] = {
    "country": ("comparator", "matching", "cases", "enterprises"),
    "market_group": ("comparator", "matching", "cases"),
    "membership": ("comparator", "matching", "cases"),
    "group_area": (),
    "group_accession": ("comparator",),
    "agreement": ("comparator", "matching", "roadmaps"),
    "agreement_party": ("comparator", "matching", "roadmaps"),
    "office": ("comparator", "matching", "roadmaps"),
    "indicator": ("comparator", "matching"),
    "sector": ("matching", "cases", "enterprises"),
    "area": ("cases", "enterprises"),
    "need": ("matching", "cases", "roadmaps", "enterprises"),
    "function": ("roadmaps", "programmes", "eligibility"),
    "function_step": ("roadmaps", "programmes"),
    "function_point": ("roadmaps", "programmes"),
    "scheme": ("roadmaps", "programmes", "eligibility"),
    "mechanism": ("programmes", "cases"),
    "mechanism_meeting": ("programmes",),
    "mechanism_initiative": ("programmes",),
    "task_force": ("programmes",),
    "task_force_member": ("programmes",),
}

# Fact kind → reverse relations whose rows rest on one fact of that kind.
_RESTING: dict[str, tuple[str, ...]] = {
    "country": ("agreement_parties", "memberships", "offices"),
    "market_group": ("memberships", "area_members"),
    "agreement": ("coverage",),
    "function": ("steps", "points"),
    "mechanism": ("meetings", "initiatives", "cases"),
    "task_force": ("members",),
}
USES["rule"] = ("roadmaps",)


def features_of(kind: str) -> list[Feature]:
    return [FEATURES[code] for code in USES.get(kind, ())]


def resting_annotations(kind: str, model: type[models.Model]) -> dict[str, Count]:
    """Annotations counting, for each fact of ``kind``, the rows that rest on it (one query
    for a whole kind; ``resting_total`` adds them up)."""
    return {
        f"_resting_{name}": Count(name, distinct=True)
        for name in _RESTING.get(kind, ())
        if _has_relation(model, name)
    }


def resting_total(record: models.Model) -> int:
    return sum(
        value
        for name, value in vars(record).items()
        if name.startswith("_resting_") and isinstance(value, int)
    )


def _has_relation(model: type[models.Model], name: str) -> bool:
    return any(
        getattr(relation, "related_name", None) == name or relation.get_accessor_name() == name
        for relation in model._meta.related_objects
    )
