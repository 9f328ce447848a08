"""Entity resolution for enterprises: the identity engine (engines.identity) fed from the
database, at every door (intake, imports, event registrations, the API) and in a batch scan.

Every live enterprise keeps its blocking keys in ``IdentityKey`` (refreshed by the services and
imports that write it), so checking one new record against the whole table reads a few index
entries and compares a handful of enterprises. The Unified Social Credit Code is unique here, so
two enterprises always carry two different valid codes: between stored enterprises the names
are compared without the codes and a pair is shown with the warning that the codes differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from goglobal.engines.identity import (
    REVIEW,
    THRESHOLD,
    Comparison,
    IdentityIndex,
    Record,
    blocking_keys,
    clean_code,
)
from goglobal.engines.identity.compare import compare_prepared, prepare
from goglobal.enterprises.models import DuplicateCandidate, DuplicateStatus, Enterprise, IdentityKey

# What each reason code says, in the reader's language.
REASONS = {
    "code_same": _("same Unified Social Credit Code"),
    "code_differs": _("different Unified Social Credit Codes"),
    "trade_same": _("same trade name"),
    "trade_pinyin": _("the English name spells the Chinese trade name"),
    "trade_initials": _("the English name is the initials of the Chinese trade name"),
    "trade_translated": _("the English name translates the Chinese trade name"),
    "trade_differs": _("different trade names"),
    "region_same": _("same region"),
    "region_within": _("a city of that province"),
    "region_conflict": _("different regions"),
    "industry_same": _("same industry"),
    "industry_compatible": _("industry words agree"),
    "industry_related": _("related industries"),
    "industry_missing": _("only one name states an industry"),
    "industry_conflict": _("different industries"),
    "group_differs": _("a group and a company of the group"),
    "branch_differs": _("a company and its branch"),
    "sector_same": _("same sector"),
    "sector_differs": _("different sectors"),
    "no_names": _("no name to compare"),
}
SCAN_LIMIT = 300  # candidates read for one check, at most (those sharing the most keys)
IDENTITY_FIELDS = (  # what a record of an enterprise is made from (``record_of``)
    "name_zh",
    "name_en",
    "aliases",
    "social_credit_code",
    "external_id",
    "city_id",
    "sector_id",
    "city__name_zh_hans",
    "sector__code",
)


def reason_labels(codes: Iterable[str]) -> list[str]:
    return [str(REASONS.get(code, code)) for code in codes]


def record_of(enterprise: Enterprise, *, with_code: bool = True) -> Record:
    """The engine's view of an enterprise: its names and aliases, code, city and sector."""
    city = getattr(enterprise, "city", None) if enterprise.city_id else None
    sector = getattr(enterprise, "sector", None) if enterprise.sector_id else None
    return Record.of(
        [enterprise.name_zh, enterprise.name_en, *(enterprise.aliases or [])],
        enterprise.social_credit_code if with_code else None,
        city.name_zh_hans if city is not None else None,
        sector.code if sector is not None else None,
    )


