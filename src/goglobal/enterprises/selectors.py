"""Every user-triggered read of enterprises, with role and object checks applied."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from goglobal.accounts import rules
from goglobal.accounts.models import Role, User
from goglobal.engines.text import normalise
from goglobal.enterprises.models import Contact, Enterprise, EnterpriseMembership, EnterpriseNeed
from goglobal.knowledge import selectors as knowledge


def enterprise_of_member(user: User) -> Enterprise | None:
    if user.role != Role.ENTERPRISE_MEMBER:
        return None
    membership = (
        EnterpriseMembership.objects.select_related("enterprise")
        .filter(user=user, enterprise__deleted_at__isnull=True)
        .first()
    )
    return membership.enterprise if membership else None


def enterprises_visible_to(user: User) -> QuerySet[Enterprise]:
    live = Enterprise.objects.filter(deleted_at__isnull=True)
    if rules.can(user, "enterprise.view_any"):
        return live
    if user.is_authenticated and user.role == Role.ENTERPRISE_MEMBER:
        return live.filter(members__user=user)
    return live.none()


def enterprise_can_edit(*, user: User, enterprise: Enterprise) -> bool:
    if rules.can(user, "enterprise.edit_any"):
        return True
    return user.role == Role.ENTERPRISE_MEMBER and enterprise.members.filter(user=user).exists()


def enterprise_can_see_contacts(*, user: User, enterprise: Enterprise) -> bool:
    if rules.can(user, "enterprise.view_contacts_any"):
        return True
    return user.role == Role.ENTERPRISE_MEMBER and enterprise.members.filter(user=user).exists()


def _with_profile(queryset: QuerySet[Enterprise]) -> QuerySet[Enterprise]:
    return queryset.select_related(
        "province", "city", "sector", "sector__section"
    ).prefetch_related(
        "target_countries",
        "target_groups",
        Prefetch("needs", queryset=EnterpriseNeed.objects.select_related("need")),
    )


def enterprise_get_for(*, user: User, enterprise_id: int) -> Enterprise:
    """The enterprise with its profile loaded, or 404 when ``user`` may not see it."""
    return get_object_or_404(_with_profile(enterprises_visible_to(user)), pk=enterprise_id)


def enterprise_get_for_edit(*, user: User, enterprise_id: int) -> Enterprise:
    enterprise = enterprise_get_for(user=user, enterprise_id=enterprise_id)
    if not enterprise_can_edit(user=user, enterprise=enterprise):
        from django.http import Http404

        raise Http404
    return enterprise


def contact_list_for(*, user: User, enterprise: Enterprise) -> QuerySet[Contact]:
    if not enterprise_can_see_contacts(user=user, enterprise=enterprise):
        return Contact.objects.none()
    return enterprise.contacts.all()


@dataclass(frozen=True)
class EnterpriseFilters:
    query: str = ""
    province: str = ""
    city: str = ""
    sector: str = ""
    need: str = ""
    market: str = ""
    ownership: str = ""


def enterprise_list_for(*, user: User, filters: EnterpriseFilters) -> QuerySet[Enterprise]:
    """Newest first. Filters on related rows are ``EXISTS`` subqueries: no joins, no DISTINCT."""
    queryset = enterprises_visible_to(user)
    if filters.query:
        queryset = queryset.filter(search_text__contains=normalise(filters.query))
    if filters.province:
        queryset = queryset.filter(province__code=filters.province)
    if filters.city:
        queryset = queryset.filter(city__code=filters.city)
    if filters.sector:
        queryset = queryset.filter(
            Q(sector__code=filters.sector) | Q(sector__section__code=filters.sector)
        )
    if filters.need:
        needs = EnterpriseNeed.objects.filter(
            enterprise=OuterRef("pk"), need_id=knowledge.need_id(filters.need)
        )
        queryset = queryset.filter(Exists(needs))
    if filters.market:
        queryset = queryset.filter(_targets_market(filters.market))
    if filters.ownership:
        queryset = queryset.filter(ownership=filters.ownership)
    return (
        queryset.order_by("-id")
        .select_related("city", "sector")
        .prefetch_related(Prefetch("needs", queryset=EnterpriseNeed.objects.select_related("need")))
    )


def _targets_market(code: str) -> Q:
    country_ids, group_ids = knowledge.market_reach(code)
    countries = Enterprise.target_countries.through.objects.filter(
        enterprise=OuterRef("pk"), country_id__in=country_ids
    )
    groups = Enterprise.target_groups.through.objects.filter(
        enterprise=OuterRef("pk"), marketgroup_id__in=group_ids
    )
    return Q(Exists(countries)) | Q(Exists(groups))
