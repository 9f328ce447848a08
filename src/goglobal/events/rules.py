"""Pure decisions about events: who may do what, and which requests count."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from goglobal.accounts.models import Role

EVENT_MANAGERS = frozenset({Role.ADMIN, Role.ORGANISER})
EVENT_READERS = EVENT_MANAGERS | {Role.OFFICER}

MUST_MEET_WEIGHT = 3
WOULD_LIKE_WEIGHT = 1
WEIGHTS = {"must_meet": MUST_MEET_WEIGHT, "would_like": WOULD_LIKE_WEIGHT, "no_thanks": 0}


def _role(user: Any) -> str | None:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return str(user.role)


def can_view_events(user: Any) -> bool:
    """Organisers and administrators run events; officers read them."""
    return _role(user) in EVENT_READERS


def can_manage_events(user: Any) -> bool:
    return _role(user) in EVENT_MANAGERS


def weighted_requests(
    requests: Iterable[tuple[str, str, str]],
) -> list[tuple[str, str, int]]:
    """``(from, to, weight)`` for each ``(from, to, priority)`` that may lead to a meeting.

    "No thanks" from either side blocks the pair: neither direction counts.
    """
    rows = list(requests)
    blocked = {frozenset((a, b)) for a, b, priority in rows if priority == "no_thanks"}
    return [
        (a, b, WEIGHTS[priority])
        for a, b, priority in rows
        if priority != "no_thanks" and frozenset((a, b)) not in blocked
    ]


def under_served(requested: int, scheduled: int) -> bool:
    """A participant is under-served when it has fewer meetings than requested partners."""
    return scheduled < requested


def meeting_cap(own: int | None, quota: int | None) -> int | None:
    """The tighter of a participant's own cap and its group's quota; ``None``: no cap at all."""
    caps = [cap for cap in (own, quota) if cap is not None]
    return min(caps) if caps else None
