"""Every user-triggered read of cases and referrals, with role and object checks applied."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from goglobal.accounts.models import Role, User
from goglobal.cases import rules
from goglobal.cases.models import (
    Case,
    CaseEvent,
    Interaction,
    Outcome,
    Referral,
    ReferralEvent,
    ReferralStatus,
    SavedFilter,
    Task,
)
from goglobal.cases.services.referrals import reply_days
from goglobal.enterprises.models import Contact, Enterprise, EnterpriseNeed
from goglobal.enterprises.selectors import enterprise_of_member
from goglobal.knowledge import selectors as knowledge
from goglobal.knowledge.models import Country, MarketGroup, Sector
from goglobal.providers.models import ServiceProvider
from goglobal.providers.selectors import provider_of_member

CASE_READERS = frozenset({Role.ADMIN, Role.OFFICER, Role.ANALYST})
CASE_EDITORS = frozenset({Role.ADMIN, Role.OFFICER})
BOARD_CARDS_PER_STAGE = 20


def _active(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def case_can_view(user: Any) -> bool:
    return _active(user) and user.role in CASE_READERS


def case_can_edit(user: Any) -> bool:
    return _active(user) and user.role in CASE_EDITORS


def cases_visible_to(user: User) -> QuerySet[Case]:
    # "No deleted enterprise" rather than a join on live ones: the few deleted enterprises come
    # from an index, and counting cases then reads the cases table alone (100 ms -> 15 ms).
    deleted = Enterprise.objects.filter(pk=OuterRef("enterprise_id"), deleted_at__isnull=False)
    live = Case.objects.filter(~Exists(deleted), deleted_at__isnull=True)
    return live if case_can_view(user) else live.none()


def _overdue_referral(now: datetime.datetime) -> Exists:
    cutoff = now - datetime.timedelta(days=reply_days())
    return Exists(
        Referral.objects.filter(case=OuterRef("pk"), status=ReferralStatus.SENT, sent_at__lt=cutoff)
    )


def _overdue_task(today: datetime.date) -> Exists:
    return Exists(Task.objects.filter(case=OuterRef("pk"), done_at__isnull=True, due_on__lt=today))


def case_get_for(*, user: User, case_id: int) -> Case:
    """The case with its enterprise loaded, or 404 when ``user`` may not see it."""
    cases = cases_visible_to(user).select_related("enterprise__city", "enterprise__sector", "owner")
    return get_object_or_404(cases, pk=case_id)


def case_get_for_edit(*, user: User, case_id: int) -> Case:
    if not case_can_edit(user):
        raise Http404
    return case_get_for(user=user, case_id=case_id)


@dataclass
class CasePage:
    """Everything the case page shows, each part loaded in a fixed number of queries."""

    case: Case
    needs: list[EnterpriseNeed]
    contacts: list[Contact]
    interactions: list[Interaction]
    timeline: list[CaseEvent]
    referrals: list[Referral]
    outcomes: list[Outcome]
    tasks: list[Task]
    overdue_referrals: set[int] = field(default_factory=set)


def case_page_for(*, user: User, case_id: int) -> CasePage:
    case = case_get_for(user=user, case_id=case_id)
    cutoff = timezone.now() - datetime.timedelta(days=reply_days())
    referrals = list(
        case.referrals.filter(deleted_at__isnull=True)
        .select_related("provider", "need")
        .prefetch_related(Prefetch("events", queryset=ReferralEvent.objects.order_by("id")))
    )
    return CasePage(
        case=case,
        needs=list(
            EnterpriseNeed.objects.filter(enterprise=case.enterprise).select_related("need")
        ),
        contacts=list(Contact.objects.filter(enterprise=case.enterprise)),
        interactions=list(
            case.interactions.prefetch_related("officers", "contacts", "providers")[:50]
        ),
        timeline=list(case.events.select_related("actor")[:100]),
        referrals=referrals,
        outcomes=list(case.outcomes.select_related("country")),
        tasks=list(case.tasks.select_related("assignee").order_by("done_at", "due_on", "id")),
        overdue_referrals={
            r.pk
            for r in referrals
            if r.status == ReferralStatus.SENT and r.sent_at and r.sent_at < cutoff
        },
    )


@dataclass(frozen=True)
class CaseFilters:
    city: str = ""
    sector: str = ""
    need: str = ""
    market: str = ""
    owner: str = ""
    stage: str = ""
    overdue: bool = False
    sort: str = ""


SORTS: dict[str, list[str]] = {
    "": ["-updated_at", "-id"],
    "updated": ["updated_at", "id"],
    "next_action": ["next_action_on", "id"],
    "-next_action": ["-next_action_on", "-id"],
    "priority": ["priority", "-id"],
    "stage_age": ["stage_changed_at", "id"],
    "enterprise": ["enterprise__name_zh", "id"],
}


def case_list_for(*, user: User, filters: CaseFilters) -> QuerySet[Case]:
    """Filters on related rows are ``EXISTS`` subqueries: no DISTINCT, same plan at any size."""
    now = timezone.now()
    return case_rows_for(user=user, filters=filters).annotate(
        has_overdue_referral=_overdue_referral(now),
        has_overdue_task=_overdue_task(timezone.localdate()),
    )


def case_rows_for(*, user: User, filters: CaseFilters) -> QuerySet[Case]:
    """As ``case_list_for`` without the overdue flags: pages set them with ``case_flag``.

    In the SELECT list PostgreSQL runs each flag as a hashed subplan that reads every overdue
    task and referral (30 ms a query at 100,000 cases); two queries on the shown ids do not.
    """
    return (
        _filtered(cases_visible_to(user), filters)
        .select_related("enterprise__city", "enterprise__sector", "owner")
        .order_by(*SORTS.get(filters.sort, SORTS[""]))
    )


def case_flag(cases: list[Case]) -> list[Case]:
    """Set ``has_overdue_referral`` and ``has_overdue_task`` on ``cases``: two queries."""
    ids = [case.pk for case in cases]
    cutoff = timezone.now() - datetime.timedelta(days=reply_days())
    waiting = set(
        Referral.objects.filter(
            case_id__in=ids, status=ReferralStatus.SENT, sent_at__lt=cutoff
        ).values_list("case_id", flat=True)
    )
    late = set(
        Task.objects.filter(
            case_id__in=ids, done_at__isnull=True, due_on__lt=timezone.localdate()
        ).values_list("case_id", flat=True)
    )
    for case in cases:
        case.has_overdue_referral = case.pk in waiting  # type: ignore[attr-defined]
        case.has_overdue_task = case.pk in late  # type: ignore[attr-defined]
    return cases


def _filtered(queryset: QuerySet[Case], filters: CaseFilters) -> QuerySet[Case]:
    if filters.city:
        queryset = queryset.filter(enterprise__city__code=filters.city)
    if filters.sector:
        # The sector and the sectors of a section, resolved to ids first: no OR across joins.
        sectors = list(
            Sector.objects.filter(
                Q(code=filters.sector) | Q(section__code=filters.sector)
            ).values_list("pk", flat=True)
        )
        queryset = queryset.filter(enterprise__sector_id__in=sectors)
    if filters.need:
        needs = EnterpriseNeed.objects.filter(
            enterprise=OuterRef("enterprise"), need_id=knowledge.need_id(filters.need)
        )
        queryset = queryset.filter(Exists(needs))
    if filters.market:
        queryset = queryset.filter(_targets_market(filters.market))
    if filters.owner == "none":
        queryset = queryset.filter(owner__isnull=True)
    elif filters.owner.isdigit():
        queryset = queryset.filter(owner_id=int(filters.owner))
    if filters.stage:
        queryset = queryset.filter(stage=filters.stage)
    if filters.overdue:
        queryset = queryset.filter(pk__in=_overdue_case_ids())
    return queryset


def _overdue_case_ids() -> QuerySet[Any]:
    """Ids of cases past their next action date, with a late task or an unanswered referral.

    One ``UNION`` of three index scans that PostgreSQL hashes once, rather than an ``OR`` of
    ``EXISTS`` across three tables, which it ran as a filter over every case.
    """
    today = timezone.localdate()
    cutoff = timezone.now() - datetime.timedelta(days=reply_days())
    late_action = Case.objects.filter(next_action_on__lt=today).order_by().values("pk")
    late_task = (
        Task.objects.filter(done_at__isnull=True, due_on__lt=today).order_by().values("case_id")
    )
    waiting = (
        Referral.objects.filter(status=ReferralStatus.SENT, sent_at__lt=cutoff)
        .order_by()
        .values("case_id")
    )
    return late_action.union(late_task, waiting)


def _targets_market(code: str) -> Q:
    country_ids, group_ids = knowledge.market_reach(code)
    # One UNION PostgreSQL hashes once, not an OR of two EXISTS it probes per case.
    countries = Enterprise.target_countries.through.objects.filter(
        country_id__in=country_ids
    ).values("enterprise_id")
    groups = Enterprise.target_groups.through.objects.filter(marketgroup_id__in=group_ids).values(
        "enterprise_id"
    )
    return Q(enterprise_id__in=countries.union(groups))


@dataclass
class BoardColumn:
    stage: str
    label: str
    count: int
    cases: list[Case]


def case_board_for(*, user: User, filters: CaseFilters) -> list[BoardColumn]:
    """One column per stage with its count and first cards.

    With no filter, or only an owner and/or a stage, the board is six queries, none of which
    reads more than a few hundred rows (see ``_board_by_index``); filters on related rows are
    evaluated once and each column walked in index order (``_board_ids_filtered_postgresql``);
    a sort other than the default takes one pass over the matching cases
    (``_board_in_one_pass``).
    """
    if filters.sort not in ("", None):
        return _board_in_one_pass(user=user, filters=filters)
    return _board_by_index(user=user, filters=filters)


def _owner_sql(filters: CaseFilters) -> tuple[str, list[Any]]:
    if filters.owner == "none":
        return " AND c.owner_id IS NULL", []
    if filters.owner.isdigit():
        return " AND c.owner_id = %s", [int(filters.owner)]
    return "", []


def _board_by_index(*, user: User, filters: CaseFilters) -> list[BoardColumn]:
    """The board in the default order, its columns walked on the cases indexes.

    Filters on related rows: see ``_board_ids_filtered_postgresql``. Otherwise:

    1. Live cases per stage (and owner): one index-only count per stage on the small
       ``case_stage_count`` index. The planner will not count from an index while the
       "enterprise not deleted" check needs ``enterprise_id`` from the heap, so
    2. the (few) live cases of deleted enterprises are counted apart and subtracted: a join
       from the deleted enterprises' index.
    3. The ids of every column's first cards in one statement: for each stage a ``LIMIT``
       walk of ``case_board_column`` in board order (``LATERAL``), planned once.
    4. Those cards loaded by id with their enterprise and owner, then 5–6. flagged.
    """
    choices = [
        (str(stage), str(label))
        for stage, label in Case._meta.get_field("stage").choices or []
        if not filters.stage or stage == filters.stage
    ]
    if not case_can_view(user):
        return [BoardColumn(stage, label, 0, []) for stage, label in choices]
    stages = [stage for stage, _ in choices]
    if connection.vendor == "postgresql" and _needs_one_pass(filters):
        counts, ids = _board_ids_filtered_postgresql(user, stages, filters)
    elif connection.vendor == "postgresql":
        counts, ids = _board_ids_postgresql(stages, filters)
    else:  # the same rows, less cleverly (SQLite has no LATERAL and no arrays)
        visible = _filtered(cases_visible_to(user), replace(filters, sort=""))
        counts = dict(visible.order_by().values_list("stage").annotate(total=Count("id")))
        ids = [
            pk
            for stage in stages
            if counts.get(stage)
            for pk in visible.filter(stage=stage)
            .order_by(*SORTS[""])
            .values_list("pk", flat=True)[:BOARD_CARDS_PER_STAGE]
        ]
    cards: dict[str, list[Case]] = {}
    if ids:
        loaded = (
            Case.objects.filter(pk__in=ids)
            .select_related("enterprise__city", "enterprise__sector", "owner")
            .order_by(*SORTS[""])
        )
        for case in loaded:
            cards.setdefault(case.stage, []).append(case)
    columns = [
        BoardColumn(stage, label, counts.get(stage, 0), cards.get(stage, []))
        for stage, label in choices
    ]
    case_flag([case for column in columns for case in column.cases])
    return columns


def _board_ids_postgresql(
    stages: list[str], filters: CaseFilters
) -> tuple[dict[str, int], list[int]]:
    """Steps 1–3 of ``_board_by_index``: the live count of each stage and the first cards' ids."""
    cases = Case._meta.db_table
    enterprises = Enterprise._meta.db_table
    owner_sql, owner_params = _owner_sql(filters)
    counts: dict[str, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT s.stage, (SELECT COUNT(*) FROM {cases} c WHERE c.stage = s.stage"  # noqa: S608
            f" AND c.deleted_at IS NULL{owner_sql})"
            " FROM unnest(%s::varchar[]) AS s(stage)",
            [*owner_params, stages],
        )
        counts.update(cursor.fetchall())
        cursor.execute(
            f"SELECT c.stage, COUNT(*) FROM {cases} c"  # noqa: S608
            f" JOIN {enterprises} e ON e.id = c.enterprise_id"
            f" WHERE e.deleted_at IS NOT NULL AND c.deleted_at IS NULL{owner_sql}"
            " GROUP BY c.stage",
            owner_params,
        )
        for stage, gone in cursor.fetchall():
            if stage in counts:
                counts[stage] -= gone
        shown = [stage for stage in stages if counts.get(stage)]
        ids: list[int] = []
        if shown:
            cursor.execute(
                "SELECT top.id FROM unnest(%s::varchar[]) AS s(stage) CROSS JOIN LATERAL ("  # noqa: S608
                f"SELECT c.id FROM {cases} c WHERE c.stage = s.stage AND c.deleted_at IS NULL"
                f"{owner_sql} AND NOT EXISTS (SELECT 1 FROM {enterprises} e"
                " WHERE e.id = c.enterprise_id AND e.deleted_at IS NOT NULL)"
                " ORDER BY c.updated_at DESC, c.id DESC LIMIT %s) AS top",
                [shown, *owner_params, BOARD_CARDS_PER_STAGE],
            )
            ids = [row[0] for row in cursor.fetchall()]
    return counts, ids


def _board_ids_filtered_postgresql(
    user: User, stages: list[str], filters: CaseFilters
) -> tuple[dict[str, int], list[int]]:
    """Steps 1–3 of ``_board_by_index`` with a filter on related rows, in one statement.

    The matching cases' ``(id, stage)`` are computed once (a ``MATERIALIZED`` CTE of the same
    ``_filtered`` query the list uses) and counted with a plain ``GROUP BY`` (no sort). Each
    column then walks ``case_board_column`` in board order and keeps the rows whose id is in
    that set; ``IS TRUE`` keeps the test a hashed subplan built once, which the planner would
    otherwise turn into a hash join reading the whole index for every stage, so each walk
    stops after its 20 cards.
    """
    matching = (
        _filtered(cases_visible_to(user), replace(filters, sort=""))
        .order_by()
        .values_list("pk", "stage")
    )
    matching_sql, matching_params = matching.query.sql_with_params()
    cases = Case._meta.db_table
    counts: dict[str, int] = {}
    ids: list[int] = []
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH m(id, stage) AS MATERIALIZED ({matching_sql})"  # noqa: S608
            " SELECT m.stage, COUNT(*), NULL::bigint FROM m"
            " WHERE m.stage = ANY(%s::varchar[]) GROUP BY m.stage"
            " UNION ALL SELECT NULL, NULL, top.id"
            " FROM unnest(%s::varchar[]) AS s(stage)"
            " CROSS JOIN LATERAL ("
            f"SELECT c.id FROM {cases} c WHERE c.stage = s.stage AND c.deleted_at IS NULL"
            " AND (c.id IN (SELECT m.id FROM m)) IS TRUE"
            " ORDER BY c.updated_at DESC, c.id DESC LIMIT %s) AS top",
            [*matching_params, stages, stages, BOARD_CARDS_PER_STAGE],
        )
        for stage, total, pk in cursor.fetchall():
            if pk is None:
                counts[stage] = total
            else:
                ids.append(pk)
    return counts, ids


