"""Reads for the functions, schemes and mechanisms pages, and the enterprise profile adapter.

The adapter reads an enterprise through ``apps.get_model`` so that ``knowledge`` never imports
``enterprises`` (layering).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from goglobal.knowledge.models import (
    FunctionStep,
    HongKongFunction,
    Mechanism,
    MechanismMeeting,
    Scheme,
)
from goglobal.knowledge.rules import Profile, Reason, scheme_check


def function_list() -> QuerySet[HongKongFunction]:
    return HongKongFunction.objects.select_related("source")


def function_get(*, code: str) -> HongKongFunction:
    functions = HongKongFunction.objects.select_related("source").prefetch_related(
        Prefetch("steps", queryset=FunctionStep.objects.select_related("source")),
        "points__source",
    )
    return get_object_or_404(functions, code=code)


def scheme_list() -> QuerySet[Scheme]:
    return Scheme.objects.select_related("source")


def mechanism_list() -> QuerySet[Mechanism]:
    return Mechanism.objects.select_related("source").prefetch_related(
        Prefetch("meetings", queryset=MechanismMeeting.objects.select_related("source")),
        "initiatives__source",
        "initiatives__meeting",
        "events",
    )


def enterprise_profile_get(*, enterprise_id: int) -> Profile | None:
    """The rule profile of a live enterprise, or None if there is none with that id."""
    enterprise_model = apps.get_model("enterprises", "Enterprise")
    enterprises = enterprise_model._default_manager.select_related("sector__section")
    if any(field.name == "deleted_at" for field in enterprise_model._meta.get_fields()):
        enterprises = enterprises.filter(deleted_at__isnull=True)
    enterprise: Any = enterprises.filter(pk=enterprise_id).first()
    if enterprise is None:
        return None
    sector = enterprise.sector
    return Profile(
        sector=sector.code if sector else "",
        section=sector.section.code if sector and sector.section else "",
        employee_band=enterprise.employee_band or "",
        revenue_band=enterprise.revenue_band or "",
        ownership=enterprise.ownership or "",
        listing_status=enterprise.listing_status or "",
    )


@dataclass(frozen=True)
class CheckRow:
    item: Scheme | HongKongFunction
    eligible: bool
    reasons: list[Reason]


def checks_for(items: list[Any], profile: Profile) -> list[CheckRow]:
    rows = []
    for item in items:
        applicant = getattr(item, "applicant", "enterprise")
        probe = _Probe(eligibility=item.eligibility, applicant=applicant)
        eligible, reasons = scheme_check(probe, profile)
        rows.append(CheckRow(item=item, eligible=eligible, reasons=reasons))
    return rows


@dataclass(frozen=True)
class _Probe:
    eligibility: str
    applicant: str
