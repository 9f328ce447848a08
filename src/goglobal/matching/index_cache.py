"""One provider index per process, built once and then changed incrementally.

Consistency rule (see docs/matching.md): the database is the truth; each process keeps its own
index and, before every suggestion request, asks the database what changed since it last looked
— providers whose ``updated_at`` is at or after its watermark (every write through
``providers.services`` sets it), vectors stored since its vector watermark, and the live count
(a row removed without a service, or a rolled-back test, shows as a count that differs: the
index is then rebuilt). A database older than the index — its newest provider or vector stamp
before the watermark, as after a rolled-back transaction or a restored backup — or another
database altogether also rebuilds it: the index never keeps entries, keyed by id, of rows that
are no longer there. The live count scans the whole table (12 ms at 20,000 providers on
PostgreSQL, growing with the table), so it runs at most once every
``GOGLOBAL_MATCH_INDEX_RECOUNT_SECONDS`` (default 60; 0 checks on every request, as the tests
do): every write through the services is seen on the next request, and only a row deleted
outright, past the services, can stay in the index until the next count. Open referrals this
month are read on every request (one grouped query), so capacity is never stale. A change is
therefore seen by every process on its next request; nothing has to be broadcast. The needs
taxonomy is read on every request too (a few rows): when a need is added, removed or reworded,
each provider's similarity with every need is computed again from the vectors the index holds
(``ProviderIndex.set_need_texts``).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.models import Max, Prefetch, QuerySet
from django.utils.crypto import salted_hmac

from goglobal.engines import matching as engine
from goglobal.engines.matching import index_file
from goglobal.knowledge.models import NeedCode
from goglobal.matching import freshness, outcomes
from goglobal.matching.adapters import to_provider
from goglobal.matching.models import ProfileVector
from goglobal.matching.vectors import provider_profiles
from goglobal.providers.models import ProviderMarket, ServiceProvider


@dataclass
class _State:
    index: engine.ProviderIndex
    watermark: datetime | None
    vector_watermark: datetime | None
    database: str
    need_texts: dict[str, tuple[str, str]]
    counted_at: float = field(default_factory=time.monotonic)
    origin: str = "built"  # or "file": read back from GOGLOBAL_MATCH_INDEX_FILE


logger = logging.getLogger(__name__)


def _database() -> str:
    """Which database this index was read from (another one must not reuse it)."""
    settings = connection.settings_dict
    return f"{connection.vendor}:{settings.get('HOST') or ''}:{settings.get('NAME')}"


def _behind(now: datetime | None, seen: datetime | None) -> bool:
    """The database's newest stamp is older than what the index has seen: not the same data."""
    return seen is not None and (now is None or now < seen)


_lock = threading.Lock()
_state: _State | None = None


def _providers() -> QuerySet[ServiceProvider]:
    return ServiceProvider.objects.prefetch_related(
        "needs",
        "sectors",
        Prefetch("markets", queryset=ProviderMarket.objects.select_related("country")),
    ).order_by("pk")


def _need_texts() -> dict[str, tuple[str, str]]:
    """What each need of the taxonomy asks for, as the engine encodes it (``codes.NEED_TEXTS``
    is the same reading of the bundled needs.csv): admins may add, reword or remove needs."""
    rows = NeedCode.objects.order_by("code").values_list(
        "code", "name_en", "description_en", "name_zh_hans", "description_zh_hans"
    )
    return {
        code: (f"{name_en}: {text_en}".strip(": "), f"{name_zh}：{text_zh}".strip("："))
        for code, name_en, text_en, name_zh, text_zh in rows
    }


def _vector_mark() -> datetime | None:
    mark: datetime | None = ProfileVector.objects.filter(
        kind=ProfileVector.Kind.PROVIDER
    ).aggregate(m=Max("updated_at"))["m"]
    return mark


def _file() -> Path | None:
    name = settings.GOGLOBAL_MATCH_INDEX_FILE
    return Path(name) if name else None


def _file_key() -> bytes:
    return salted_hmac("goglobal.matching.index_file", "key").digest()


def _save(state: _State) -> None:
    """Keep the freshly built index for the next process (see docs/matching.md)."""
    path = _file()
    if path is None:
        return
    extra = {
        "watermark": state.watermark,
        "vector_watermark": state.vector_watermark,
        "database": state.database,
        "need_texts": state.need_texts,
    }
    started = time.perf_counter()
    try:
        size = index_file.save(path, state.index, key=_file_key(), extra=extra)
    except OSError as error:  # a read-only or full disk costs the next process a build, no more
        logger.warning("matcher index not saved to %s: %s", path, error)
        return
    logger.info(
        "matcher index saved to %s (%d bytes, %.1f s)", path, size, time.perf_counter() - started
    )