def _needs_one_pass(filters: CaseFilters) -> bool:
    """Filters on related rows: evaluated once for the counts, then probed by the walks."""
    return bool(
        filters.city
        or filters.sector
        or filters.need
        or filters.market
        or filters.overdue
        or filters.sort not in ("", None)
    )


def _board_in_one_pass(*, user: User, filters: CaseFilters) -> list[BoardColumn]:
    """The board in four queries: one pass numbers the matching cases within their stage and
    counts each stage (window functions), then the first cards of every column are loaded by
    id and flagged (two queries)."""
    order = SORTS.get(filters.sort, SORTS[""])
    ranked = (
        _filtered(cases_visible_to(user), filters)
        .order_by()
        .annotate(
            place=Window(RowNumber(), partition_by=[F("stage")], order_by=order),
            total=Window(Count("id"), partition_by=[F("stage")]),
        )
        .filter(place__lte=BOARD_CARDS_PER_STAGE)
        .values_list("pk", "stage", "total")
    )
    counts: dict[str, int] = {}
    ids = []
    for pk, stage, total in ranked:
        counts[stage] = total
        ids.append(pk)
    cards: dict[str, list[Case]] = {}
    if ids:
        shown = (
            Case.objects.filter(pk__in=ids)
            .select_related("enterprise__city", "enterprise__sector", "owner")
            .order_by(*order)
        )
        for case in shown:
            cards.setdefault(case.stage, []).append(case)
    columns = [
        BoardColumn(str(stage), str(label), counts.get(stage, 0), cards.get(stage, []))
        for stage, label in Case._meta.get_field("stage").choices or []
        if not filters.stage or stage == filters.stage
    ]
    case_flag([case for column in columns for case in column.cases])
    return columns


