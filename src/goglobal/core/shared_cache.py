"""Cached filter panels, and the one number that invalidates them in every process.

The list pages cache their filter panels (``{% cache %}`` in the templates) in Django's default
cache, which is Redis when ``REDIS_URL`` is set, so every web process shares them. Each cache
key includes ``panels_version``, a counter kept in the same cache: when a row the panels list
(sectors, countries, needs, groupings, areas, officers) is saved or deleted, the counter goes
up once the transaction commits, and every process builds fresh panels on its next request.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "goglobal:panels:version"
PANEL_SOURCES = {
    "knowledge.country",
    "knowledge.sector",
    "knowledge.needcode",
    "knowledge.marketgroup",
    "knowledge.administrativearea",
    "accounts.user",
}


def panels_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return int(version)


def panels_invalidate() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value differs from the cached keys'
        cache.add(VERSION_KEY, 2, timeout=None)


def _on_change(sender: Any, **kwargs: Any) -> None:
    if sender._meta.label_lower not in PANEL_SOURCES:
        return
    if set(kwargs.get("update_fields") or ()) == {"last_login"}:
        return
    transaction.on_commit(panels_invalidate, using=kwargs.get("using"))


def connect() -> None:
    post_save.connect(_on_change, dispatch_uid="goglobal.shared_cache.saved")
    post_delete.connect(_on_change, dispatch_uid="goglobal.shared_cache.deleted")
