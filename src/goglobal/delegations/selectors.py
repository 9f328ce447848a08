"""Reading delegations for a user: who may see what, and the rows a page shows."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import Http404

from goglobal.accounts.models import User
from goglobal.cases.models import Case
from goglobal.delegations import rules
from goglobal.delegations.models import (
    Delegation,
    DelegationRun,
    Member,
    ProgrammeItem,
    Visit,
)
from goglobal.enterprises.models import Enterprise


def delegation_list_for(*, user: User) -> QuerySet[Delegation]:
    if not rules.can_manage_delegations(user):
        raise PermissionDenied
    return Delegation.objects.filter(deleted_at__isnull=True).annotate(
        member_count=Count("members", distinct=True)
    )


def delegation_get_for(*, user: User, delegation_id: int) -> Delegation:
    if not rules.can_manage_delegations(user):
        raise PermissionDenied
    delegation = (
        Delegation.objects.filter(pk=delegation_id, deleted_at__isnull=True)
        .select_related("mechanism", "owner")
        .first()
    )
    if delegation is None:
        raise Http404
    return delegation


def member_get_for(*, user: User, delegation_id: int, member_id: int) -> Member:
    """A member's itinerary: staff who manage delegations, or the member's own account only."""
    member = (
        Member.objects.filter(
            pk=member_id, delegation_id=delegation_id, delegation__deleted_at__isnull=True
        )
        .select_related("delegation", "subgroup")
        .first()
    )
    if member is None:
        raise Http404
    if rules.can_manage_delegations(user) or (member.user_id and member.user_id == user.pk):
        return member
    raise Http404  # a member of another account does not learn the itinerary exists


def memberships_for(*, user: User) -> QuerySet[Member]:
    return Member.objects.filter(user=user, delegation__deleted_at__isnull=True).select_related(
        "delegation"
    )


def run_get_for(*, user: User, delegation: Delegation, run_id: int) -> DelegationRun:
    run = DelegationRun.objects.filter(pk=run_id, delegation=delegation).first()
    if run is None:
        raise Http404
    return run


def visit_get_for(*, user: User, delegation: Delegation, visit_id: int) -> Visit:
    visit = (
        Visit.objects.filter(pk=visit_id, run__delegation=delegation)
        .select_related("host__enterprise", "venue", "run", "subgroup")
        .prefetch_related("members__enterprise")
        .first()
    )
    if visit is None:
        raise Http404
    return visit


@dataclass(frozen=True)
class Entry:
    """One line of an itinerary: a programme item or a meeting, in time order."""

    start: datetime.datetime
    end: datetime.datetime
    kind: str  # "plenary" | "site_visit" | "meeting"
    title: str
    venue: str
    address: str = ""
    with_whom: list[str] = field(default_factory=list)
    visit: Visit | None = None
    travel_minutes: int | None = None  # from the previous entry's venue, same day


def itinerary(member: Member, run: DelegationRun | None) -> list[Entry]:
    delegation = member.delegation
    zone = delegation.zone
    entries: list[Entry] = []
    items = ProgrammeItem.objects.filter(delegation=delegation).select_related("venue")
    for item in items:
        if item.subgroup_id not in (None, member.subgroup_id):
            continue
        entries.append(
            Entry(
                start=item.start(zone),
                end=item.end(zone),
                kind=item.kind,
                title=item.title,
                venue=item.venue.name,
                address=item.venue.address,
            )
        )
    if run is not None:
        for visit in (
            Visit.objects.filter(run=run, members=member)
            .select_related("host", "venue")
            .prefetch_related("members")
        ):
            others = [m.full_name for m in visit.members.all() if m.pk != member.pk]
            entries.append(
                Entry(
                    start=visit.start,
                    end=visit.end,
                    kind="meeting",
                    title=visit.host.name,
                    venue=visit.venue.name,
                    address=visit.venue.address,
                    with_whom=others,
                    visit=visit,
                )
            )
    entries.sort(key=lambda e: (e.start, e.title))
    return _with_travel(delegation, entries)


def _with_travel(delegation: Delegation, entries: list[Entry]) -> list[Entry]:
    names = {v.name: v.pk for v in delegation.venues.all()}
    routes = rules.shortest_routes(
        names.values(),
        [(t.origin_id, t.destination_id, t.minutes) for t in delegation.travel.all()],
    )
    out: list[Entry] = []
    for entry in entries:
        previous = out[-1] if out else None
        minutes = None
        if previous is not None and previous.start.date() == entry.start.date():
            trip = routes.get((names.get(previous.venue, 0), names.get(entry.venue, 0)))
            if trip and trip < rules.NO_ROUTE:
                minutes = trip
        out.append(dataclasses.replace(entry, travel_minutes=minutes))
    return out


def briefing(visit: Visit) -> list[dict[str, Any]]:
    """Per enterprise in the meeting: profile summary, case stage, roadmap, last interactions."""
    from goglobal.roadmaps.models import Roadmap
    from goglobal.roadmaps.presenters import step_titles

    enterprises: dict[int, Enterprise] = {}
    if visit.host.enterprise is not None:
        enterprises[visit.host.enterprise.pk] = visit.host.enterprise
    for member in visit.members.all():
        if member.enterprise is not None:
            enterprises.setdefault(member.enterprise.pk, member.enterprise)
    packs = []
    for pk in sorted(enterprises):
        enterprise = Enterprise.objects.select_related("sector", "city", "province").get(pk=pk)
        case = (
            Case.objects.filter(enterprise=enterprise, deleted_at__isnull=True)
            .order_by("-id")
            .first()
        )
        roadmap = Roadmap.objects.filter(enterprise=enterprise).order_by("-number").first()
        packs.append(
            {
                "enterprise": enterprise,
                "case": case,
                "interactions": list(case.interactions.order_by("-occurred_on", "-id")[:5])
                if case
                else [],
                "roadmap": roadmap,
                "roadmap_steps": list(step_titles(roadmap.result).values())[:6] if roadmap else [],
            }
        )
    return packs


@dataclass(frozen=True)
class Clash:
    """Two fixed programme items a member cannot both reach: too close for the trip."""

    first: ProgrammeItem
    second: ProgrammeItem
    minutes: int  # the shortest route between their venues (NO_ROUTE: none)
    members: int  # how many members attend both


def programme_clashes(delegation: Delegation) -> list[Clash]:
    """Plenaries and site visits the scheduler cannot move: warn when a member attends two of
    them at different venues with less time between them than the shortest route."""
    zone = delegation.zone
    items = list(delegation.programme.select_related("venue", "subgroup"))
    routes = rules.shortest_routes(
        [v.pk for v in delegation.venues.all()],
        [(t.origin_id, t.destination_id, t.minutes) for t in delegation.travel.all()],
    )
    members = list(delegation.members.values_list("subgroup_id", flat=True))
    clashes = []
    for i, first in enumerate(items):
        for second in items[i + 1 :]:
            if first.venue_id == second.venue_id or first.day != second.day:
                continue
            minutes = routes.get((first.venue_id, second.venue_id), rules.NO_ROUTE)
            windows = ((first.start(zone), first.end(zone)), (second.start(zone), second.end(zone)))
            if not rules.too_close(windows[0], windows[1], minutes):
                continue
            both = sum(
                1
                for group in members
                if first.subgroup_id in (None, group) and second.subgroup_id in (None, group)
            )
            if both:
                clashes.append(Clash(first, second, minutes, both))
    return clashes


@dataclass(frozen=True)
class Replan:
    """A meeting of the published programme that no longer holds with the current data.

    ``reason`` is ``"travel"``: ``members`` cannot get between it and ``other`` (a meeting, a
    plenary or a site visit at ``other_venue``) in time, the shortest route being ``minutes``
    (``rules.NO_ROUTE``: none); or ``"hours"``: it no longer falls on a meeting slot of the
    delegation's days and programme hours.
    """

    visit: Visit
    reason: str
    members: tuple[Member, ...]
    other: str = ""
    other_venue: str = ""
    minutes: int = rules.NO_ROUTE


def programme_replans(delegation: Delegation, run: DelegationRun | None) -> list[Replan]:
    """Check the published programme against the delegation as it is now (venues, travel
    times, days and hours, plenaries and site visits, members' sub-groups).

    Every member's commitments are checked pair by pair with the shortest routes. Of two
    meetings a member can no longer both make, the one worth less (then the later) is the one
    to re-plan; a meeting that clashes with a fixed item is re-planned. An empty list: every
    member can still make every meeting."""
    if run is None:
        return []
    venues = {v.pk: v for v in delegation.venues.all()}
    routes = rules.shortest_routes(
        venues, [(t.origin_id, t.destination_id, t.minutes) for t in delegation.travel.all()]
    )
    visits = {
        v.pk: v
        for v in Visit.objects.filter(run=run)
        .select_related("host", "venue")
        .prefetch_related("members")
        .order_by("start", "id")
    }
    items = {i.pk: i for i in delegation.programme.select_related("venue")}
    members = list(delegation.members.order_by("full_name", "id"))
    busy = _commitments(delegation, visits.values(), items.values(), members)
    dropped: dict[int, str] = dict.fromkeys(_outside_hours(delegation, visits.values()), "hours")
    found: dict[tuple[int, str, int], tuple[int, list[Member]]] = {}
    for person in members:
        for first, second, minutes in rules.unreachable(busy.get(person.pk, []), routes):
            pair = [c for c in (first, second) if c.kind == "visit"]
            if len(pair) == 2 and not any(c.pk in dropped for c in pair):
                pair.sort(key=lambda c: (visits[c.pk].value, -c.start.timestamp(), -c.pk))
            target = next((c for c in pair if c.pk in dropped), pair[0])
            dropped.setdefault(target.pk, "travel")
            if dropped[target.pk] != "travel":
                continue  # out of the programme hours already: re-planned anyway
            other = second if target is first else first
            key = (target.pk, other.kind, other.pk)
            found.setdefault(key, (minutes, []))[1].append(person)
    out = [
        Replan(visit=visits[pk], reason="hours", members=tuple(visits[pk].members.all()))
        for pk, reason in dropped.items()
        if reason == "hours"
    ]
    for (pk, kind, other_pk), (minutes, people) in found.items():
        if kind == "visit":
            title, venue = visits[other_pk].host.name, visits[other_pk].venue.name
        else:
            title, venue = items[other_pk].title, items[other_pk].venue.name
        out.append(
            Replan(
                visit=visits[pk],
                reason="travel",
                members=tuple(people),
                other=title,
                other_venue=venue,
                minutes=minutes,
            )
        )
    out.sort(key=lambda r: (r.visit.start, r.visit.pk, r.reason, r.other))
    return out


def _commitments(
    delegation: Delegation,
    visits: Iterable[Visit],
    items: Iterable[ProgrammeItem],
    members: list[Member],
) -> dict[int, list[rules.Commitment]]:
    """Per member pk: its meetings of the run and the plenaries and site visits it attends."""
    zone = delegation.zone
    busy: dict[int, list[rules.Commitment]] = {m.pk: [] for m in members}
    for visit in visits:
        for person in visit.members.all():
            busy.setdefault(person.pk, []).append(
                rules.Commitment("visit", visit.pk, visit.venue_id, visit.start, visit.end)
            )
    for item in items:
        window = (item.start(zone), item.end(zone))
        for person in members:
            if item.subgroup_id in (None, person.subgroup_id):
                busy[person.pk].append(rules.Commitment("item", item.pk, item.venue_id, *window))
    return busy


def _outside_hours(delegation: Delegation, visits: Iterable[Visit]) -> list[int]:
    """Meetings that are no longer on a meeting slot of the delegation's days and hours."""
    windows = {
        window
        for day in delegation.days
        for window in rules.day_slots(
            day,
            starts=delegation.day_starts_at,
            ends=delegation.day_ends_at,
            minutes=delegation.slot_minutes,
            zone=delegation.zone,
        )
    }
    return [v.pk for v in visits if (v.start, v.end) not in windows]