def case_filter_choices() -> dict[str, Any]:
    return {
        "sections": Sector.objects.filter(level=Sector.Level.SECTION),
        "needs": knowledge_needs(),
        "groups": MarketGroup.objects.all(),
        "countries": Country.objects.all(),
        "owners": User.objects.filter(role__in=CASE_EDITORS, is_active=True),
        "stages": Case._meta.get_field("stage").choices,
    }


def knowledge_needs() -> QuerySet[Any]:
    from goglobal.knowledge.models import NeedCode

    return NeedCode.objects.filter(is_active=True)


def saved_filters_for(*, user: User) -> QuerySet[SavedFilter]:
    return SavedFilter.objects.filter(user=user)


def tasks_due_for(*, user: User) -> QuerySet[Task]:
    return Task.objects.filter(
        assignee=user, done_at__isnull=True, case__deleted_at__isnull=True
    ).select_related("case__enterprise")


def task_get_for_edit(*, user: User, task_id: int) -> Task:
    if not case_can_edit(user):
        raise Http404
    return get_object_or_404(
        Task.objects.filter(case__in=cases_visible_to(user)).select_related("case"), pk=task_id
    )


def referral_get_for_officer(*, user: User, referral_id: int) -> Referral:
    if not case_can_edit(user):
        raise Http404
    return get_object_or_404(
        Referral.objects.filter(case__in=cases_visible_to(user), deleted_at__isnull=True),
        pk=referral_id,
    )


