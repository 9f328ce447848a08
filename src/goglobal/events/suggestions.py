"""The matcher suggests whom to ask: providers registered at this event, ranked per need.

A read for the organiser's participant page; nothing is stored (the matching app keeps its
audit rows only for suggestions an officer asks for on a case).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from goglobal.core.i18n import localized
from goglobal.engines import matching as engine
from goglobal.enterprises.models import Enterprise, EnterpriseNeed
from goglobal.events.models import MeetingRequest, Participant
from goglobal.matching.adapters import to_enterprise, to_provider
from goglobal.matching.reasons import ReasonText
from goglobal.providers.models import ProviderMarket, ServiceProvider

PER_NEED = 5


@dataclass(frozen=True)
class Suggestion:
    participant: Participant
    score: float
    reasons: list[str]
    requested: str = ""  # the priority of an existing request from the enterprise side


@dataclass
class NeedSuggestions:
    need: EnterpriseNeed
    suggestions: list[Suggestion] = field(default_factory=list)

    @property
    def need_name(self) -> str:
        return localized(self.need.need, "name")


def _event_providers(participant: Participant) -> dict[int, list[Participant]]:
    """Provider id → the still-registered participants of this event who represent it."""
    found: dict[int, list[Participant]] = {}
    rows = (
        Participant.objects.filter(
            event_id=participant.event_id, deleted_at__isnull=True, provider__isnull=False
        )
        .exclude(pk=participant.pk)
        .order_by("full_name", "id")
    )
    for row in rows:
        if row.provider_id is not None:
            found.setdefault(row.provider_id, []).append(row)
    return found


def provider_suggestions_for(
    *, participant: Participant, limit: int = PER_NEED
) -> list[NeedSuggestions]:
    """For each need of the participant's enterprise, the event's providers the matcher ranks
    best for it, each with the matcher's reasons; empty without an enterprise or needs."""
    if participant.enterprise_id is None:
        return []
    enterprise = (
        Enterprise.objects.select_related("sector", "province", "city")
        .prefetch_related(
            "target_countries",
            "target_groups",
            "contacts",
            Prefetch("needs", queryset=EnterpriseNeed.objects.select_related("need")),
        )
        .get(pk=participant.enterprise_id)
    )
    needs = list(enterprise.needs.all())
    if not needs:
        return []
    by_provider = _event_providers(participant)
    providers = (
        ServiceProvider.objects.filter(pk__in=by_provider, deleted_at__isnull=True)
        .prefetch_related(
            "needs",
            "sectors",
            Prefetch("markets", queryset=ProviderMarket.objects.select_related("country")),
        )
        .order_by("pk")
    )
    index = engine.ProviderIndex([to_provider(provider) for provider in providers])
    languages = {code for contact in enterprise.contacts.all() for code in contact.languages}
    profile = to_enterprise(enterprise, languages)
    asked = dict(
        MeetingRequest.objects.filter(requester=participant).values_list("requested_id", "priority")
    )
    writer = ReasonText()
    result = []
    for need in needs:
        query = engine.ProviderQuery(enterprise=profile, need=need.need.code)
        matches = engine.rank(index, query, weights=engine.DEFAULT_WEIGHTS, limit=limit)
        row = NeedSuggestions(need=need)
        for match in matches:
            reasons = [writer.describe(code, params) for code, params in match.reasons]
            row.suggestions.extend(
                Suggestion(
                    participant=person,
                    score=match.score,
                    reasons=reasons,
                    requested=asked.get(person.pk, ""),
                )
                for person in by_provider.get(int(match.id), [])
            )
        result.append(row)
    return result
