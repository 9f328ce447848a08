"""Datasets for BI tools (mount at /api/datasets): flat rows of cases, outcomes, referrals,
interactions, events and registrations, paged by id (``after`` the last id seen), for the
roles that read cases (an analyst's token). Ids and codes only: no names of people, no contact
details, no free text, so a dataset can leave the platform for an analyst's tool."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import F, QuerySet
from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.analytics import fx
from goglobal.cases.models import Interaction, Outcome, Referral
from goglobal.cases.selectors import case_can_view, cases_visible_to
from goglobal.events.models import Event, Participant

router = Router()


def _cases(user: Any) -> QuerySet[Any]:
    return cases_visible_to(user).values(
        "id", "enterprise_id", "stage", "origin", "priority", "owner_id",
        "created_at", "stage_changed_at",
        province=F("enterprise__province__code"), city=F("enterprise_city"),
        section=F("enterprise_section"), division=F("enterprise_sector"),
        mechanism_code=F("mechanism__code"),
    )  # fmt: skip


def _outcomes(user: Any) -> QuerySet[Any]:
    return (
        Outcome.objects.filter(case__in=cases_visible_to(user).values("pk"))
        .annotate(amount_hkd=fx.hkd(fx.rates()))
        .values(
            "id", "case_id", "kind", "achieved_on", "amount", "currency", "route", "amount_hkd",
            "jobs", "confirmation", "confirmation_sent_at", "confirmation_sends",
            "confirmation_answered_at", "confirmation_rating", "recorded_by_id", "created_at",
            market=F("country__code"),
        )
    )  # fmt: skip


def _referrals(user: Any) -> QuerySet[Any]:
    return Referral.objects.filter(case__in=cases_visible_to(user).values("pk")).values(
        "id", "case_id", "provider_id", "status", "created_at", "sent_at", "answered_at",
        need_code=F("need__code"), provider_category=F("provider__category"),
    )  # fmt: skip


def _interactions(user: Any) -> QuerySet[Any]:
    return Interaction.objects.filter(case__in=cases_visible_to(user).values("pk")).values(
        "id", "case_id", "kind", "occurred_on", "created_by_id", "created_at"
    )


def _events(_user: Any) -> QuerySet[Any]:
    return Event.objects.values(
        "id", "name_en", "city", "starts_on", "ends_on", "status", "organiser_id",
        mechanism_code=F("mechanism__code"),
    )  # fmt: skip


def _registrations(_user: Any) -> QuerySet[Any]:
    return Participant.objects.values(
        "id", "event_id", "kind", "enterprise_id", "provider_id", "checked_in_at", "no_show",
        "created_at", cancelled_at=F("deleted_at"),
    )  # fmt: skip


DATASETS: dict[str, Callable[[Any], QuerySet[Any]]] = {
    "cases": _cases,
    "outcomes": _outcomes,
    "referrals": _referrals,
    "interactions": _interactions,
    "events": _events,
    "registrations": _registrations,
}


class PageQuery(Schema):
    after: int = Field(0, ge=0, description="Return rows whose id is greater than this.")
    limit: int = Field(500, ge=1, le=5000, description="Rows per page.")


class DatasetPage(Schema):
    dataset: str
    rows: list[dict[str, Any]]
    next_after: int | None = Field(
        description="Pass as `after` for the next page; null on the last page."
    )


@router.get("/", response=list[str], summary="The datasets")
def dataset_list(request: AuthenticatedRequest) -> list[str]:
    if not case_can_view(request.user):
        raise HttpError(403, "Only task-force roles and analysts read datasets.")
    return list(DATASETS)


@router.get("/{name}", response=DatasetPage, summary="One page of a dataset, by id")
def dataset_page(
    request: AuthenticatedRequest, name: str, page: Query[PageQuery]
) -> dict[str, Any]:
    if not case_can_view(request.user):
        raise HttpError(403, "Only task-force roles and analysts read datasets.")
    if name not in DATASETS:
        raise Http404
    rows = list(
        DATASETS[name](request.user).filter(id__gt=page.after).order_by("id")[: page.limit + 1]
    )
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    return {"dataset": name, "rows": rows, "next_after": rows[-1]["id"] if more else None}
