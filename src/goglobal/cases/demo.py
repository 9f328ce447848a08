"""Demo cases over the demo enterprises and providers: every stage, with a believable story."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from goglobal.accounts.models import Role, User
from goglobal.cases import rules, services
from goglobal.cases.models import Case, CaseEvent, Confirmation, Outcome, Referral
from goglobal.cases.services.referrals import reply_days
from goglobal.enterprises.models import Enterprise
from goglobal.knowledge.models import Country
from goglobal.matching.services import match_suggest
from goglobal.providers.models import ProviderMembership, ServiceProvider

# How many of every 20 cases end in each stage.
STAGE_WEIGHTS = {
    "lead": 3,
    "qualified": 3,
    "needs_assessed": 3,
    "matched": 2,
    "in_progress": 3,
    "landed_hk": 2,
    "expanded_abroad": 1,
    "dormant": 2,
    "closed": 1,
}
SUMMARIES = [
    "与董事长及财务总监会面，讨论在香港设立区域总部的时间表。",
    "电话沟通：企业希望了解香港上市的保荐人选择和时间。",
    "Email exchange on opening corporate bank accounts in Hong Kong.",
    "企业参访香港科学园，了解研发中心选址。",
    "在大湾区出海论坛上交流东南亚市场准入经验。",
]
OUTCOMES = {
    "landed_hk": ["hk_entity_incorporated", "regional_hq", "jobs_created"],
    "expanded_abroad": ["hk_entity_incorporated", "funds_raised", "market_entered"],
}


def _provider_actor(provider: ServiceProvider, fallback: User) -> User:
    membership = ProviderMembership.objects.filter(provider=provider).select_related("user").first()
    return membership.user if membership else fallback


def _walk(case: Case, target: str, actor: User) -> Case:
    pipeline = list(rules.PIPELINE)
    path = pipeline[1 : pipeline.index(target) + 1] if target in pipeline else []
    if target in {rules.DORMANT, rules.CLOSED}:
        path = [*pipeline[1:3], target]
    for stage in path:
        reason = "企业决定暂缓出海计划" if stage == rules.CLOSED else ""
        case = services.case_move(
            case=case, target=stage, actor=actor, seen_version=case.version, reason=reason
        )
    return case


def _backdate(case: Case, rng: random.Random) -> None:
    """Spread a demo case's history over the past year, oldest first, so that the impact
    figures have months and days in each stage to show."""
    now = timezone.now()
    at = now - datetime.timedelta(days=rng.randint(60, 360))
    last = at
    for event in CaseEvent.objects.filter(case=case).order_by("created_at", "id"):
        last = min(at, now)
        CaseEvent.objects.filter(pk=event.pk).update(created_at=last)
        at += datetime.timedelta(days=rng.randint(3, 40), hours=rng.randint(0, 12))
    Case.objects.filter(pk=case.pk).update(stage_changed_at=last)


def _referrals(
    case: Case, rng: random.Random, providers: list[ServiceProvider], actor: User
) -> None:
    for row in list(case.enterprise.needs.all()[:2]):
        provider = rng.choice(providers)
        referral = services.referral_propose(
            case=case, need=row.need, provider=provider, actor=actor, note="请跟进"
        )
        referral = services.referral_send(referral=referral, actor=actor, seen_version=1)
        member = _provider_actor(provider, actor)
        if member.role != Role.PROVIDER_MEMBER or rng.random() < 0.2:
            continue
        if rng.random() < 0.15:
            services.referral_decline(
                referral=referral, actor=member, seen_version=2, reason="本季度容量已满"
            )
            continue
        referral = services.referral_accept(referral=referral, actor=member, seen_version=2)
        if case.stage in {"landed_hk", "expanded_abroad"}:
            services.referral_complete(
                referral=referral, actor=member, seen_version=3, outcome="服务已完成"
            )


DISPUTES = [
    "实际只招聘了部分岗位，其余仍在面试中。",
    "融资金额有误，最终完成的是第一期。",
    "公司由我们自行注册，并未使用转介的服务机构。",
]


def _confirmation(outcome: Outcome, rng: random.Random, achieved: datetime.date) -> None:
    """The enterprise's word on a demo outcome: most agree, some dispute, some are waiting or
    never answered; outcomes of the last two weeks are still waiting."""
    asked = timezone.make_aware(
        datetime.datetime.combine(achieved + datetime.timedelta(days=3), datetime.time(10))
    )
    outcome = services.outcome_confirmation_request(
        outcome=outcome, actor=None, now=asked, send_email=False
    )
    if outcome.confirmation != Confirmation.REQUESTED or (timezone.now() - asked).days < 14:
        return
    draw = rng.random()
    answered = asked + datetime.timedelta(days=rng.randint(1, 10), hours=rng.randint(0, 8))
    if draw < 0.6:
        answer = services.Answer(agrees=True, rating=rng.choice([3, 4, 4, 5, 5]))
        services.outcome_confirmation_answer(outcome=outcome, answer=answer, now=answered)
    elif draw < 0.75:
        answer = services.Answer(agrees=False, comment=rng.choice(DISPUTES), rating=2)
        services.outcome_confirmation_answer(outcome=outcome, answer=answer, now=answered)
    elif draw < 0.87:  # never answered: sent once more when the link expired, then unconfirmed
        days = services.confirmations.confirm_days()
        for step in (1, 2):
            when = asked + datetime.timedelta(days=days * step)
            if when <= timezone.now():
                services.confirmations.outcome_confirmation_follow_up(
                    outcome=outcome, now=when, send_email=False
                )
    else:  # the reminder went out a few days ago and is still waiting
        resent = timezone.now() - datetime.timedelta(days=rng.randint(1, 12))
        services.confirmations.outcome_confirmation_follow_up(
            outcome=outcome, now=resent, send_email=False
        )


FUNCTIONS = ["regional_hq", "regional_hq", "treasury_centre", "rnd_hub", "supply_chain_centre"]


def _outcomes(case: Case, rng: random.Random, today: datetime.date) -> None:
    kinds = OUTCOMES.get(case.stage, [])
    for kind in [rng.choice(FUNCTIONS) if kind == "regional_hq" else kind for kind in kinds]:
        achieved = today - datetime.timedelta(days=rng.randint(10, 300))
        outcome = services.outcome_record(
            case=case,
            actor=case.owner or case.updated_by,  # type: ignore[arg-type]
            kind=kind,
            achieved_on=achieved,
            amount=Decimal(rng.choice([80, 150, 400, 1200])) * 1_000_000
            if kind == "funds_raised"
            else None,
            currency="HKD" if kind == "funds_raised" else "",
            route=rng.choice(["ipo", "private", "debt"]) if kind == "funds_raised" else "",
            country=Country.objects.filter(code=rng.choice(["VN", "TH", "MY", "SA", "AE"])).first()
            if kind == "market_entered"
            else None,
            jobs=rng.randint(5, 120) if kind == "jobs_created" else None,
            request_confirmation=False,
        )
        _confirmation(outcome, rng, achieved)


@transaction.atomic
def cases_demo_create(seed: int, count: int = 160) -> list[Case]:
    """Open ``count`` cases (at least one per stage) over existing demo enterprises."""
    rng = random.Random(f"{seed}:cases")
    officers = list(User.objects.filter(role=Role.OFFICER, is_active=True).order_by("id"))
    providers = list(ServiceProvider.objects.filter(deleted_at__isnull=True).order_by("id"))
    if not officers or not providers:
        raise ValueError("cases_demo_create needs demo officers and providers first")
    enterprises = list(
        Enterprise.objects.filter(deleted_at__isnull=True, cases__isnull=True).order_by("id")[
            :count
        ]
    )
    stages = [stage for stage, weight in STAGE_WEIGHTS.items() for _ in range(weight)]
    today = timezone.localdate()
    created = []
    for index, enterprise in enumerate(enterprises):
        owner = officers[index % len(officers)]
        target = list(STAGE_WEIGHTS)[index] if index < len(STAGE_WEIGHTS) else rng.choice(stages)
        case = services.case_open(
            actor=owner,
            enterprise=enterprise,
            origin=rng.choice(["event", "inbound", "mechanism", "outreach"]),
            owner=owner,
            priority=rng.choice(["high", "medium", "medium", "low"]),
            next_action="安排下一次会面",
            next_action_on=today + datetime.timedelta(days=rng.randint(-5, 30)),
        )
        for _ in range(rng.randint(1, 4)):
            services.interaction_log(
                case=case,
                actor=owner,
                kind=rng.choice(["meeting", "call", "email", "visit", "event"]),
                occurred_on=today - datetime.timedelta(days=rng.randint(1, 200)),
                summary=rng.choice(SUMMARIES),
                follow_up=services.FollowUp(
                    title="发送资料清单",
                    due_on=today + datetime.timedelta(days=rng.randint(-3, 14)),
                )
                if rng.random() < 0.4
                else None,
            )
        case = _walk(case, target, owner)
        _backdate(case, rng)
        if target in {"matched", "in_progress", "landed_hk", "expanded_abroad"}:
            _referrals(case, rng, providers, owner)
        _outcomes(case, rng, today)
        created.append(case)
    return created


# The demo provider's inbox holds a referral in every state; "sent_waiting" is older than the
# reply time, so the inbox's "waiting" count is not zero.
SHOWCASE_STATES = (
    "proposed",
    "sent",
    "sent_waiting",
    "accepted",
    "in_progress",
    "declined",
    "completed",
    "withdrawn",
)


def _showcase_referral(case: Case, need: Any, provider: ServiceProvider, state: str) -> Referral:
    officer = case.owner
    assert officer is not None  # noqa: S101 (the showcase picks owned cases)
    member = _provider_actor(provider, officer)
    note = "企业财务总监下周在港，请在一周内联系，先了解其香港公司设立的时间表。"
    referral = services.referral_propose(
        case=case, need=need, provider=provider, actor=officer, note=note
    )
    if state == "proposed":
        return referral
    referral = services.referral_send(referral=referral, actor=officer, seen_version=1)
    if state == "sent_waiting":
        sent = timezone.now() - datetime.timedelta(days=reply_days() + 3)
        Referral.objects.filter(pk=referral.pk).update(sent_at=sent)
    elif state == "withdrawn":
        services.referral_withdraw(
            referral=referral, actor=officer, seen_version=2, note="企业改变了计划"
        )
    elif state == "declined":
        services.referral_decline(
            referral=referral, actor=member, seen_version=2, reason="本季度容量已满"
        )
    elif state in {"accepted", "in_progress", "completed"}:
        referral = services.referral_accept(referral=referral, actor=member, seen_version=2)
        if state == "in_progress":
            services.referral_progress(
                referral=referral, actor=member, seen_version=3, note="已与企业首次通话"
            )
        elif state == "completed":
            services.referral_complete(
                referral=referral, actor=member, seen_version=3, outcome="香港公司已注册完成"
            )
    return referral


def cases_demo_showcase(*, provider: ServiceProvider, suggest_limit: int = 60) -> dict[str, int]:
    """What the demo shows its roles: the demo provider's referrals in every state (each on a
    different case), and the matcher's suggestions stored for the needs of open cases, so the
    case page shows them without a click."""
    cases = list(
        Case.objects.filter(deleted_at__isnull=True, owner__isnull=False)
        .exclude(stage__in=["lead", "closed", "dormant"])
        .exclude(referrals__provider=provider)
        .select_related("owner", "enterprise")
        .order_by("id")
    )
    made = 0
    states = list(SHOWCASE_STATES)
    for case in cases:
        row = case.enterprise.needs.select_related("need").first()
        if row is None:
            continue
        if not states:
            break
        _showcase_referral(case, row.need, provider, states.pop(0))
        made += 1
    suggested = 0
    open_cases = (
        Case.objects.filter(deleted_at__isnull=True)
        .exclude(stage__in=["closed", "dormant", "landed_hk", "expanded_abroad"])
        .select_related("enterprise", "owner")
        .order_by("id")[:suggest_limit]
    )
    for case in open_cases:
        for row in case.enterprise.needs.select_related("need"):
            suggested += len(match_suggest(enterprise=case.enterprise, need=row.need, actor=None))
    return {"referrals": made, "suggestions": suggested}
