"""Reads of roadmaps, with role and object checks: 404 for what the user may not see."""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from goglobal.accounts import rules
from goglobal.accounts.models import Role, User
from goglobal.core import signed_links
from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.selectors import enterprise_can_edit, enterprise_get_for
from goglobal.matching.models import MatchSuggestion
from goglobal.roadmaps.models import Roadmap, RoadmapOverride

_SHARE_SALT = "goglobal.roadmaps.share"


def roadmap_enterprise_for(*, user: User, enterprise_id: int) -> Enterprise:
    """The enterprise whose roadmap ``user`` may read (task-force staff, or its own members)."""
    return enterprise_get_for(user=user, enterprise_id=enterprise_id)


def can_generate(*, user: User, enterprise: Enterprise) -> bool:
    """Officers and admins, and the enterprise's own members (after updating their figures)."""
    return rules.can(user, "enterprise.edit_any") or (
        user.role == Role.ENTERPRISE_MEMBER
        and enterprise_can_edit(user=user, enterprise=enterprise)
    )


def can_override(*, user: User) -> bool:
    return rules.can(user, "enterprise.edit_any")


def require_generate(*, user: User, enterprise: Enterprise) -> None:
    if not can_generate(user=user, enterprise=enterprise):
        raise Http404


def require_override(*, user: User) -> None:
    if not can_override(user=user):
        raise Http404


def roadmap_latest(enterprise: Enterprise) -> Roadmap | None:
    return Roadmap.objects.filter(enterprise=enterprise).order_by("-number").first()


def roadmap_versions(enterprise: Enterprise) -> QuerySet[Roadmap]:
    return Roadmap.objects.filter(enterprise=enterprise).order_by("-number")


def roadmap_version_for(*, user: User, enterprise_id: int, number: int) -> Roadmap:
    enterprise = roadmap_enterprise_for(user=user, enterprise_id=enterprise_id)
    found = Roadmap.objects.filter(enterprise=enterprise, number=number).first()
    if found is None:
        raise Http404
    return found


def overrides_active(enterprise: Enterprise) -> QuerySet[RoadmapOverride]:
    return RoadmapOverride.objects.filter(
        enterprise=enterprise, withdrawn_at__isnull=True
    ).select_related("created_by")


def override_get_for(*, user: User, enterprise_id: int, override_id: int) -> RoadmapOverride:
    require_override(user=user)
    enterprise = roadmap_enterprise_for(user=user, enterprise_id=enterprise_id)
    found = overrides_active(enterprise).filter(pk=override_id).first()
    if found is None:
        raise Http404
    return found


def share_token(roadmap: Roadmap) -> str:
    return signed_links.make(_SHARE_SALT, str(roadmap.pk), roadmap.link_generation)


def share_days() -> int:
    return int(getattr(settings, "GOGLOBAL_ROADMAP_LINK_DAYS", 14))


def roadmap_from_token(token: str) -> Roadmap:
    """The roadmap a signed link names; 404 when the link is forged, ``LinkExpiredError`` (a clear
    page) after ``GOGLOBAL_ROADMAP_LINK_DAYS``, ``LinkRevokedError`` (a clear page) once an
    officer withdrew the links made so far."""
    try:
        value, generation = signed_links.split_generation(
            signed_links.read(_SHARE_SALT, token, days=share_days())
        )
        pk = int(value)
    except ValueError as error:
        raise Http404 from error
    found = Roadmap.objects.filter(pk=pk, enterprise__deleted_at__isnull=True).first()
    if found is None:
        raise Http404
    signed_links.require_current(generation, found.link_generation)
    return found


def providers_by_category(
    *, user: User, enterprise: Enterprise, categories: set[str]
) -> dict[str, list[MatchSuggestion]]:
    """The matcher's latest suggestions for the enterprise, grouped by provider category.

    On the enterprise's own view only providers that opted in to being shown to enterprises
    appear; the task force sees every suggestion.
    """
    rows = MatchSuggestion.objects.filter(
        enterprise=enterprise,
        provider__category__in=sorted(categories),
        provider__deleted_at__isnull=True,
    ).select_related("provider")
    if not rules.can(user, "enterprise.view_any"):
        rows = rows.filter(provider__shown_to_enterprises=True)
    grouped: dict[str, list[MatchSuggestion]] = {}
    seen: set[int] = set()
    for row in rows.order_by("-created_at", "rank")[:200]:
        if row.provider_id in seen:
            continue
        seen.add(row.provider_id)
        grouped.setdefault(row.provider.category, [])
        if len(grouped[row.provider.category]) < 3:
            grouped[row.provider.category].append(row)
    return grouped
