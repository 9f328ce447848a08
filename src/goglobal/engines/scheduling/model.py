"""The scheduling model: an instance (input) and a result (output), as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

FORMAT = "goglobal-schedule/1"
RESULT_FORMAT = "goglobal-schedule-result/1"

Pair = tuple[str, str]


def pair_of(first: str, second: str) -> Pair:
    """Return the two participant ids of a meeting in a canonical (sorted) order."""
    return (first, second) if first <= second else (second, first)


@dataclass(frozen=True, slots=True)
class Slot:
    id: str
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    name: str
    organisation: str
    available: frozenset[str]  # slot ids; every slot when the input omits "available"
    max_meetings: int | None  # None: no cap beyond the slots


@dataclass(frozen=True, slots=True)
class Request:
    from_id: str
    to_id: str
    weight: int


@dataclass(frozen=True, slots=True)
class Meeting:
    participants: Pair  # sorted
    slot: str
    table: str


@dataclass(frozen=True, slots=True)
class Instance:
    slots: tuple[Slot, ...]
    tables: tuple[str, ...]
    participants: tuple[Participant, ...]
    requests: tuple[Request, ...]
    fixed: tuple[Meeting, ...] = ()

    def pair_values(self) -> dict[Pair, int]:
        """Value of every requested pair: the sum of the weights of requests in either direction."""
        values: dict[Pair, int] = {}
        for request in self.requests:
            pair = pair_of(request.from_id, request.to_id)
            values[pair] = values.get(pair, 0) + request.weight
        return values


@dataclass(frozen=True, slots=True)
class Unscheduled:
    participants: Pair
    reason: str  # "no_common_slot" | "cap_reached" | "slots_taken"


@dataclass(frozen=True, slots=True)
class Changes:
    """How a re-planned schedule differs from the previous one (counted in meetings)."""

    kept: int
    moved: int
    dropped: int
    added: int


@dataclass(frozen=True, slots=True)
class Result:
    meetings: tuple[Meeting, ...]
    value: int
    upper_bound: int
    status: str  # "optimal" | "feasible"
    seconds: float
    unscheduled: tuple[Unscheduled, ...]
    changes: Changes | None = None
    bound_method: str = ""

    @property
    def ratio(self) -> float:
        return 1.0 if self.upper_bound == 0 else self.value / self.upper_bound
