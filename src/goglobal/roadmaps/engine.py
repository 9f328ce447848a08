"""The platform's side of the roadmap engine: the knowledge snapshot, cached, and the call.

The snapshot of the knowledge base is built once per process and kept while the knowledge
base stays the same. Whether it did is read cheaply on every call (row counts and the latest
checked dates of the tables the engine reads, a few aggregate queries), so a ``knowledge
load`` or an edit in the admin reaches the next roadmap any process computes; the roadmap
stores the hash of the snapshot's content, so a regeneration can say the knowledge changed.
"""

from __future__ import annotations

import hashlib
import threading
from datetime import date
from typing import Any

from django.db import connection

from goglobal.engines.roadmap import Snapshot, build_roadmap, parse_profile, render
from goglobal.knowledge import models as knowledge
from goglobal.knowledge.services.snapshot import snapshot_build

_WATCHED = (
    knowledge.Agreement,
    knowledge.AgreementParty,
    knowledge.Office,
    knowledge.HongKongFunction,
    knowledge.FunctionStep,
    knowledge.FunctionPoint,
    knowledge.Scheme,
    knowledge.RuleValue,
    knowledge.IndicatorValue,
    knowledge.Source,
)
_lock = threading.Lock()
_cached: dict[str, tuple[str, Snapshot, str]] = {}


def _fingerprint() -> str:
    """Row count, highest id and latest checked date of every table the engine reads, in one
    query (a ``UNION ALL`` of one aggregate per table)."""
    parts = []
    for model in _WATCHED:
        table = connection.ops.quote_name(model._meta.db_table)
        has_day = any(f.name == "checked_on" for f in model._meta.get_fields())
        day = "MAX(checked_on)" if has_day else "NULL"
        parts.append(f"SELECT COUNT(*), MAX(id), {day} FROM {table}")  # noqa: S608 - our tables
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts))
        rows = cursor.fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def snapshot() -> tuple[Snapshot, str]:
    """The knowledge snapshot and the hash of its content, rebuilt when the base changed."""
    fingerprint = _fingerprint()
    with _lock:
        found = _cached.get("snapshot")
        if found is not None and found[0] == fingerprint:
            return found[1], found[2]
    built = snapshot_build()
    content = hashlib.sha256(repr(built).encode()).hexdigest()
    with _lock:
        _cached["snapshot"] = (fingerprint, built, content)
    return built, content


def compute(
    profile_document: dict[str, Any], knowledge: tuple[Snapshot, str] | None = None
) -> tuple[dict[str, Any], str]:
    """The engine's roadmap for a ``goglobal-roadmap-profile/1`` document, and the knowledge
    hash it was computed on. The stored document keeps fact statements in all languages.
    ``knowledge`` passes a snapshot already read (a batch reads it once)."""
    profile = parse_profile(profile_document, today=date.fromisoformat(profile_document["as_of"]))
    built, content = knowledge or snapshot()
    return build_roadmap(profile, built).document, content


def describe(code: str, params: dict[str, Any], language: str) -> str:
    """One reason or condition as a sentence in ``language`` (the engine's message table)."""
    return render([code, params], _engine_language(language))


def _engine_language(language: str) -> str:
    code = (language or "en").lower()
    if code.startswith("zh-hant") or code in {"zh-tw", "zh-hk"}:
        return "zh-hant"
    if code.startswith("zh"):
        return "zh-hans"
    return "en"