def identity_keys_refresh(ids: Iterable[int]) -> None:
    """Recompute the blocking keys of these enterprises (deleted ones lose theirs)."""
    ids = sorted(set(ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        IdentityKey.objects.filter(enterprise_id__in=chunk).delete()
        live = (
            Enterprise.objects.filter(pk__in=chunk, deleted_at__isnull=True)
            .select_related("city", "sector")
            .order_by()
        )
        IdentityKey.objects.bulk_create(
            [
                IdentityKey(enterprise_id=enterprise.pk, key=key[:80])
                for enterprise in live
                for key in sorted(blocking_keys(prepare(record_of(enterprise))))
            ],
            ignore_conflicts=True,
        )


@dataclass(frozen=True)
class Duplicate:
    """A stored enterprise that may be the record being checked."""

    enterprise: Enterprise
    comparison: Comparison  # names and code
    names: Comparison  # names only

    @property
    def same(self) -> bool:
        return self.comparison.same

    @property
    def codes_differ(self) -> bool:
        return "code_differs" in self.comparison.codes()

    @property
    def score(self) -> float:
        return self.names.score if self.codes_differ else self.comparison.score

    def reasons(self) -> list[str]:
        codes = self.names.codes() if self.codes_differ else self.comparison.codes()
        if self.codes_differ:
            codes = [*codes, "code_differs"]
        return reason_labels(codes)


def duplicates_of(
    record: Record, *, exclude: Iterable[int] = (), minimum: float = THRESHOLD, limit: int = 5
) -> list[Duplicate]:
    """Live enterprises whose names (or code) say they may be ``record``, best first.

    An enterprise is listed when the engine judges it the same (``minimum``), or when only the
    names are compared and they agree though the two valid codes differ (shown as such)."""
    keys = sorted(blocking_keys(prepare(record)))
    if not keys:
        return []
    # Enterprises sharing the most keys first (trade name, its pinyin and its initials agree).
    ids = list(
        IdentityKey.objects.filter(key__in=keys)
        .exclude(enterprise_id__in=list(exclude))
        .values("enterprise_id")
        .annotate(shared=Count("key"))
        .order_by("-shared", "enterprise_id")
        .values_list("enterprise_id", flat=True)[:SCAN_LIMIT]
    )
    prepared = prepare(record)
    names_only = prepare(Record(record.names, "", record.region, record.sector))
    found = []
    stored_rows = (
        # By primary key alone: with ``deleted_at`` or the default order in the query SQLite
        # walks the whole (deleted_at, created_at) index instead.
        Enterprise.objects.filter(pk__in=ids)
        .select_related("city", "sector")
        .only(*IDENTITY_FIELDS, "deleted_at")
        .order_by()
    )
    for enterprise in stored_rows:
        if enterprise.deleted_at is not None:
            continue
        stored = record_of(enterprise)
        comparison = compare_prepared(prepared, prepare(stored))
        names = comparison
        if "code_differs" in comparison.codes():
            names = compare_prepared(
                names_only, prepare(Record(stored.names, "", stored.region, stored.sector))
            )
        if comparison.score >= minimum or names.score >= minimum:
            found.append(Duplicate(enterprise, comparison, names))
    found.sort(key=lambda hit: (not hit.same, -hit.score, hit.enterprise.pk))
    return found[:limit]


def duplicates_of_enterprise(enterprise: Enterprise, *, limit: int = 5) -> list[Duplicate]:
    return duplicates_of(record_of(enterprise), exclude=[enterprise.pk], limit=limit)


def link_by_name(
    names: Iterable[str], *, code: str = "", region: str = "", minimum: float = THRESHOLD
) -> Enterprise | None:
    """The one live enterprise these names (and code) certainly are, or ``None``: two equally
    good enterprises, or names that only resemble, link to nothing."""
    record = Record.of(names, code, region)
    hits = [hit for hit in duplicates_of(record, minimum=minimum, limit=2) if hit.same]
    if hits and (len(hits) == 1 or "code_same" in hits[0].comparison.codes()):
        return hits[0].enterprise
    return None


def duplicates_note(ids: Iterable[int], *, limit: int = 1000) -> int:
    """At a door (intake, the API, an import): keep the possible duplicates of these new
    enterprises as candidates for the officers' review. Returns how many pairs were noted."""
    noted = 0
    for enterprise in Enterprise.objects.filter(
        pk__in=sorted(set(ids))[:limit], deleted_at__isnull=True
    ).select_related("city", "sector"):
        for hit in duplicates_of_enterprise(enterprise):
            first, second = sorted((enterprise.pk, hit.enterprise.pk))
            _row, created = DuplicateCandidate.objects.get_or_create(
                first_id=first,
                second_id=second,
                defaults={"score": hit.score, "reasons": [*hit.names.codes(), "code_differs"]},
            )
            noted += created
    return noted


@dataclass(frozen=True)
class ScanResult:
    enterprises: int
    pairs: int
    opened: int
    closed: int


def _records(batch: int = 2000) -> Iterable[tuple[int, Record]]:
    last = 0
    while True:
        chunk = list(
            Enterprise.objects.filter(pk__gt=last, deleted_at__isnull=True)
            .select_related("city", "sector")
            .order_by("pk")[:batch]
        )
        if not chunk:
            return
        for enterprise in chunk:
            yield enterprise.pk, record_of(enterprise, with_code=False)
        last = chunk[-1].pk


def _keys_sync(index: IdentityIndex[int]) -> None:
    """Bring every blocking key up to date with ``index`` (records written around the services:
    the demo, raw loads, the rows of a large import), writing only the keys that changed."""
    codes = dict(
        Enterprise.objects.filter(deleted_at__isnull=True)
        .order_by()
        .values_list("pk", "social_credit_code")
    )
    stored: dict[int, dict[str, int]] = {}
    for row_id, enterprise_id, key in IdentityKey.objects.values_list(
        "pk", "enterprise_id", "key"
    ).iterator(chunk_size=5000):
        stored.setdefault(enterprise_id, {})[key] = row_id
    stale_keys: list[int] = []
    fresh: list[IdentityKey] = []
    for enterprise_id, keys in stored.items():
        if enterprise_id not in codes:
            stale_keys.extend(keys.values())
    for pk, code in codes.items():
        wanted = {key[:80] for key in (*index.keys_of(pk), f"c:{clean_code(code)}")}
        have = stored.get(pk, {})
        stale_keys.extend(row_id for key, row_id in have.items() if key not in wanted)
        fresh.extend(IdentityKey(enterprise_id=pk, key=key) for key in wanted - set(have))
    for start in range(0, len(stale_keys), 900):
        IdentityKey.objects.filter(pk__in=stale_keys[start : start + 900]).delete()
    IdentityKey.objects.bulk_create(fresh, batch_size=2000, ignore_conflicts=True)


@transaction.atomic
def duplicates_scan() -> ScanResult:
    """Compare every live enterprise with the others (names only, blocked) and keep the pairs
    judged the same as candidates to review; pairs already dismissed or merged stay so."""
    index: IdentityIndex[int] = IdentityIndex()
    for pk, record in _records():
        index.add(pk, record)
    _keys_sync(index)
    found: dict[tuple[int, int], Comparison] = {}
    for first, second, comparison in index.scan(minimum=THRESHOLD):
        found[(min(first, second), max(first, second))] = comparison
    existing = {
        (row.first_id, row.second_id): row
        for row in DuplicateCandidate.objects.select_for_update().filter(
            Q(status=DuplicateStatus.OPEN)
            | Q(status=DuplicateStatus.DISMISSED)
            | Q(status=DuplicateStatus.MERGED)
        )
    }
    opened, updates = [], []
    for pair, comparison in found.items():
        row = existing.get(pair)
        reasons = comparison.codes()
        if row is None:
            opened.append(
                DuplicateCandidate(
                    first_id=pair[0], second_id=pair[1], score=comparison.score, reasons=reasons
                )
            )
        elif row.status == DuplicateStatus.OPEN:
            row.score, row.reasons = comparison.score, reasons
            updates.append(row)
    DuplicateCandidate.objects.bulk_create(opened, batch_size=500)
    DuplicateCandidate.objects.bulk_update(updates, ["score", "reasons"], batch_size=500)
    stale = [
        row.pk
        for pair, row in existing.items()
        if row.status == DuplicateStatus.OPEN and pair not in found
    ]
    DuplicateCandidate.objects.filter(pk__in=stale).delete()
    return ScanResult(len(index), len(found), len(opened), len(stale))


__all__ = [
    "REASONS",
    "REVIEW",
    "THRESHOLD",
    "Duplicate",
    "ScanResult",
    "duplicates_note",
    "duplicates_of",
    "duplicates_of_enterprise",
    "duplicates_scan",
    "identity_keys_refresh",
    "link_by_name",
    "reason_labels",
    "record_of",
]
