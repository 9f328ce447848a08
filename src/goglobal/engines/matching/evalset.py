"""Read and fully validate a judged set (``goglobal-match-eval/1``, docs/match-eval-format.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goglobal.engines.matching import fields as f
from goglobal.engines.matching.errors import FormatError
from goglobal.engines.matching.model import (
    CATEGORIES,
    Enterprise,
    Provider,
    ProviderQuery,
    TrackRecord,
)
from goglobal.engines.text import detect_language

FORMAT = "goglobal-match-eval/1"
NAMES = ("name_en", "name_zh_hans", "name_zh_hant")
_TOP = {"format", "providers", "queries", "description"}
_PROVIDER = {
    *NAMES,
    *("id", "category", "needs", "sectors", "office_markets", "network_markets", "languages"),
    *("capacity", "description", "open_referrals", "works_globally"),
}
_QUERY = {"id", "need", "market", "enterprise", "relevant", "conflicted", "track_records", "note"}
_ENTERPRISE = {
    *NAMES,
    *("sector", "province", "city", "description", "target_markets", "needs", "languages"),
}
_RECORD = {"accepted", "completed", "declined"}


@dataclass(frozen=True, slots=True)
class JudgedQuery:
    id: str
    query: ProviderQuery
    relevant: dict[str, int]  # provider id → grade 0–3; unlisted providers count as 0
    language: str  # of the enterprise text: "en", "zh-hans" or "zh-hant"


@dataclass(frozen=True, slots=True)
class JudgedSet:
    providers: tuple[Provider, ...]
    queries: tuple[JudgedQuery, ...]


def load_judged_set(source: str | Path | Mapping[str, Any]) -> JudgedSet:
    """Parse a judged set from a JSON file path or a decoded dict; raise ``FormatError``."""
    data = f.read_json(source, "judged set")
    f.only_keys(data, _TOP, "judged set")
    if data.get("format") != FORMAT:
        raise FormatError("format", f"must be {FORMAT!r}, got {data.get('format')!r}")
    entries = f.array(f.required(data, "providers", ""), "providers")
    providers = tuple(_provider(entry, f"providers[{i}]") for i, entry in enumerate(entries))
    known: set[str] = set()
    for i, provider in enumerate(providers):
        if provider.id in known:
            raise FormatError(f"providers[{i}].id", f"{provider.id!r} is used twice")
        known.add(provider.id)
    entries = f.array(f.required(data, "queries", ""), "queries")
    if not entries:
        raise FormatError("queries", "must hold at least one query")
    queries = tuple(_query(entry, f"queries[{i}]", known) for i, entry in enumerate(entries))
    seen: set[str] = set()
    for i, query in enumerate(queries):
        if query.id in seen:
            raise FormatError(f"queries[{i}].id", f"{query.id!r} is used twice")
        seen.add(query.id)
    return JudgedSet(providers, queries)


def _names(entry: Mapping[str, Any], where: str) -> tuple[str, ...]:
    return tuple(name for key in NAMES if (name := f.optional_text(entry, key, where)))


def _provider(value: object, where: str) -> Provider:
    entry = f.obj(value, where)
    f.only_keys(entry, _PROVIDER, where)
    category = f.text(f.required(entry, "category", where), f"{where}.category")
    if category not in CATEGORIES:
        raise FormatError(f"{where}.category", f"unknown category {category!r}")
    needs = f.codes(entry, "needs", where, f.need) if "needs" in entry else ()  # may be empty
    capacity = entry.get("capacity")
    return Provider(
        id=f.text(f.required(entry, "id", where), f"{where}.id"),
        category=category,
        needs=frozenset(needs),
        sectors=frozenset(f.codes(entry, "sectors", where, f.division)),
        office_markets=frozenset(f.codes(entry, "office_markets", where, f.country)),
        network_markets=frozenset(f.codes(entry, "network_markets", where, f.country)),
        languages=frozenset(f.codes(entry, "languages", where, f.language)),
        capacity=None if capacity is None else f.integer(capacity, f"{where}.capacity", minimum=0),
        open_referrals=f.integer(
            entry.get("open_referrals", 0), f"{where}.open_referrals", minimum=0
        ),
        works_globally=f.boolean(entry.get("works_globally", False), f"{where}.works_globally"),
        names=_names(entry, where),
        description=f.optional_text(entry, "description", where),
    )


def _enterprise(value: object, where: str, query_id: str) -> Enterprise:
    entry = f.obj(value, where)
    f.only_keys(entry, _ENTERPRISE, where)
    sector = entry.get("sector")
    languages = f.codes(entry, "languages", where, f.language)
    return Enterprise(
        id=query_id,
        sector=None if sector is None else f.division(sector, f"{where}.sector"),
        names=_names(entry, where),
        description=f.optional_text(entry, "description", where),
        province=f.optional_text(entry, "province", where),
        city=f.optional_text(entry, "city", where),
        target_markets=f.codes(entry, "target_markets", where, f.country),
        needs=f.codes(entry, "needs", where, f.need),
        languages=frozenset(languages) if languages else frozenset({"zh"}),
    )


def _query(value: object, where: str, known: set[str]) -> JudgedQuery:
    entry = f.obj(value, where)
    f.only_keys(entry, _QUERY, where)
    query_id = f.text(f.required(entry, "id", where), f"{where}.id")
    market = entry.get("market")
    enterprise = _enterprise(
        f.required(entry, "enterprise", where), f"{where}.enterprise", query_id
    )
    query = ProviderQuery(
        enterprise=enterprise,
        need=f.need(f.required(entry, "need", where), f"{where}.need"),
        market=None if market is None else f.country(market, f"{where}.market"),
        conflicted=frozenset(_known_ids(entry, "conflicted", where, known)),
        track_records=_records(entry, where, known),
    )
    text = enterprise.description or " ".join(enterprise.names)
    return JudgedQuery(query_id, query, _relevant(entry, where, known), detect_language(text))


def _known_ids(entry: Mapping[str, Any], key: str, where: str, known: set[str]) -> list[str]:
    values = f.array(entry.get(key, []), f"{where}.{key}")
    result = [f.text(value, f"{where}.{key}[{i}]") for i, value in enumerate(values)]
    for i, provider_id in enumerate(result):
        if provider_id not in known:
            raise FormatError(f"{where}.{key}[{i}]", f"unknown provider {provider_id!r}")
    return result


def _relevant(entry: Mapping[str, Any], where: str, known: set[str]) -> dict[str, int]:
    grades = f.obj(f.required(entry, "relevant", where), f"{where}.relevant")
    result = {}
    for provider_id, grade in grades.items():
        if provider_id not in known:
            raise FormatError(f"{where}.relevant.{provider_id}", "unknown provider")
        result[provider_id] = f.integer(
            grade, f"{where}.relevant.{provider_id}", minimum=0, maximum=3
        )
    return result


def _records(
    entry: Mapping[str, Any], where: str, known: set[str]
) -> tuple[tuple[str, TrackRecord], ...]:
    records = f.obj(entry.get("track_records", {}), f"{where}.track_records")
    result = []
    for provider_id, value in sorted(records.items()):
        at = f"{where}.track_records.{provider_id}"
        if provider_id not in known:
            raise FormatError(at, "unknown provider")
        counts = f.obj(value, at)
        f.only_keys(counts, _RECORD, at)
        numbers = {key: f.integer(counts.get(key, 0), f"{at}.{key}", minimum=0) for key in _RECORD}
        result.append(
            (
                provider_id,
                TrackRecord(numbers["accepted"], numbers["completed"], numbers["declined"]),
            )
        )
    return tuple(result)