def interactions_for(*, user: User, case: Case) -> QuerySet[Interaction]:
    if not case_can_view(user):
        return Interaction.objects.none()
    return case.interactions.prefetch_related("officers", "contacts", "providers")


# --- the provider's side -------------------------------------------------------------------


def referrals_for_provider(user: User) -> QuerySet[Referral]:
    """Referrals sent to the user's provider; nothing for anybody else."""
    provider = provider_of_member(user) if _active(user) else None
    if provider is None:
        return Referral.objects.none()
    return Referral.objects.filter(
        provider=provider,
        status__in=rules.PROVIDER_INBOX_STATUSES,
        deleted_at__isnull=True,
        case__deleted_at__isnull=True,
    )


@dataclass
class ProviderReferralView:
    """What a provider may see of a referral: nothing beyond ``rules.provider_visible_fields``."""

    referral: Referral
    fields: frozenset[str]
    need: Any
    sector: Sector
    size_band: str
    markets: list[str]
    description: str
    description_language: str
    name: str = ""
    other_needs: list[Any] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    overdue: bool = False

    @property
    def accepted(self) -> bool:
        return rules.has_accepted(self.referral.status)


def provider_referral_list_for(*, user: User) -> QuerySet[Referral]:
    return (
        referrals_for_provider(user)
        .select_related("need", "case__enterprise__sector")
        .order_by("-sent_at", "-id")
    )


