"""The duplicate check of an import, batch by batch instead of row by row.

``enterprises.identity.duplicates_of`` answers one record with two queries; an import asks for
a thousand rows at a time. Here the blocking keys of the whole batch are computed in one pass,
the stored holders of all of them are read with one query per block of keys, and the candidate
enterprises with one query per block of ids, so every row of a file is checked at a cost that
does not grow with queries per row. The candidates and their order are those ``duplicates_of``
would give (the ``SCAN_LIMIT`` enterprises sharing the most keys, then the engine's judgement).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TypeVar

from goglobal.engines.identity import THRESHOLD, Record, blocking_keys
from goglobal.engines.identity.compare import Prepared, compare_prepared, prepare
from goglobal.enterprises.identity import IDENTITY_FIELDS, SCAN_LIMIT, Duplicate, record_of
from goglobal.enterprises.models import DuplicateCandidate, Enterprise, IdentityKey

T = TypeVar("T")
_BLOCK = 900  # values per IN (…) list: under SQLite's bound on query parameters


def _blocks(values: Sequence[T]) -> Iterable[list[T]]:
    for start in range(0, len(values), _BLOCK):
        yield list(values[start : start + _BLOCK])


def _candidates(keys: list[set[str]], exclude: Sequence[int | None] | None) -> list[list[int]]:
    """For each key set, the ``SCAN_LIMIT`` enterprises sharing the most keys (one query per
    block of keys for all of them)."""
    holders: dict[str, list[int]] = defaultdict(list)
    for block in _blocks(sorted(set().union(*keys)) if keys else []):
        for enterprise_id, key in IdentityKey.objects.filter(key__in=block).values_list(
            "enterprise_id", "key"
        ):
            holders[key].append(enterprise_id)
    candidates: list[list[int]] = []
    for position, record_keys in enumerate(keys):
        shared: Counter[int] = Counter()
        for key in record_keys:
            shared.update(holders.get(key, ()))
        if exclude is not None and exclude[position] is not None:
            shared.pop(exclude[position], None)  # type: ignore[arg-type]
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:SCAN_LIMIT]
        candidates.append([enterprise_id for enterprise_id, _count in ranked])
    return candidates


def _stored(ids: Iterable[int]) -> dict[int, tuple[Enterprise, Prepared, Prepared]]:
    """Live enterprises by id, each prepared with its code and without it."""
    stored = {}
    for block in _blocks(sorted(set(ids))):
        for enterprise in (
            Enterprise.objects.filter(pk__in=block)
            .select_related("city", "sector")
            .only(*IDENTITY_FIELDS, "deleted_at")
            .order_by()
        ):
            if enterprise.deleted_at is not None:
                continue
            record = record_of(enterprise)
            names_only = Record(record.names, "", record.region, record.sector)
            stored[enterprise.pk] = (enterprise, prepare(record), prepare(names_only))
    return stored


def duplicates_of_many(
    records: Sequence[Record],
    *,
    exclude: Sequence[int | None] | None = None,
    minimum: float = THRESHOLD,
    limit: int = 5,
) -> list[list[Duplicate]]:
    """For each record, the live enterprises that may be it, best first (as ``duplicates_of``).

    ``exclude[i]`` is an enterprise never listed for record ``i`` (the record itself)."""
    prepared = [prepare(record) for record in records]
    candidates = _candidates([blocking_keys(item) for item in prepared], exclude)
    stored = _stored(pk for ids in candidates for pk in ids)
    results = []
    for record, item, ids in zip(records, prepared, candidates, strict=True):
        names_only = prepare(Record(record.names, "", record.region, record.sector))
        found = []
        for enterprise, full, names in (stored[pk] for pk in ids if pk in stored):
            comparison = compare_prepared(item, full)
            by_names = comparison
            if "code_differs" in comparison.codes():
                by_names = compare_prepared(names_only, names)
            if comparison.score >= minimum or by_names.score >= minimum:
                found.append(Duplicate(enterprise, comparison, by_names))
        found.sort(key=lambda hit: (not hit.same, -hit.score, hit.enterprise.pk))
        results.append(found[:limit])
    return results


def duplicates_note_many(ids: Iterable[int]) -> int:
    """``enterprises.identity.duplicates_note`` for every enterprise of an import batch: the
    possible duplicates of these new enterprises become candidates for the officers' review,
    with a handful of queries for the whole batch. Returns how many pairs were noted."""
    enterprises: list[Enterprise] = []
    for block in _blocks(sorted(set(ids))):
        enterprises.extend(
            Enterprise.objects.filter(pk__in=block, deleted_at__isnull=True)
            .select_related("city", "sector")
            .order_by("pk")
        )
    if not enterprises:
        return 0
    hits = duplicates_of_many(
        [record_of(enterprise) for enterprise in enterprises],
        exclude=[enterprise.pk for enterprise in enterprises],
    )
    pairs: dict[tuple[int, int], Duplicate] = {}
    for enterprise, found in zip(enterprises, hits, strict=True):
        for hit in found:
            first, second = sorted((enterprise.pk, hit.enterprise.pk))
            pairs.setdefault((first, second), hit)
    existing: set[tuple[int, int]] = set()
    firsts = sorted({first for first, _second in pairs})
    for block in _blocks(firsts):
        existing.update(
            DuplicateCandidate.objects.filter(first_id__in=block).values_list(
                "first_id", "second_id"
            )
        )
    new = [
        DuplicateCandidate(
            first_id=first,
            second_id=second,
            score=hit.score,
            reasons=[*hit.names.codes(), "code_differs"],
        )
        for (first, second), hit in sorted(pairs.items())
        if (first, second) not in existing
    ]
    DuplicateCandidate.objects.bulk_create(new, batch_size=500, ignore_conflicts=True)
    return len(new)
