"""Demo delegations: one outbound to Shanghai (to come) and one inbound to Hong Kong (held).

Both go through the services an officer uses: the delegation, its venues and travel times,
sub-groups, members (officials and officers, directory enterprises and the demo provider, the
demo enterprise and provider accounts among them), visited bodies, plenaries and site visits,
meeting requests, a run of the engine and the published programme. The inbound delegation took
place a month ago: its meetings are marked held with outcomes, which become interactions on the
member enterprises' cases. Dates are relative to today.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from goglobal.accounts.models import Role, User
from goglobal.delegations import services
from goglobal.delegations.models import (
    Delegation,
    Host,
    Member,
    ProgrammeItem,
    SubGroup,
    Venue,
    Visit,
    VisitOutcome,
    VisitRequest,
)
from goglobal.delegations.services import delegations as parts
from goglobal.enterprises.models import Enterprise, EnterpriseMembership
from goglobal.events.models import RunStatus
from goglobal.knowledge.models import Mechanism
from goglobal.providers.models import ProviderMembership

TIME_LIMIT_SECONDS = 3.0


@dataclass(frozen=True)
class DemoDelegation:
    name: tuple[str, str, str]
    direction: str
    places: str
    timezone: str
    days_from_today: int
    mechanism: str
    groups: tuple[str, str]
    venues: tuple[tuple[str, str], ...]  # (name, address)
    travel: tuple[tuple[int, int, int], ...]  # (venue index, venue index, minutes)
    hosts: tuple[tuple[str, int, str], ...]  # (name, venue index, sub-group "" / 0 / 1)
    officials: tuple[str, ...]
    plenary: tuple[str, int]  # (title, venue index)
    visits: tuple[tuple[str, int, int], ...]  # (title, venue index, sub-group index)


OUTBOUND = DemoDelegation(
    name=(
        "Hong Kong Enterprises to Shanghai: Going-Global Services Mission",
        "香港企业赴沪出海服务考察团",
        "香港企業赴滬出海服務考察團",
    ),
    direction="to_mainland",
    places="上海",
    timezone="Asia/Shanghai",
    days_from_today=21,
    mechanism="hk-shanghai",
    groups=("Finance and listing", "Technology and manufacturing"),
    venues=(
        ("Lujiazui hotel", "上海市浦东新区陆家嘴环路"),
        ("Zhangjiang Science City", "上海市浦东新区张江高科技园区"),
        ("Lingang New Area", "上海市浦东新区临港新片区"),
        ("Hongqiao business district", "上海市闵行区虹桥商务区"),
    ),
    travel=((0, 1, 30), (0, 2, 70), (0, 3, 45), (1, 2, 50), (1, 3, 55)),
    hosts=(
        ("浦东新区商务委员会", 0, "all"),
        ("上海证券交易所国际部", 0, "0"),
        ("陆家嘴金融城发展局", 0, "0"),
        ("张江集成电路企业联盟", 1, "1"),
        ("临港新片区管委会", 2, "1"),
        ("虹桥国际中央商务区企业服务中心", 3, "0"),
    ),
    officials=("Dr Cheung Wai-man", "Ms Lau Suk-yee"),
    plenary=("Opening briefing with the Shanghai Commerce Commission", 0),
    visits=(("Tour of the Zhangjiang chip pilot line", 1, 1), ("Visit to Lingang port", 2, 0)),
)
INBOUND = DemoDelegation(
    name=(
        "Chengdu Enterprises Going Global: Hong Kong Study Visit",
        "成都企业出海香港考察团",
        "成都企業出海香港考察團",
    ),
    direction="inbound",
    places="香港",
    timezone="Asia/Hong_Kong",
    days_from_today=-30,
    mechanism="",
    groups=("Listing and finance", "Innovation and technology"),
    venues=(
        ("Central business district", "香港中环"),
        ("Hong Kong Science Park", "香港沙田科学园"),
        ("Cyberport", "香港数码港道100号"),
        ("Wan Chai convention area", "香港湾仔博览道"),
    ),
    travel=((0, 1, 40), (0, 2, 25), (0, 3, 15), (1, 2, 50), (1, 3, 40), (2, 3, 30)),
    hosts=(
        ("香港交易所上市推广部", 0, "0"),
        ("香港某国际律师事务所（上市业务组）", 0, "all"),
        ("香港科技园公司", 1, "1"),
        ("数码港", 2, "1"),
        ("香港贸易发展局", 3, "all"),
        ("香港某银行企业银行部", 0, "all"),
    ),
    officials=("成都市商务局 张主任", "成都市投促局 李处长"),
    plenary=("Welcome briefing on setting up in Hong Kong", 3),
    visits=(("Science Park incubation tour", 1, 1), ("Cyberport start-up visit", 2, 0)),
)
NOTES = [
    "双方约定两周内交换在港设立公司所需文件清单。",
    "Agreed to send the listing timetable and a fee estimate.",
    "企业对香港财资中心安排有兴趣，待内部讨论。",
    "",
]


def _staff() -> User:
    user = (
        User.objects.filter(role__in=[Role.OFFICER, Role.ORGANISER], is_active=True)
        .order_by("role", "id")
        .first()
    )
    if user is None:
        raise ValueError("delegations_demo_create needs a demo officer or organiser first")
    return user


def _enterprises(count: int, skip: set[int]) -> list[Enterprise]:
    rows = (
        Enterprise.objects.filter(deleted_at__isnull=True, cases__isnull=False)
        .exclude(pk__in=skip)
        .order_by("pk")
        .distinct()[:count]
    )
    return list(rows)


def _members(spec: DemoDelegation, delegation: Delegation, actor: User, groups: list[SubGroup]):
    inbound = spec.direction == "inbound"
    rows: list[Member] = []
    for i, name in enumerate(spec.officials):
        rows.append(
            Member(
                delegation=delegation,
                full_name=name,
                organisation_name="成都市人民政府" if inbound else "香港特别行政区政府",
                kind="official",
                subgroup=groups[i % 2],
                language="zh-hans" if inbound else "zh-hant",
            )
        )
    if not inbound:
        rows.append(
            Member(
                delegation=delegation,
                full_name=actor.full_name or actor.email,
                organisation_name="专责小组",
                kind="officer",
                subgroup=groups[1],
                user=actor,
                language="zh-hant",
            )
        )
        own = EnterpriseMembership.objects.select_related("user", "enterprise").first()
        provider = ProviderMembership.objects.select_related("user", "provider").first()
        if own is not None:
            rows.append(
                Member(
                    delegation=delegation,
                    full_name=own.user.full_name or own.user.email,
                    organisation_name=own.enterprise.name_zh,
                    kind="enterprise",
                    enterprise=own.enterprise,
                    user=own.user,
                    subgroup=groups[0],
                    language="zh-hans",
                )
            )
        if provider is not None:
            rows.append(
                Member(
                    delegation=delegation,
                    full_name=provider.user.full_name or provider.user.email,
                    organisation_name=provider.provider.name_en,
                    kind="provider",
                    provider=provider.provider,
                    user=provider.user,
                    subgroup=groups[0],
                    language="zh-hant",
                )
            )
    skip = set(EnterpriseMembership.objects.values_list("enterprise_id", flat=True))
    for i, enterprise in enumerate(_enterprises(4 if inbound else 2, skip)):
        contact = enterprise.contacts.order_by("id").first()
        rows.append(
            Member(
                delegation=delegation,
                full_name=contact.full_name if contact else enterprise.name_zh,
                organisation_name=enterprise.name_zh,
                kind="enterprise",
                enterprise=enterprise,
                subgroup=groups[i % 2],
                language="zh-hans",
            )
        )
    return [parts.part_add(actor=actor, delegation=delegation, row=row) for row in rows]


def _directory_hosts(
    delegation: Delegation,
    actor: User,
    venues: list[Venue],
    groups: list[SubGroup],
    members: list[Member],
) -> None:
    """Two Shanghai enterprises of the directory (with a case) visited at their premises, so
    the outbound delegation's briefing packs show a profile, a case stage and a roadmap."""
    taken = {m.enterprise_id for m in members if m.enterprise_id}
    candidates = (
        Enterprise.objects.filter(deleted_at__isnull=True, cases__isnull=False)
        .exclude(pk__in=taken)
        .order_by("pk")
        .distinct()
    )
    chosen = list(candidates.filter(city__name_en__icontains="Shanghai")[:2])
    chosen = chosen or list(candidates[:2])
    for index, enterprise in enumerate(chosen):
        host = parts.part_add(
            actor=actor,
            delegation=delegation,
            row=Host(
                delegation=delegation,
                name=enterprise.name_zh,
                venue=venues[1 + index],
                enterprise=enterprise,
            ),
        )
        parts.part_add(
            actor=actor,
            delegation=delegation,
            row=VisitRequest(
                delegation=delegation, host=host, subgroup=groups[index % 2], priority="must"
            ),
        )


