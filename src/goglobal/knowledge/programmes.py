"""Reads for the functions, schemes and mechanisms pages, and the enterprise profile adapter.

The adapter reads an enterprise through ``apps.get_model`` so that ``knowledge`` never imports
``enterprises`` (layering).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from goglobal.knowledge.models import (
    FunctionStep,
    HongKongFunction,
    Mechanism,
    MechanismMeeting,
    Scheme,
    TaskForce,
    TaskForceMember,
)
from goglobal.knowledge.rules import Profile, Reason, scheme_check


def function_list() -> QuerySet[HongKongFunction]:
    return HongKongFunction.objects.select_related("source", "second_source")


def function_get(*, code: str) -> HongKongFunction:
    functions = HongKongFunction.objects.select_related("source", "second_source").prefetch_related(
        Prefetch("steps", queryset=FunctionStep.objects.select_related("source", "second_source")),
        "points__source",
        "points__second_source",
    )
    return get_object_or_404(functions, code=code)


def scheme_list() -> QuerySet[Scheme]:
    return Scheme.objects.select_related("source", "second_source")


def mechanism_list(*, with_case_counts: bool = False) -> QuerySet[Mechanism]:
    """Mechanisms with meetings, initiatives and events; with ``case_count`` (open, not deleted
    cases that came through each one, read through the reverse relation) when asked."""
    mechanisms = Mechanism.objects.select_related("source", "second_source").prefetch_related(
        Prefetch(
            "meetings", queryset=MechanismMeeting.objects.select_related("source", "second_source")
        ),
        "initiatives__source",
        "initiatives__second_source",
        "initiatives__meeting",
        "events",
    )
    if with_case_counts:
        mechanisms = mechanisms.annotate(
            case_count=Count("cases", filter=Q(cases__deleted_at__isnull=True))
        )
    return mechanisms


def task_force_list() -> QuerySet[TaskForce]:
    """Task forces with their members, each with its source."""
    return TaskForce.objects.select_related("source", "second_source").prefetch_related(
        Prefetch(
            "members",
            queryset=TaskForceMember.objects.select_related("source", "second_source"),
        )
    )


@dataclass(frozen=True)
class EnterpriseChoice:
    """An enterprise as a picker shows it: by name, with the id kept for the link only."""

    pk: int
    name: str
    name_en: str


def _live_enterprises() -> Any:
    enterprise_model = apps.get_model("enterprises", "Enterprise")
    enterprises = enterprise_model._default_manager.all()
    if any(field.name == "deleted_at" for field in enterprise_model._meta.get_fields()):
        enterprises = enterprises.filter(deleted_at__isnull=True)
    return enterprises


def enterprise_choices(*, query: str, limit: int = 10) -> list[EnterpriseChoice]:
    """Live enterprises whose Chinese or English name holds ``query`` (exact names first)."""
    text = query.strip()
    if not text:
        return []
    rows = (
        _live_enterprises()
        .filter(Q(name_zh__icontains=text) | Q(name_en__icontains=text))
        .order_by("name_zh", "pk")
        .values_list("pk", "name_zh", "name_en")[: limit + 1]
    )
    found = [EnterpriseChoice(pk=pk, name=zh, name_en=en) for pk, zh, en in rows]
    exact = [
        row for row in found if text.casefold() in (row.name.casefold(), row.name_en.casefold())
    ]
    return (exact or found)[: limit + 1]


def enterprise_choice_get(*, enterprise_id: int) -> EnterpriseChoice | None:
    row = _live_enterprises().filter(pk=enterprise_id).values_list("pk", "name_zh", "name_en")
    first = row.first()
    return EnterpriseChoice(pk=first[0], name=first[1], name_en=first[2]) if first else None


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


def reason_text(reason: Reason) -> str:
    """The reason in words, in the active language (the code itself if it has no text)."""
    texts = {
        "applicant.individual": gettext("An individual applies, not the enterprise."),
        "profile.missing": gettext("The enterprise's %(field)s is not recorded."),
        "rule.in": gettext("%(field)s is %(actual)s; required: %(values)s."),
        "rule.not_in": gettext("%(field)s is %(actual)s; excluded: %(values)s."),
        "rule.at_least": gettext("%(field)s is %(actual)s; at least %(values)s required."),
        "rule.at_most": gettext("%(field)s is %(actual)s; at most %(values)s allowed."),
    }
    template = texts.get(reason.code)
    if template is None:
        return reason.code
    params: dict[str, Any] = {"field": "", "actual": "", **dict(reason.params)}
    params["values"] = ", ".join(str(value) for value in params.get("values", []))
    return template % params
