"""Every user-triggered read of cases and referrals, with role and object checks applied."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from goglobal.accounts.models import Role, User
from goglobal.cases import history, rules
from goglobal.cases.models import (
    Case,
    Interaction,
    Outcome,
    Referral,
    ReferralEvent,
    ReferralStatus,
    SavedFilter,
    Task,
)
from goglobal.cases.services import keys
from goglobal.cases.services.referrals import reply_days
from goglobal.core.i18n import language_suffix, localized
from goglobal.enterprises.models import Contact, Enterprise, EnterpriseNeed, Priority
from goglobal.enterprises.selectors import enterprise_of_member
from goglobal.knowledge import selectors as knowledge
from goglobal.knowledge.models import AdministrativeArea, Country, MarketGroup, Sector
from goglobal.matching.models import MatchSuggestion
from goglobal.providers.models import ServiceProvider
from goglobal.providers.selectors import ProviderFilters, provider_of_member, provider_search

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
    timeline: list[history.TimelineLine]
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
        timeline=history.timeline_for(list(case.events.select_related("actor")[:100])),
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
    task_overdue: bool = False  # an open follow-up task past its date
    waiting: bool = False  # a referral sent and not yet answered by the provider


SORTS: dict[str, list[str]] = {
    "": ["-updated_at", "-id"],
    "updated": ["updated_at", "id"],
    "next_action": ["next_action_on", "id"],
    "-next_action": ["-next_action_on", "-id"],
    "priority": ["priority", "-id"],
    "stage_age": ["stage_changed_at", "id"],
    "enterprise": ["enterprise_name", "id"],
}


def _order(filters: CaseFilters) -> list[str]:
    return SORTS.get(filters.sort, SORTS[""])


def case_list_for(*, user: User, filters: CaseFilters) -> QuerySet[Case]:
    """The matching cases in the chosen order, each filter a test on the case row itself."""
    return (
        _filtered(cases_visible_to(user), filters)
        .select_related("enterprise__city", "enterprise__sector", "owner")
        .order_by(*_order(filters))
    )


def cases_in_order(ids: list[int]) -> list[Case]:
    """The cases of ``ids`` (already checked by the caller's selector) in that order, flagged.

    A list pages over ids first: sorting 60,000 narrow rows to find a page is cheap, sorting
    them with every column of four joined tables spilled to disk (160 ms at 100,000 cases).
    """
    loaded = Case.objects.filter(pk__in=ids).select_related(
        "enterprise__city", "enterprise__sector", "owner"
    )
    by_id = {case.pk: case for case in loaded}
    return case_flag([by_id[pk] for pk in ids if pk in by_id])


def _late(
    action_on: datetime.date | None,
    due: datetime.date | None,
    waiting: datetime.datetime | None,
    *,
    today: datetime.date,
    cutoff: datetime.datetime,
) -> tuple[bool, bool]:
    """(overdue: next action or an open task past its date, a provider has not answered)."""
    overdue = bool((action_on and action_on < today) or (due and due < today))
    return overdue, bool(waiting and waiting < cutoff)


def case_attention(case: Case) -> tuple[bool, bool]:
    """``_late`` for one case, read from its own row."""
    cutoff = timezone.now() - datetime.timedelta(days=reply_days())
    return _late(
        case.next_action_on,
        case.task_due_on,
        case.waiting_since,
        today=timezone.localdate(),
        cutoff=cutoff,
    )


def case_flag(cases: list[Case]) -> list[Case]:
    """Set ``has_overdue_referral`` and ``has_overdue_task`` on ``cases`` from their own rows."""
    today = timezone.localdate()
    cutoff = timezone.now() - datetime.timedelta(days=reply_days())
    for case in cases:
        case.has_overdue_referral = case.waiting_since is not None and case.waiting_since < cutoff  # type: ignore[attr-defined]
        case.has_overdue_task = case.task_due_on is not None and case.task_due_on < today  # type: ignore[attr-defined]
    return cases


def _filtered(queryset: QuerySet[Case], filters: CaseFilters) -> QuerySet[Case]:
    return queryset.filter(_filter_q(filters))


def _filter_q(filters: CaseFilters) -> Q:
    """Every filter is a test on the case row: its copies of the enterprise's facts and open
    work (``services.keys``), so a filtered count is one pass over one table, with no join."""
    q = Q()
    if filters.city:
        q &= Q(enterprise_city=filters.city)
    if filters.sector:
        sector = filters.sector.upper()
        if keys.is_section(sector):
            q &= Q(enterprise_section=sector)
        else:
            q &= Q(enterprise_sector=sector)
    if filters.need:
        q &= Q(filter_keys__has_any=[keys.need_key(filters.need)])
    if filters.market:
        countries, groups = knowledge.market_reach_codes(filters.market)
        reach = [keys.country_key(c) for c in countries] + [keys.group_key(g) for g in groups]
        q &= Q(filter_keys__has_any=reach) if reach else Q(pk__in=[])
    if filters.owner == "none":
        q &= Q(owner__isnull=True)
    elif filters.owner.isdigit():
        q &= Q(owner_id=int(filters.owner))
    if filters.stage:
        q &= Q(stage=filters.stage)
    if filters.overdue:
        today = timezone.localdate()
        cutoff = timezone.now() - datetime.timedelta(days=reply_days())
        q &= Q(next_action_on__lt=today) | Q(task_due_on__lt=today) | Q(waiting_since__lt=cutoff)
    return q & _open_work_q(filters)


def _open_work_q(filters: CaseFilters) -> Q:
    """A follow-up task past its date; a referral waiting for the provider's answer."""
    q = Q()
    if filters.task_overdue:
        q &= Q(task_due_on__lt=timezone.localdate())
    if filters.waiting:
        q &= Q(waiting_since__isnull=False)
    return q


@dataclass
class BoardColumn:
    stage: str
    label: str
    count: int
    cases: list[BoardCard]


@dataclass(frozen=True)
class BoardCard:
    """A case as its board card shows it, ready to print.

    The board shows up to 180 cards: read as plain rows and printed from flat fields, they cost
    a few milliseconds, where model instances and template lookups through four relations cost
    tens.
    """

    pk: int
    stage: str
    url: str
    name: str
    city: str
    sector: str
    priority: str
    priority_label: str
    owner: str
    next_action: str
    next_action_on: datetime.date | None
    overdue: bool
    waiting: bool


_NAMES = ("name_en", "name_zh_hans", "name_zh_hant")
_PLACE_FIELDS = [f"enterprise__{place}__{name}" for place in ("city", "sector") for name in _NAMES]


def _cards(ids: list[int], order: list[str]) -> list[BoardCard]:
    """The cards of ``ids`` in ``order``: one query."""
    rows = (
        Case.objects.filter(pk__in=ids)
        .order_by(*order)
        .values_list(
            "pk",
            "stage",
            "enterprise__name_zh",
            "priority",
            "owner__full_name",
            "owner__email",
            "next_action",
            "next_action_on",
            "task_due_on",
            "waiting_since",
            *_PLACE_FIELDS,
        )
    )
    today = timezone.localdate()
    cutoff = timezone.now() - datetime.timedelta(days=reply_days())
    priorities = {str(value): str(label) for value, label in Priority.choices}
    # One reverse() for all: the detail address with a placeholder id, filled per card.
    placeholder = 987654321
    address = reverse("cases:detail", args=[placeholder])
    cards = []
    for row in rows:
        pk, stage, name, priority, full_name, email, action, action_on, due, waiting = row[:10]
        city = SimpleNamespace(**dict(zip(_NAMES, row[10:13], strict=True)))
        sector = SimpleNamespace(**dict(zip(_NAMES, row[13:16], strict=True)))
        late, unanswered = _late(action_on, due, waiting, today=today, cutoff=cutoff)
        cards.append(
            BoardCard(
                pk=pk,
                stage=stage,
                url=address.replace(str(placeholder), str(pk)),
                name=name,
                city=localized(city, "name"),
                sector=localized(sector, "name"),
                priority=priority,
                priority_label=priorities.get(priority, priority),
                owner=full_name or email or "",
                next_action=action,
                next_action_on=action_on,
                overdue=late,
                waiting=unanswered,
            )
        )
    return cards


def case_board_for(*, user: User, filters: CaseFilters) -> list[BoardColumn]:
    """One column per stage with its count and first cards, in the chosen order.

    Every filter is a test on the case row (see ``_filtered``), so on PostgreSQL the counts are
    one pass over the cases table or, mostly, over one of its small indexes, and each column's
    first cards one walk of an index in the chosen order (``_board_ids_postgresql``). The cards
    are then read as plain rows, flags included (``_cards``): four statements in all.
    """
    choices = [
        (str(stage), str(label))
        for stage, label in Case._meta.get_field("stage").choices or []
        if not filters.stage or stage == filters.stage
    ]
    if not case_can_view(user):
        return [BoardColumn(stage, label, 0, []) for stage, label in choices]
    stages = [stage for stage, _ in choices]
    order = _order(filters)
    filters = replace(filters, sort="")
    if connection.vendor == "postgresql":
        counts, ids = _board_ids_postgresql(user, stages, filters, order)
    else:  # the same rows, less cleverly (SQLite has no LATERAL and no arrays)
        visible = _filtered(cases_visible_to(user), filters)
        counts = dict(visible.order_by().values_list("stage").annotate(total=Count("id")))
        ids = [
            pk
            for stage in stages
            if counts.get(stage)
            for pk in visible.filter(stage=stage)
            .order_by(*order)
            .values_list("pk", flat=True)[:BOARD_CARDS_PER_STAGE]
        ]
    cards: dict[str, list[BoardCard]] = {}
    for card in _cards(ids, order) if ids else []:
        cards.setdefault(card.stage, []).append(card)
    return [
        BoardColumn(stage, label, counts.get(stage, 0), cards.get(stage, []))
        for stage, label in choices
    ]


def _board_ids_postgresql(
    user: User, stages: list[str], filters: CaseFilters, order: list[str]
) -> tuple[dict[str, int], list[int]]:
    """The count of each stage and the ids of its first cards, in three statements.

    1. Matching cases per stage, without the "enterprise not deleted" test: that test needs
       ``enterprise_id`` from the table, and without it PostgreSQL counts from an index alone
       (``case_stage_count``, ``case_by_section``, ``case_attention``…) when one covers the
       filter.
    2. The (few) matching cases of deleted enterprises, counted from the deleted enterprises'
       index and subtracted.
    3. For each stage, a ``LIMIT`` walk in the chosen order (``LATERAL``; on
       ``case_board_column`` or ``case_board_by_name`` for the board's orders) with every
       test, the deleted-enterprise one included, stopping at the 20th card.
    """
    matches = _filter_q(filters)
    live = Case.objects.filter(matches, deleted_at__isnull=True, stage__in=stages)
    counts: dict[str, int] = dict(live.order_by().values_list("stage").annotate(total=Count("*")))
    gone = live.filter(enterprise__deleted_at__isnull=False).order_by().values_list("stage")
    for stage, total in gone.annotate(total=Count("*")):
        counts[stage] -= total
    shown = [stage for stage in stages if counts.get(stage)]
    if not shown:
        return counts, []
    visible = cases_visible_to(user).filter(matches)
    where, params = visible.query.get_compiler(connection=connection).compile(visible.query.where)
    table = connection.ops.quote_name(Case._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT top.id FROM unnest(%s::varchar[]) AS s(stage) CROSS JOIN LATERAL ("  # noqa: S608
            f"SELECT {table}.id FROM {table} WHERE {table}.stage = s.stage AND {where}"
            f" ORDER BY {_order_sql(order, table)} LIMIT %s) AS top",
            [shown, *params, BOARD_CARDS_PER_STAGE],
        )
        return counts, [row[0] for row in cursor.fetchall()]


def _order_sql(order: list[str], table: str) -> str:
    """``SORTS`` as SQL on ``table`` (the names are ours, never the request's)."""
    columns = {field.name: str(field.column) for field in Case._meta.concrete_fields}
    return ", ".join(
        f"{table}.{connection.ops.quote_name(columns[name.lstrip('-')])}"
        f"{' DESC' if name.startswith('-') else ''}"
        for name in order
    )


def case_filter_choices() -> dict[str, Any]:
    """The filter panel's choices, as lazy querysets: the panel is cached per filter state."""
    return {
        # Provinces with their prefecture-level cities; a municipality is its own city.
        "provinces": AdministrativeArea.objects.filter(
            level=AdministrativeArea.Level.PROVINCE
        ).prefetch_related(
            Prefetch("cities", queryset=AdministrativeArea.objects.order_by("code"))
        ),
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
    note: str = ""
    other_needs: list[Any] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    overdue: bool = False

    @property
    def accepted(self) -> bool:
        return rules.has_accepted(self.referral.status)

    @property
    def markets_text(self) -> str:
        """The markets as one list, with the reader's list punctuation (、 in Chinese)."""
        return ("、" if language_suffix().startswith("zh") else ", ").join(self.markets)


PROVIDER_INBOX_FILTERS = ("new", "overdue", "in_progress", "closed")


def provider_referral_list_for(*, user: User, show: str = "") -> QuerySet[Referral]:
    """The provider's referrals, newest first; ``show`` narrows to one of the inbox's counts."""
    referrals = referrals_for_provider(user)
    cutoff = timezone.now() - datetime.timedelta(days=reply_days())
    if show == "new":
        referrals = referrals.filter(status="sent")
    elif show == "overdue":
        referrals = referrals.filter(status="sent", sent_at__lt=cutoff)
    elif show == "in_progress":
        referrals = referrals.filter(status__in=["accepted", "in_progress"])
    elif show == "closed":
        referrals = referrals.filter(status__in=["declined", "completed"])
    return referrals.select_related("need", "case__enterprise__sector").order_by("-sent_at", "-id")


def provider_inbox_counts(*, user: User) -> dict[str, int]:
    """How many referrals await the provider's answer (and of those, how many longer than the
    reply time), and how many it has accepted and not yet reported complete."""
    cutoff = timezone.now() - datetime.timedelta(days=reply_days())
    return referrals_for_provider(user).aggregate(
        new=Count("id", filter=Q(status="sent")),
        overdue=Count("id", filter=Q(status="sent", sent_at__lt=cutoff)),
        in_progress=Count("id", filter=Q(status__in=["accepted", "in_progress"])),
    )


def enterprise_name_for_reader(enterprise: Any) -> str:
    """The registered Chinese name for Chinese readers; the English one (if any) otherwise."""
    if language_suffix().startswith("zh"):
        return enterprise.name_zh or enterprise.name_en
    return enterprise.name_en or enterprise.name_zh


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
    markets = [localized(c, "name") or c.name for c in enterprise.target_countries.all()]
    markets += [localized(g, "name") or g.name for g in enterprise.target_groups.all()]
    view = ProviderReferralView(
        referral=referral,
        fields=fields,
        need=referral.need,
        sector=enterprise.sector,
        size_band=enterprise.get_employee_band_display(),
        markets=markets,
        description=enterprise.description,
        description_language=enterprise.description_language,
        note=referral.note,
    )
    if "name" in fields:
        view.name = enterprise_name_for_reader(enterprise)
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


# What the enterprise reads about each stage: what happens next, in its own terms.
STAGE_NEXT_STEPS = {
    "lead": gettext_lazy(
        "Your contact officer reviews your registration and will get in touch to discuss your "
        "needs."
    ),
    "qualified": gettext_lazy(
        "Your contact officer is assessing your needs and will agree the priorities with you."
    ),
    "needs_assessed": gettext_lazy(
        "Your needs are assessed; the task force is choosing Hong Kong service providers to "
        "introduce you to."
    ),
    "matched": gettext_lazy(
        "Introductions to Hong Kong service providers are under way; each provider that accepts "
        "appears below with what it will help with."
    ),
    "in_progress": gettext_lazy(
        "Providers are working with you; tell your contact officer if anything is held up."
    ),
    "landed_hk": gettext_lazy(
        "You have set up in Hong Kong; the task force can now help you reach your next markets."
    ),
    "expanded_abroad": gettext_lazy(
        "You have entered a market abroad; your contact officer will ask you to confirm the "
        "results."
    ),
    "dormant": gettext_lazy(
        "Your case is paused; write to your contact officer to take it up again."
    ),
    "closed": gettext_lazy("Your case is closed; you can register new needs at any time."),
}


def intake_review_days() -> int:
    return int(getattr(settings, "GOGLOBAL_INTAKE_REVIEW_DAYS", 5))


@dataclass
class EnterpriseStatusView:
    """The enterprise's own status page: what happens next, by when, who its officer is."""

    enterprise: Enterprise
    registered_on: datetime.date
    review_by: datetime.date
    has_case: bool = False
    stage: str = ""
    stage_label: str = ""
    next_step: str = ""
    next_step_by: datetime.date | None = None
    officer_name: str = ""
    officer_email: str = ""
    referrals: list[Referral] = field(default_factory=list)
    waiting: int = 0
    roadmap: Any = None


def enterprise_status_for(*, user: User, roadmap: Any = None) -> EnterpriseStatusView:
    """The member's own enterprise: without a case, when the task force will have reviewed its
    registration; with one, its stage, the next step and its date, its officer, the providers
    that accepted its needs and how many introductions await an answer."""
    enterprise = enterprise_of_member(user) if _active(user) else None
    if enterprise is None:
        raise Http404
    registered_on = timezone.localdate(enterprise.created_at)
    view = EnterpriseStatusView(
        enterprise=enterprise,
        registered_on=registered_on,
        review_by=rules.add_working_days(registered_on, intake_review_days()),
        roadmap=roadmap,
    )
    case = (
        Case.objects.filter(enterprise=enterprise, deleted_at__isnull=True)
        .select_related("owner")
        .first()
    )
    if case is None:
        return view
    live = case.referrals.filter(deleted_at__isnull=True)
    view.has_case = True
    view.stage = case.stage
    view.stage_label = case.get_stage_display()
    view.next_step = str(STAGE_NEXT_STEPS.get(case.stage, ""))
    view.next_step_by = case.next_action_on
    if case.owner is not None:
        view.officer_name = case.owner.full_name or case.owner.email
        view.officer_email = case.owner.email
    view.referrals = list(
        live.filter(status__in=rules.ACCEPTED_STATUSES).select_related("provider", "need")
    )
    view.waiting = live.filter(status="sent").count()
    return view


PROVIDERS_OFFERED = 20


def providers_offered_for(*, user: User, case: Case, query: str = "") -> list[ServiceProvider]:
    """The providers the case page offers to refer to or to name in an interaction.

    With ``query``: the providers whose name (in any script) holds it. Without: those already
    referred on this case, then the matcher's latest suggestions for the enterprise.
    """
    live = ServiceProvider.objects.filter(deleted_at__isnull=True)
    if not case_can_edit(user):
        return []
    if query.strip():
        found = provider_search(user=user, filters=ProviderFilters(query=query.strip()))
        return list(found.order_by("name_en", "id")[:PROVIDERS_OFFERED])
    referred = list(
        live.filter(referrals__case=case, referrals__deleted_at__isnull=True)
        .distinct()
        .order_by("name_en", "id")[:PROVIDERS_OFFERED]
    )
    recent = list(
        MatchSuggestion.objects.filter(
            enterprise_id=case.enterprise_id, provider__deleted_at__isnull=True
        )
        .exclude(provider__in=[provider.pk for provider in referred])
        .order_by("-created_at")
        .values_list("batch", "created_at", "rank", "provider_id")[: PROVIDERS_OFFERED * 3]
    )
    # The newest run first, each in the matcher's order.
    started: dict[Any, datetime.datetime] = {}
    for batch, created_at, _rank, _provider in recent:
        started[batch] = max(created_at, started.get(batch, created_at))
    recent.sort(key=lambda row: (-started[row[0]].timestamp(), row[2]))
    order = list(dict.fromkeys(row[3] for row in recent))
    order = order[: max(0, PROVIDERS_OFFERED - len(referred))]
    by_id = live.in_bulk(order)
    return referred + [by_id[pk] for pk in order if pk in by_id]
