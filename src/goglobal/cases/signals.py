"""What the cases layer announces to the apps built on it, without knowing them.

``cases_changed`` is sent, inside the writing transaction, with ``ids``: cases whose stage,
details, outcomes, confirmations or referrals a service has just written. Apps that keep counts
of those rows (the impact figures' daily rollup) connect a receiver that calls one of their
services, so a failed write rolls their counts back with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal

cases_changed = Signal()


def announce_cases_changed(ids: Iterable[int]) -> None:
    ids = sorted(set(ids))
    if ids:
        cases_changed.send(sender=None, ids=ids)
