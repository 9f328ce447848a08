"""The enterprise as the matcher reads it, kept per process and reused while its stamp holds.

An officer asks for one enterprise's needs one after another (the page's "Suggest again", the
API), so the profile — sector, names, description, places, target markets, needs, the contacts'
languages — is read once (five queries) and then reused as long as the stamp read with the
request's other stamps (``freshness.read``: the enterprise's version and ``updated_at``, its
contacts' and needs' counts and newest ``updated_at``, its groupings' current members) is the
same. Every write through ``enterprises.services`` changes one of them; so does a contact or a
need saved any other way through the ORM (``auto_now``). At most ``SIZE`` profiles are kept, the
least recently used dropped first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from goglobal.engines import matching as engine
from goglobal.enterprises.models import Contact, Enterprise, EnterpriseNeed
from goglobal.knowledge.models import MarketGroupMembership, Sector

SIZE = 5_000


@dataclass(frozen=True)
class Profile:
    enterprise: engine.Enterprise
    sector: Sector | None  # with its section loaded: what track records are counted for


_lock = threading.Lock()
_kept: OrderedDict[int, tuple[tuple[Any, ...], Profile]] = OrderedDict()


def _load(enterprise_id: int) -> Profile:
    row = Enterprise.objects.select_related("sector__section", "province", "city").get(
        pk=enterprise_id
    )
    languages = {
        code
        for codes in Contact.objects.filter(enterprise_id=enterprise_id).values_list(
            "languages", flat=True
        )
        for code in codes or ()
    }
    countries = list(row.target_countries.values_list("code", flat=True))
    groups = Enterprise.target_groups.through.objects.filter(enterprise_id=enterprise_id)
    members = (
        MarketGroupMembership.objects.filter(
            group_id__in=groups.values("marketgroup_id"), left_on__isnull=True
        )
        .order_by("country__code")
        .values_list("country__code", flat=True)
    )
    needs = EnterpriseNeed.objects.filter(enterprise_id=enterprise_id).values_list(
        "need__code", flat=True
    )
    profile = engine.Enterprise(
        id=str(row.pk),
        sector=row.sector.code,
        names=tuple(n for n in (row.name_zh, row.name_en) if n),
        description=row.description,
        province=row.province.code,
        city=row.city.code,
        target_markets=tuple(dict.fromkeys([*countries, *members])),
        needs=tuple(needs),
        languages=frozenset(languages) or frozenset({"zh"}),
    )
    return Profile(profile, row.sector)


def profile_for(enterprise_id: int, stamp: tuple[Any, ...]) -> Profile:
    """The enterprise's profile, read again only when ``stamp`` differs from the one kept."""
    with _lock:
        kept = _kept.get(enterprise_id)
        if kept is not None and kept[0] == stamp:
            _kept.move_to_end(enterprise_id)
            return kept[1]
    profile = _load(enterprise_id)
    with _lock:
        _kept[enterprise_id] = (stamp, profile)
        _kept.move_to_end(enterprise_id)
        while len(_kept) > SIZE:
            _kept.popitem(last=False)
    return profile


def reset() -> None:
    """Forget every kept profile (tests)."""
    with _lock:
        _kept.clear()
