"""A small delegation built from the outside (plain rows, as the pages would create them)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from goglobal.accounts.models import User
from goglobal.accounts.tests.factories import UserFactory
from goglobal.delegations.models import (
    Delegation,
    Host,
    Member,
    ProgrammeItem,
    SubGroup,
    TravelTime,
    Venue,
    VisitRequest,
)


@dataclass
class Small:
    delegation: Delegation
    venues: dict[str, Venue]
    groups: dict[str, SubGroup]
    members: dict[str, Member]
    hosts: dict[str, Host]
    member_user: User


def small_delegation(*, owner: User | None = None, enterprise=None) -> Small:
    """Two days, three venues (hotel, park, port; the port far), two sub-groups, four members,
    three hosts, a plenary each morning for everyone, a site visit for one sub-group."""
    owner = owner or UserFactory(role="officer")
    delegation = Delegation.objects.create(
        name_en="Shanghai delegation",
        name_zh_hans="上海考察团",
        name_zh_hant="上海考察團",
        direction="to_mainland",
        places="Shanghai",
        timezone="Asia/Shanghai",
        starts_on=datetime.date(2026, 12, 14),
        ends_on=datetime.date(2026, 12, 15),
        day_starts_at=datetime.time(9, 0),
        day_ends_at=datetime.time(13, 0),
        slot_minutes=30,
        owner=owner,
    )
    venues = {
        name: Venue.objects.create(delegation=delegation, name=name)
        for name in ("Hotel", "Science park", "Port")
    }
    pairs = [("Hotel", "Science park", 30), ("Hotel", "Port", 60), ("Science park", "Port", 75)]
    for a, b, minutes in pairs:
        first, second = sorted((venues[a], venues[b]), key=lambda v: v.pk)
        TravelTime.objects.create(
            delegation=delegation, origin=first, destination=second, minutes=minutes
        )
    groups = {
        name: SubGroup.objects.create(delegation=delegation, name=name)
        for name in ("Finance", "Technology")
    }
    member_user = UserFactory(role="enterprise_member")
    members = {
        "lee": Member.objects.create(
            delegation=delegation,
            full_name="Lee Ka-ming",
            kind="official",
            subgroup=groups["Finance"],
            language="zh-hant",
        ),
        "chan": Member.objects.create(
            delegation=delegation,
            full_name="Chan Siu-wai",
            kind="enterprise",
            organisation_name="Harbour Robotics",
            subgroup=groups["Finance"],
            enterprise=enterprise,
            user=member_user,
            language="en",
        ),
        "wong": Member.objects.create(
            delegation=delegation,
            full_name="Wong Mei",
            kind="officer",
            subgroup=groups["Technology"],
            language="zh-hans",
        ),
        "ho": Member.objects.create(
            delegation=delegation,
            full_name="Ho Tin",
            kind="provider",
            subgroup=groups["Technology"],
            language="en",
        ),
    }
    hosts = {
        "bank": Host.objects.create(
            delegation=delegation, name="Lujiazui Bank", venue=venues["Hotel"]
        ),
        "lab": Host.objects.create(
            delegation=delegation, name="Zhangjiang Lab", venue=venues["Science park"]
        ),
        "port": Host.objects.create(
            delegation=delegation, name="Yangshan Port", venue=venues["Port"]
        ),
    }
    for day in delegation.days:
        ProgrammeItem.objects.create(
            delegation=delegation,
            kind="plenary",
            title="Morning briefing",
            venue=venues["Hotel"],
            day=day,
            starts_at=datetime.time(9, 0),
            ends_at=datetime.time(9, 30),
        )
    ProgrammeItem.objects.create(
        delegation=delegation,
        kind="site_visit",
        title="Port tour",
        venue=venues["Port"],
        subgroup=groups["Technology"],
        day=delegation.starts_on,
        starts_at=datetime.time(11, 0),
        ends_at=datetime.time(12, 0),
    )
    VisitRequest.objects.create(
        delegation=delegation, host=hosts["bank"], subgroup=groups["Finance"], priority="must"
    )
    VisitRequest.objects.create(
        delegation=delegation, host=hosts["lab"], subgroup=groups["Technology"], priority="must"
    )
    VisitRequest.objects.create(delegation=delegation, host=hosts["lab"], member=members["chan"])
    VisitRequest.objects.create(delegation=delegation, host=hosts["port"], member=members["lee"])
    VisitRequest.objects.create(delegation=delegation, host=hosts["bank"], member=members["ho"])
    return Small(delegation, venues, groups, members, hosts, member_user)
