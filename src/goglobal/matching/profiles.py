"""The enterprise as the matcher reads it, kept per process and reused while its stamp holds.

An officer asks for one enterprise's needs one after another (the page's "Suggest again", the
API), so the profile — sector, names, description, places, target markets, needs, the contacts'
languages — is read once (two statements) and then reused as long as the stamp read with the
request's other stamps (``freshness.read``: the enterprise's version and ``updated_at``, its
contacts' and needs' counts and newest ``updated_at``, its groupings' current members) is the
same. Every write through ``enterprises.services`` changes one of them; so does a contact or a
need saved any other way through the ORM (``auto_now``). At most ``SIZE`` profiles are kept, the
least recently used dropped first.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Model

from goglobal.engines import matching as engine
from goglobal.enterprises.models import Contact, Enterprise, EnterpriseNeed
from goglobal.knowledge.models import (
    AdministrativeArea,
    Country,
    MarketGroupMembership,
    NeedCode,
    Sector,
)

SIZE = 5_000


@dataclass(frozen=True)
class Profile:
    enterprise: engine.Enterprise
    sector: Sector | None  # with its section loaded: what track records are counted for


_lock = threading.Lock()
_kept: OrderedDict[int, tuple[tuple[Any, ...], Profile]] = OrderedDict()


def _tables() -> dict[str, str]:
    models: dict[str, type[Model]] = {
        "enterprises": Enterprise,
        "sectors": Sector,
        "areas": AdministrativeArea,
        "contacts": Contact,
        "countries": Country,
        "targets": Enterprise.target_countries.through,
        "groups": Enterprise.target_groups.through,
        "members": MarketGroupMembership,
        "needs": EnterpriseNeed,
        "codes": NeedCode,
    }
    return {name: connection.ops.quote_name(m._meta.db_table) for name, m in models.items()}


# {names} are the models' tables (never input), %s the enterprise's id.
_ROW = (
    "SELECT e.id, e.name_zh, e.name_en, e.description, s.id, s.code, s.section_id, t.code,"
    " p.code, c.code FROM {enterprises} e JOIN {sectors} s ON s.id = e.sector_id"
    " LEFT JOIN {sectors} t ON t.id = s.section_id JOIN {areas} p ON p.id = e.province_id"
    " JOIN {areas} c ON c.id = e.city_id WHERE e.id = %s"
)
# Everything listed, one row each: (kind, text, order).
_LISTS = (
    "SELECT 1, CAST(languages AS TEXT), id FROM {contacts} WHERE enterprise_id = %s"
    " UNION ALL SELECT 2, c.code, 0 FROM {targets} t JOIN {countries} c ON c.id = t.country_id"
    " WHERE t.enterprise_id = %s"
    " UNION ALL SELECT 3, c.code, 0 FROM {members} m JOIN {countries} c ON c.id = m.country_id"
    " WHERE m.left_on IS NULL"
    " AND m.group_id IN (SELECT marketgroup_id FROM {groups} WHERE enterprise_id = %s)"
    " UNION ALL SELECT 4, n.code, n.sort_order FROM {needs} x JOIN {codes} n ON n.id = x.need_id"
    " WHERE x.enterprise_id = %s"
)


def _load(enterprise_id: int) -> Profile:
    """The profile in two statements (the enterprise with its codes; everything it lists)."""
    tables = _tables()
    with connection.cursor() as cursor:
        cursor.execute(_ROW.format(**tables), [enterprise_id])
        row = cursor.fetchone()
        if row is None:
            raise Enterprise.DoesNotExist(f"enterprise {enterprise_id}")
        cursor.execute(_LISTS.format(**tables), [enterprise_id] * 4)
        listed = cursor.fetchall()
    pk, name_zh, name_en, description, sector_id, sector, section_id, section, province, city = row
    languages = {code for kind, text, _ in listed if kind == 1 for code in json.loads(text or "[]")}
    countries = sorted(text for kind, text, _ in listed if kind == 2)
    members = sorted(text for kind, text, _ in listed if kind == 3)
    needs = [text for kind, text, _ in sorted((r for r in listed if r[0] == 4), key=_need_order)]
    profile = engine.Enterprise(
        id=str(pk),
        sector=sector,
        names=tuple(n for n in (name_zh, name_en) if n),
        description=description,
        province=province,
        city=city,
        target_markets=tuple(dict.fromkeys([*countries, *members])),
        needs=tuple(needs),
        languages=frozenset(languages) or frozenset({"zh"}),
    )
    # What track records are counted for: the division with its section, as the ORM would hold
    sector_row = Sector(pk=sector_id, code=sector, section_id=section_id)
    if section_id is not None:
        sector_row.section = Sector(pk=section_id, code=section)
    return Profile(profile, sector_row)


def _need_order(row: tuple[Any, ...]) -> tuple[int, str]:
    return int(row[2]), str(row[1])


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
