"""Demo promotion conferences: two held in the past and one to come, each run end to end.

Every event goes through the services an organiser uses: the event and its slots, participants
added from the directory (contacts of enterprises that have a case, the demo enterprise first,
and service providers, the demo provider first), meeting requests, a scheduler run solved by
the real engine and published. The past events then have their check-ins, a few no-shows and
the meetings' outcomes, which become "event encounter" interactions on the enterprises' cases.
The upcoming one is published as a provisional schedule, so participants can still ask for
changes. Dates are relative to today, so the demo always has a past and a future.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from goglobal.accounts.models import Role, User
from goglobal.enterprises.models import Contact, Enterprise
from goglobal.events import services
from goglobal.events.models import (
    Event,
    EventStatus,
    Meeting,
    Outcome,
    Participant,
    ParticipantKind,
    Priority,
    RunStatus,
)
from goglobal.knowledge.models import Mechanism
from goglobal.providers.models import ServiceProvider

# The engine reaches the bound on these small events in well under a second; the rest of its
# time goes to fewer breaks, which the demo caps so that `make demo` stays quick.
TIME_LIMIT_SECONDS = 3.0


@dataclass(frozen=True)
class DemoEvent:
    name_en: str
    name_zh_hans: str
    name_zh_hant: str
    city: str
    venue: str
    timezone: str
    days_from_today: int
    days: int
    mechanism: str
    enterprises: int
    providers: int


DEMO_EVENTS = (
    DemoEvent(
        name_en="Shanghai–Hong Kong Going-Global Promotion Conference",
        name_zh_hans="沪港企业出海推介会",
        name_zh_hant="滬港企業出海推介會",
        city="上海",
        venue="上海国际会议中心",
        timezone="Asia/Shanghai",
        days_from_today=-120,
        days=1,
        mechanism="hk-shanghai",
        enterprises=14,
        providers=8,
    ),
    DemoEvent(
        name_en="Greater Bay Area Enterprises to ASEAN: Hong Kong Matching Days",
        name_zh_hans="大湾区企业走进东盟：香港配对日",
        name_zh_hant="大灣區企業走進東盟：香港配對日",
        city="香港",
        venue="香港会议展览中心",
        timezone="Asia/Hong_Kong",
        days_from_today=-40,
        days=2,
        mechanism="",
        enterprises=12,
        providers=8,
    ),
    DemoEvent(
        name_en="Beijing–Hong Kong Going-Global Promotion Conference",
        name_zh_hans="京港企业出海推介会",
        name_zh_hant="京港企業出海推介會",
        city="北京",
        venue="国家会议中心",
        timezone="Asia/Shanghai",
        days_from_today=30,
        days=1,
        mechanism="hk-beijing",
        enterprises=12,
        providers=8,
    ),
)
PATTERN = services.SlotPattern(
    day_start=datetime.time(9, 30),
    day_end=datetime.time(17, 0),
    minutes=30,
    breaks=(
        (datetime.time(10, 30), datetime.time(11, 0)),
        (datetime.time(12, 30), datetime.time(14, 0)),
    ),
    tables=6,
)
NOTES = [
    "双方约定两周内交换香港公司设立所需文件清单。",
    "企业希望了解在港银行开户的时间，服务机构将发送资料。",
    "Agreed to a follow-up call on the listing timetable.",
    "企业对东南亚仓储方案有兴趣，待内部讨论。",
    "",
]


def _organiser() -> User:
    organiser = (
        User.objects.filter(role__in=[Role.ORGANISER, Role.OFFICER], is_active=True)
        .order_by("-role", "id")
        .first()
    )
    if organiser is None:
        raise ValueError("events_demo_create needs a demo organiser or officer first")
    return organiser


def _contacts(rng: random.Random, count: int, first: Enterprise, taken: set[int]) -> list[Contact]:
    """One contact with an email for each of ``count`` enterprises that have a case."""
    contacts = (
        Contact.objects.filter(enterprise__cases__isnull=False, enterprise__deleted_at__isnull=True)
        .exclude(email="")
        .select_related("enterprise")
        .order_by("enterprise_id", "id")
        .distinct()
    )
    by_enterprise: dict[int, Contact] = {}
    for contact in contacts:
        by_enterprise.setdefault(contact.enterprise_id, contact)
    own = by_enterprise.pop(first.pk, None)
    pool = [c for pk, c in by_enterprise.items() if pk not in taken]
    chosen = rng.sample(pool, min(count - 1 if own else count, len(pool)))
    taken.update(c.enterprise_id for c in chosen)
    return ([own] if own else []) + chosen


def _providers(rng: random.Random, count: int, first: ServiceProvider) -> list[ServiceProvider]:
    pool = list(
        ServiceProvider.objects.filter(deleted_at__isnull=True)
        .exclude(Q(email="") | Q(pk=first.pk))
        .order_by("id")
    )
    chosen = rng.sample(pool, min(count - 1, len(pool)))
    return ([first] if first.email else []) + chosen


def _requests(rng: random.Random, organiser: User, event: Event) -> int:
    """Enterprises ask for providers (some must-meets), some providers ask back."""
    people = list(Participant.objects.filter(event=event).order_by("id"))
    enterprises = [p for p in people if p.kind == ParticipantKind.ENTERPRISE]
    providers = [p for p in people if p.kind == ParticipantKind.PROVIDER]
    made = 0
    for person in enterprises:
        for other in rng.sample(providers, min(len(providers), rng.randint(2, 4))):
            priority = Priority.MUST_MEET if rng.random() < 0.4 else Priority.WOULD_LIKE
            services.meeting_request_create(
                actor=organiser, requester=person, requested=other, priority=priority
            )
            made += 1
    for person in providers:
        for other in rng.sample(enterprises, min(len(enterprises), 2)):
            if other.requests_made.filter(requested=person).exists():
                continue
            services.meeting_request_create(
                actor=organiser, requester=person, requested=other, priority=Priority.WOULD_LIKE
            )
            made += 1
    return made


def _at(event: Event, day: datetime.date, hour: int, minute: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=event.zone)


def _held(rng: random.Random, organiser: User, event: Event) -> None:
    """The day itself: check-ins (a few did not come) and every held meeting's outcome."""
    people = list(Participant.objects.filter(event=event).order_by("id"))
    absent = {p.pk for p in rng.sample(people[2:], 2)}  # never the demo enterprise or provider
    for person in people:
        if person.pk in absent:
            services.participant_mark_no_show(actor=organiser, participant=person)
            continue
        services.participant_check_in(actor=organiser, participant=person)
        arrived = _at(event, event.starts_on, 9, rng.randint(0, 25))
        Participant.objects.filter(pk=person.pk).update(checked_in_at=arrived)
    run = services.published_run(event)
    assert run is not None  # noqa: S101 (published just before)
    for meeting in Meeting.objects.filter(run=run).order_by("id"):
        if meeting.first_id in absent or meeting.second_id in absent:
            continue
        outcome = rng.choices(
            [Outcome.FOLLOW_UP, Outcome.INTERESTED, Outcome.NOT_RELEVANT], weights=[5, 3, 2]
        )[0]
        services.meeting_outcome_record(
            actor=organiser,
            meeting=meeting,
            seen_version=meeting.version,
            outcome=outcome,
            notes=rng.choice(NOTES),
        )


