"""What the enterprise layer announces to the apps built on it, without knowing them.

``enterprises_changed`` is sent, inside the writing transaction, with ``ids``: enterprises whose
profile, needs or target markets a service or an import has just changed. Apps that keep copies
of those facts (the cases' filter keys) connect a receiver that calls one of their services.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal

enterprises_changed = Signal()


def announce_changed(ids: Iterable[int]) -> None:
    ids = sorted(set(ids))
    if ids:
        enterprises_changed.send(sender=None, ids=ids)