def _delegation(spec: DemoDelegation, rng: random.Random, actor: User) -> Delegation:
    first = timezone.localdate() + datetime.timedelta(days=spec.days_from_today)
    delegation = services.delegation_create(
        actor=actor,
        values={
            "name_en": spec.name[0],
            "name_zh_hans": spec.name[1],
            "name_zh_hant": spec.name[2],
            "direction": spec.direction,
            "places": spec.places,
            "timezone": spec.timezone,
            "starts_on": first,
            "ends_on": first + datetime.timedelta(days=1),
            "day_starts_at": datetime.time(9, 0),
            "day_ends_at": datetime.time(17, 30),
            "slot_minutes": 45,
            "mechanism": Mechanism.objects.filter(code=spec.mechanism).first()
            if spec.mechanism
            else None,
            "owner": actor,
        },
    )
    add = lambda row: parts.part_add(actor=actor, delegation=delegation, row=row)  # noqa: E731
    venues = [add(Venue(delegation=delegation, name=n, address=a)) for n, a in spec.venues]
    services.travel_matrix_save(
        actor=actor,
        delegation=delegation,
        minutes={tuple(sorted((venues[a].pk, venues[b].pk))): m for a, b, m in spec.travel},
    )
    groups = [add(SubGroup(delegation=delegation, name=name)) for name in spec.groups]
    members = _members(spec, delegation, actor, groups)
    for day in delegation.days:
        add(
            ProgrammeItem(
                delegation=delegation,
                kind="plenary",
                title=spec.plenary[0],
                venue=venues[spec.plenary[1]],
                day=day,
                starts_at=datetime.time(9, 0),
                ends_at=datetime.time(9, 45),
            )
        )
    for index, (title, venue, group) in enumerate(spec.visits):
        add(
            ProgrammeItem(
                delegation=delegation,
                kind="site_visit",
                title=title,
                venue=venues[venue],
                subgroup=groups[group],
                day=delegation.days[index % 2],
                starts_at=datetime.time(14, 0),
                ends_at=datetime.time(15, 30),
            )
        )
    for name, venue, audience in spec.hosts:
        host = add(Host(delegation=delegation, name=name, venue=venues[venue]))
        chosen = groups if audience == "all" else [groups[int(audience)]]
        for group in chosen:
            add(VisitRequest(delegation=delegation, host=host, subgroup=group, priority="must"))
        enterprise_members = [m for m in members if m.kind == "enterprise"]
        for member in rng.sample(enterprise_members, min(2, len(enterprise_members))):
            add(VisitRequest(delegation=delegation, host=host, member=member, priority="wanted"))
    if spec.direction != "inbound":
        _directory_hosts(delegation, actor, venues, groups, members)
    with transaction.atomic():  # claimed here, with the demo's time limit, before the queue
        run = services.delegation_run_start(actor=actor, delegation=delegation)
        run = services.delegation_run_execute(run=run, time_limit=TIME_LIMIT_SECONDS)
    if run.status != RunStatus.DONE:
        raise RuntimeError(f"The demo programme of {spec.name[0]} failed: {run.error}")
    services.delegation_run_publish(actor=actor, run=run)
    if spec.days_from_today < 0:
        for visit in Visit.objects.filter(run=run).order_by("start", "id"):
            outcome = rng.choices(list(VisitOutcome.values), weights=[5, 3, 2])[0]
            services.visit_outcome_record(
                actor=actor,
                visit=visit,
                seen_version=visit.version,
                held=True,
                outcome=outcome,
                notes=rng.choice(NOTES),
            )
    return delegation


def delegations_demo_create(seed: int) -> list[Delegation]:
    """The demo's delegations (see the module's docstring)."""
    rng = random.Random(f"{seed}:delegations")
    actor = _staff()
    return [_delegation(spec, rng, actor) for spec in (OUTBOUND, INBOUND)]
