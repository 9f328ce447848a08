"""What a suggestion request must know is current, read in one statement.

Before ranking, a request asks the database: the newest provider and provider-vector stamps
(is this process's index current?), optionally the live provider count (the index's periodic
recount), how many batches were suggested for this enterprise and need (the rotation key), the
enterprise's stored vector, and the enterprise profile's stamp (its version and ``updated_at``,
and the count and newest ``updated_at`` of its contacts and needs, and which members its target
groupings have now), by which this process's cached profile is reused. Each answer is a scalar
subquery on an index (the count excepted), so one statement costs one round trip and, written
in SQL here rather than composed by the ORM, almost none of the ORM's compile time (about 1 ms
of CPU a query, which made up most of a request; docs/benchmarks.md). Plain SQL that SQLite and
PostgreSQL both run; table and column names come from the models.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import connection
from django.db.models import Model
from django.utils.dateparse import parse_datetime

from goglobal.engines.matching import embed
from goglobal.enterprises.models import Contact, Enterprise, EnterpriseNeed
from goglobal.knowledge.models import MarketGroupMembership
from goglobal.matching.models import MatchSuggestion, ProfileVector
from goglobal.providers.models import ServiceProvider


@dataclass(frozen=True)
class Stamps:
    provider_mark: datetime | None
    vector_mark: datetime | None
    live: int | None = None  # providers not deleted; None when not counted
    rotation: int = 0
    enterprise_vector: bytes | None = None
    enterprise: tuple[Any, ...] = ()  # the profile's stamp; () when no enterprise was asked


def _tables() -> dict[str, str]:
    models: dict[str, type[Model]] = {
        "providers": ServiceProvider,
        "vectors": ProfileVector,
        "enterprises": Enterprise,
        "contacts": Contact,
        "needs": EnterpriseNeed,
        "suggestions": MatchSuggestion,
        "members": MarketGroupMembership,
        "groups": Enterprise.target_groups.through,
    }
    return {name: connection.ops.quote_name(m._meta.db_table) for name, m in models.items()}


def _when(value: Any) -> datetime | None:
    """A timestamp as the ORM reads it (SQLite hands back text, stored in UTC)."""
    if value is None or isinstance(value, datetime):
        return value
    parsed = parse_datetime(str(value))
    if parsed is not None and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


# Each one scalar subquery; {names} are the models' tables (never input), %s the parameters.
_PROVIDERS = [
    "(SELECT MAX(updated_at) FROM {providers})",
    "(SELECT MAX(updated_at) FROM {vectors} WHERE kind = %s)",
]
_LIVE = "(SELECT COUNT(*) FROM {providers} WHERE deleted_at IS NULL)"
_ENTERPRISE = [
    "(SELECT COUNT(DISTINCT batch) FROM {suggestions} WHERE enterprise_id = %s AND need_id = %s)",
    "(SELECT vector FROM {vectors} WHERE kind = %s AND object_id = %s AND model_version = %s)",
    "(SELECT version FROM {enterprises} WHERE id = %s)",
    "(SELECT updated_at FROM {enterprises} WHERE id = %s)",
    "(SELECT COUNT(*) FROM {contacts} WHERE enterprise_id = %s)",
    "(SELECT MAX(updated_at) FROM {contacts} WHERE enterprise_id = %s)",
    "(SELECT COUNT(*) FROM {needs} WHERE enterprise_id = %s)",
    "(SELECT MAX(updated_at) FROM {needs} WHERE enterprise_id = %s)",
    # the groupings' current members: a member joining or leaving changes the count or the sum
    "(SELECT COUNT(*) FROM {members} WHERE left_on IS NULL"
    " AND group_id IN (SELECT marketgroup_id FROM {groups} WHERE enterprise_id = %s))",
    "(SELECT SUM(country_id) FROM {members} WHERE left_on IS NULL"
    " AND group_id IN (SELECT marketgroup_id FROM {groups} WHERE enterprise_id = %s))",
]


def read(
    *, enterprise_id: int | None = None, need_id: int | None = None, count_live: bool = False
) -> Stamps:
    """The stamps, in one statement; the enterprise's part only when ``enterprise_id`` is given."""
    parts = list(_PROVIDERS)
    params: list[Any] = [ProfileVector.Kind.PROVIDER]
    if count_live:
        parts.append(_LIVE)
    if enterprise_id is not None:
        parts.extend(_ENTERPRISE)
        params += [enterprise_id, need_id or 0, ProfileVector.Kind.ENTERPRISE, enterprise_id,
                   embed.MODEL_VERSION, *[enterprise_id] * 8]  # fmt: skip
    sql = "SELECT " + ", ".join(parts).format(**_tables())
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = list(cursor.fetchone())
    provider_mark, vector_mark = _when(row.pop(0)), _when(row.pop(0))
    live = int(row.pop(0)) if count_live else None
    if enterprise_id is None:
        return Stamps(provider_mark, vector_mark, live)
    rotation, vector = int(row[0] or 0), row[1]
    profile = (row[2], _when(row[3]), row[4], _when(row[5]), row[6], _when(row[7]), row[8],
               row[9])  # fmt: skip
    return Stamps(
        provider_mark,
        vector_mark,
        live,
        rotation=rotation,
        enterprise_vector=None if vector is None else bytes(vector),
        enterprise=profile,
    )