def _event(spec: DemoEvent, rng: random.Random, organiser: User, taken: set[int]) -> Event:
    first = timezone.localdate() + datetime.timedelta(days=spec.days_from_today)
    past = spec.days_from_today < 0
    event = services.event_create(
        actor=organiser,
        values={
            "name_en": spec.name_en,
            "name_zh_hans": spec.name_zh_hans,
            "name_zh_hant": spec.name_zh_hant,
            "city": spec.city,
            "venue": spec.venue,
            "timezone": spec.timezone,
            "starts_on": first,
            "ends_on": first + datetime.timedelta(days=spec.days - 1),
            "status": EventStatus.OPEN,
            "mechanism": Mechanism.objects.filter(code=spec.mechanism).first()
            if spec.mechanism
            else None,
            "quota_enterprise": 4,
            "quota_provider": 6,
        },
        pattern=PATTERN,
    )
    enterprise = Enterprise.objects.filter(deleted_at__isnull=True).order_by("pk").first()
    provider = ServiceProvider.objects.filter(deleted_at__isnull=True).order_by("pk").first()
    if enterprise is None or provider is None:
        raise ValueError("events_demo_create needs the demo set written first")
    services.participants_add_from_directory(
        actor=organiser,
        event=event,
        contacts=_contacts(rng, spec.enterprises, enterprise, taken),
        providers=_providers(rng, spec.providers, provider),
    )
    _requests(rng, organiser, event)
    with transaction.atomic():  # claimed here, with the demo's time limit, before the queue
        run = services.schedule_run_start(actor=organiser, event=event)
        run = services.schedule_run_execute(run=run, time_limit=TIME_LIMIT_SECONDS)
    if run.status != RunStatus.DONE:
        raise RuntimeError(f"The demo schedule of {spec.name_en} failed: {run.error}")
    services.schedule_run_publish(actor=organiser, run=run, provisional=not past)
    if past:
        _held(rng, organiser, event)
    event.refresh_from_db()
    return event


def events_demo_create(seed: int) -> list[Event]:
    """The demo's promotion conferences (see the module's docstring)."""
    rng = random.Random(f"{seed}:events")
    organiser = _organiser()
    taken: set[int] = set()
    return [_event(spec, rng, organiser, taken) for spec in DEMO_EVENTS]
