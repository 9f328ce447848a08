"""Reading the latest suggestions; only the task force sees them."""

from __future__ import annotations

from django.db.models import Max, QuerySet
from django.http import Http404

from goglobal.accounts import rules
from goglobal.accounts.models import User
from goglobal.enterprises.models import Enterprise, EnterpriseNeed
from goglobal.matching.models import ConnectorSuggestion, MatchSuggestion
from goglobal.providers.models import ServiceProvider


def matching_allowed(user: User) -> bool:
    return rules.can(user, "enterprise.edit_any")


def require_matching(user: User) -> None:
    if not matching_allowed(user):
        raise Http404


def enterprise_need_of(enterprise: Enterprise, need_code: str) -> EnterpriseNeed:
    """The enterprise's need of that code, with its ``NeedCode`` (404 when it has none): from
    the needs ``enterprise_get_for`` loaded, without another query."""
    for row in enterprise.needs.all():
        if row.need.code == need_code:
            return row
    raise Http404


def provider_names(provider_ids: list[int]) -> dict[int, str]:
    """Providers' names in the reader's language, in one query."""
    rows = (
        ServiceProvider.objects.filter(pk__in=provider_ids)
        .order_by()
        .only("id", "name_en", "name_zh_hans", "name_zh_hant")
    )
    return {row.pk: str(row) for row in rows}


def latest_suggestions_for(*, user: User, enterprise: Enterprise) -> QuerySet[MatchSuggestion]:
    """The newest batch of suggestions for each need of ``enterprise``."""
    require_matching(user)
    last_rows = (
        MatchSuggestion.objects.filter(enterprise=enterprise)
        .values("need_id")
        .annotate(last=Max("id"))
        .values_list("last", flat=True)
    )
    batches = MatchSuggestion.objects.filter(id__in=last_rows).values_list("batch", flat=True)
    return (
        MatchSuggestion.objects.filter(enterprise=enterprise, batch__in=list(batches))
        .select_related("provider", "need")
        .order_by("need__sort_order", "rank")
    )


def latest_connector_for(
    *, user: User, enterprise: Enterprise, kind: str
) -> list[ConnectorSuggestion] | None:
    """The newest stored market or investor ranking, or None if none was ever stored."""
    require_matching(user)
    rows = ConnectorSuggestion.objects.filter(enterprise=enterprise, kind=kind)
    last = rows.order_by("-id").values_list("batch", flat=True).first()
    if last is None:
        return None
    return list(rows.filter(batch=last).select_related("investor", "need").order_by("rank"))


def suggestion_get_for(*, user: User, suggestion_id: int) -> MatchSuggestion:
    """A stored provider suggestion, for the task force only (404 otherwise)."""
    require_matching(user)
    found = (
        MatchSuggestion.objects.filter(pk=suggestion_id, enterprise__deleted_at__isnull=True)
        .select_related("enterprise", "need", "provider")
        .first()
    )
    if found is None:
        raise Http404
    return found
