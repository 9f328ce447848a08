"""Pure decisions about cases and referrals: workflows as data, no I/O."""

from __future__ import annotations

import datetime
import itertools

LEAD = "lead"
PIPELINE: tuple[str, ...] = (
    "lead",
    "qualified",
    "needs_assessed",
    "matched",
    "in_progress",
    "landed_hk",
    "expanded_abroad",
)
DORMANT = "dormant"
CLOSED = "closed"
STAGES: tuple[str, ...] = (*PIPELINE, DORMANT, CLOSED)

# Each stage moves one step forward; dormant and closed are reachable from anywhere; a dormant
# or closed case is reopened at the lead stage.
STAGE_MOVES: dict[str, frozenset[str]] = {
    **{
        stage: frozenset({following, DORMANT, CLOSED})
        for stage, following in itertools.pairwise(PIPELINE)
    },
    "expanded_abroad": frozenset({DORMANT, CLOSED}),
    DORMANT: frozenset({LEAD, CLOSED}),
    CLOSED: frozenset({LEAD}),
}


def can_move(current: str, target: str, *, reason: str = "") -> bool:
    """A move is allowed when the workflow lists it; closing also needs a reason."""
    if target not in STAGE_MOVES.get(current, frozenset()):
        return False
    return target != CLOSED or bool(reason.strip())


def next_stages(current: str) -> list[str]:
    return [stage for stage in STAGES if stage in STAGE_MOVES.get(current, frozenset())]


# Referral workflow: who may make each move.
OFFICER = "officer"
PROVIDER = "provider"
REFERRAL_MOVES: dict[tuple[str, str], str] = {
    ("proposed", "sent"): OFFICER,
    ("proposed", "withdrawn"): OFFICER,
    ("sent", "accepted"): PROVIDER,
    ("sent", "declined"): PROVIDER,
    ("sent", "withdrawn"): OFFICER,
    ("accepted", "in_progress"): PROVIDER,
    ("accepted", "completed"): PROVIDER,
    ("accepted", "withdrawn"): OFFICER,
    ("in_progress", "in_progress"): PROVIDER,
    ("in_progress", "completed"): PROVIDER,
    ("in_progress", "withdrawn"): OFFICER,
}
ACCEPTED_STATUSES = frozenset({"accepted", "in_progress", "completed"})
PROVIDER_INBOX_STATUSES = frozenset({"sent", "accepted", "declined", "in_progress", "completed"})


def can_move_referral(current: str, target: str, *, side: str) -> bool:
    return REFERRAL_MOVES.get((current, target)) == side


def referral_needs_reason(target: str) -> bool:
    return target in {"declined", "completed"}


def has_accepted(status: str) -> bool:
    return status in ACCEPTED_STATUSES


# Data minimisation: what a provider sees of the enterprise behind a referral.
PROVIDER_BASE_FIELDS = frozenset({"need", "sector", "size_band", "markets", "description"})


def provider_visible_fields(*, accepted: bool, consent: bool) -> frozenset[str]:
    """Before accepting: the need and a profile without names. After: the other needs, and the
    contacts only if at least one contact consented to be introduced."""
    fields = set(PROVIDER_BASE_FIELDS)
    if accepted:
        fields |= {"name", "other_needs"}
        if consent:
            fields.add("contacts")
    return frozenset(fields)


def reply_is_overdue(*, status: str, days_waiting: int, reply_days: int) -> bool:
    return status == "sent" and days_waiting > reply_days


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """``days`` working days (Monday to Friday) after ``start``; public holidays not counted."""
    day = start
    left = days
    while left > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day