def provider_referral_get_for(*, user: User, referral_id: int) -> ProviderReferralView:
    referral = get_object_or_404(
        referrals_for_provider(user).select_related("need", "provider", "case__enterprise__sector"),
        pk=referral_id,
    )
    return provider_referral_view(referral)


def provider_referral_view(referral: Referral) -> ProviderReferralView:
    enterprise = referral.case.enterprise
    accepted = rules.has_accepted(referral.status)
    consented = list(Contact.objects.filter(enterprise=enterprise, has_consent=True))
    fields = rules.provider_visible_fields(accepted=accepted, consent=bool(consented))
    markets = [c.name for c in enterprise.target_countries.all()]
    markets += [g.name for g in enterprise.target_groups.all()]
    view = ProviderReferralView(
        referral=referral,
        fields=fields,
        need=referral.need,
        sector=enterprise.sector,
        size_band=enterprise.get_employee_band_display(),
        markets=markets,
        description=enterprise.description,
        description_language=enterprise.description_language,
    )
    if "name" in fields:
        view.name = enterprise.name_en or enterprise.name_zh
    if "other_needs" in fields:
        view.other_needs = [
            row.need
            for row in EnterpriseNeed.objects.filter(enterprise=enterprise)
            .exclude(need=referral.need)
            .select_related("need")
        ]
    if "contacts" in fields:
        view.contacts = consented
    return view


# --- the enterprise's side -----------------------------------------------------------------


@dataclass
class EnterpriseCaseView:
    stage: str
    stage_label: str
    owner_name: str
    referrals: list[Referral]


def enterprise_case_for(*, user: User) -> EnterpriseCaseView | None:
    """The member's own case: its stage and the referrals a provider accepted; else ``None``."""
    enterprise = enterprise_of_member(user) if _active(user) else None
    if enterprise is None:
        raise Http404
    case = (
        Case.objects.filter(enterprise=enterprise, deleted_at__isnull=True)
        .select_related("owner")
        .first()
    )
    if case is None:
        return None
    referrals = list(
        case.referrals.filter(
            status__in=rules.ACCEPTED_STATUSES, deleted_at__isnull=True
        ).select_related("provider", "need")
    )
    return EnterpriseCaseView(
        stage=case.stage,
        stage_label=case.get_stage_display(),
        owner_name=str(case.owner) if case.owner else "",
        referrals=referrals,
    )


def providers_for_referral() -> QuerySet[ServiceProvider]:
    return ServiceProvider.objects.filter(deleted_at__isnull=True).order_by("name_en", "id")
