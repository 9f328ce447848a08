"""Signals the directory sends so that apps above it can follow changes.

``providers_changed`` is sent inside the writing transaction with ``ids``: providers whose
profile (names, description, codes) was created or changed. The matching app's receiver
schedules the profile vector on commit (it sits above ``providers`` and may not be imported).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal

providers_changed = Signal()


def announce_changed(ids: Iterable[int]) -> None:
    providers_changed.send(sender=None, ids=list(ids))