def _read() -> _State | None:
    """The index a previous process saved, when it was read from this database by this code."""
    path = _file()
    if path is None:
        return None
    started = time.perf_counter()
    try:
        index, extra = index_file.load(path, key=_file_key())
    except FileNotFoundError:
        return None
    except Exception as error:  # any unreadable file means: build instead
        logger.warning("matcher index file %s not used: %s", path, error)
        return None
    if extra.get("database") != _database():
        return None
    logger.info("matcher index read from %s (%.1f s)", path, time.perf_counter() - started)
    # Counted at once: rows deleted outright since the file was written are found.
    return _State(index, extra["watermark"], extra["vector_watermark"], extra["database"],
                  extra["need_texts"], counted_at=-math.inf, origin="file")  # fmt: skip


def _build() -> _State:
    mark = _vector_mark()
    # Every row's stamp, removed ones too, read first: a row written while the rest are read is
    # read again on the next request rather than missed.
    watermark: datetime | None = ServiceProvider.objects.aggregate(m=Max("updated_at"))["m"]
    texts = _need_texts()
    rows = list(_providers().filter(deleted_at__isnull=True))
    vectors, read = provider_profiles()
    index = engine.ProviderIndex(
        [to_provider(row, read_needs=read.get(str(row.pk), ())) for row in rows],
        vectors,
        need_texts=texts,
    )
    state = _State(index, watermark, mark, _database(), texts)
    _save(state)
    return state


def _refresh(state: _State, mark: datetime | None) -> None:
    """Catch up with the providers and vectors changed since the watermarks (``mark``: the
    newest vector stamp now)."""
    if state.watermark is not None:
        changed = list(_providers().filter(updated_at__gte=state.watermark))
        vectors, read = provider_profiles([row.pk for row in changed])
        for row in changed:
            key = str(row.pk)
            state.watermark = max(state.watermark, row.updated_at)
            if row.deleted_at is not None:
                if key in state.index:
                    state.index.remove(key)
                continue
            state.index.add(to_provider(row, read_needs=read.get(key, ())), vectors.get(key))
    if mark is not None and mark != state.vector_watermark:
        since = state.vector_watermark
        rows = ProfileVector.objects.filter(kind=ProfileVector.Kind.PROVIDER)
        if since is not None:
            rows = rows.filter(updated_at__gte=since)
        ids = [str(pk) for pk in rows.values_list("object_id", flat=True)]
        fresh, read = provider_profiles([int(pk) for pk in ids])
        for key in ids:
            provider = state.index.get(key)
            if provider is not None and key in fresh:
                provider = replace(provider, read_needs=read.get(key, ()))
                state.index.add(provider, fresh[key])
        state.vector_watermark = mark


def _recount_due(state: _State) -> bool:
    every = settings.GOGLOBAL_MATCH_INDEX_RECOUNT_SECONDS
    return every <= 0 or time.monotonic() - state.counted_at >= every


def recount_due() -> bool:
    """Whether the next ``provider_index`` call counts the live providers (pass the count in
    the stamps it is given, or it counts on its own)."""
    return _state is None or _recount_due(_state)


def provider_index(
    stamps: freshness.Stamps | None = None, open_referrals: dict[int, int] | None = None
) -> engine.ProviderIndex:
    """This process's index, brought up to date with the database (see the module's rule).

    ``stamps`` and ``open_referrals``, when the caller read them (a suggestion request reads
    them with its own, in fewer statements), are used instead of asking again.
    """
    global _state
    with _lock:
        if stamps is None:
            stamps = freshness.read(count_live=recount_due())
        last, vector_mark = stamps.provider_mark, stamps.vector_mark
        if _state is None:
            _state = _read()
        if (
            _state is None
            or _state.database != _database()
            or _behind(last, _state.watermark)
            or _behind(vector_mark, _state.vector_watermark)
        ):
            _state = _build()
        elif last != _state.watermark or _state.vector_watermark != vector_mark:
            _refresh(_state, vector_mark)
        if _recount_due(_state):
            live = stamps.live
            if live is None:
                live = ServiceProvider.objects.filter(deleted_at__isnull=True).count()
            _state = _build() if len(_state.index) != live else _state
            _state.counted_at = time.monotonic()
        texts = _need_texts()
        if texts != _state.need_texts:  # a need added, removed or reworded
            _state.index.set_need_texts(texts)
            _state.need_texts = texts
        if open_referrals is None:
            open_referrals = outcomes.open_referrals(None)
        _state.index.set_open_referrals({str(pk): n for pk, n in open_referrals.items()})
        return _state.index


def origin() -> str | None:
    """Where this process's index came from: "built", "file", or None before the first use."""
    return None if _state is None else _state.origin


def rebuild() -> engine.ProviderIndex:
    """Build this process's index afresh from the database (and save it, when a file is set)."""
    global _state
    with _lock:
        _state = _build()
        return _state.index


def reset() -> None:
    """Forget this process's index (tests; after restoring a database)."""
    global _state
    with _lock:
        _state = None
