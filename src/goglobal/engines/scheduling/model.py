"""The scheduling model: an instance (input) and a result (output), as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

FORMAT = "goglobal-schedule/1"
FORMAT_2 = "goglobal-schedule/2"
RESULT_FORMAT = "goglobal-schedule-result/1"
RESULT_FORMAT_2 = "goglobal-schedule-result/2"
ANY_SESSION = "any"

Pair = tuple[str, ...]  # two participant ids, sorted
Members = tuple[str, ...]  # participant ids of one meeting, sorted (two, or more when shared)


def pair_of(first: str, second: str) -> Pair:
    """Return the two participant ids of a meeting in a canonical (sorted) order."""
    return (first, second) if first <= second else (second, first)


@dataclass(frozen=True, slots=True)
class Slot:
    id: str
    start: datetime
    end: datetime
    session: str = ""  # e.g. "morning" / "afternoon" (format 2)


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    name: str
    organisation: str
    available: frozenset[str]  # slot ids; every slot when the input omits "available"
    max_meetings: int | None  # None: no cap beyond the slots
    groups: frozenset[str] = frozenset()  # programme groups (format 2)


@dataclass(frozen=True, slots=True)
class Request:
    from_id: str
    to_id: str  # "" when the request names an organisation (format 2)
    weight: int
    session: str = ANY_SESSION  # the session the meeting must take place in (format 2)
    separate: bool = False  # a meeting of its own, never merged into a shared one (format 2)
    organisation: str = ""  # the organisation asked for (format 2), with ``marked_by``
    marked_by: tuple[str, ...] = ()  # its representatives who join (empty: all of them)
    not_in: frozenset[str] = frozenset()  # slots the meeting must avoid (format 2)
    venue: str = ""  # where the meeting takes place (format 2 with venues); "" anywhere


@dataclass(frozen=True, slots=True)
class Meeting:
    participants: Members  # sorted; two, or more in a shared meeting (format 2)
    slot: str
    table: str  # "" in a format-2 fixed meeting: any free table
    # format 2 with venues: where its requests say it takes place; not part of equality, so a
    # re-plan compares meetings by participants, slot and table as before
    venue: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Programme:
    """A programme session (format 2): its slots are blocked for everyone or for some people."""

    id: str
    name: str
    slots: frozenset[str]
    groups: frozenset[str]  # with ``participants`` empty too: everyone
    participants: frozenset[str]

    def blocks(self, participant: Participant) -> bool:
        if not self.groups and not self.participants:
            return True
        return participant.id in self.participants or bool(self.groups & participant.groups)


@dataclass(frozen=True, slots=True)
class Precedence:
    """The meeting of ``before`` (two of its participants) takes place before that of ``after``."""

    before: Pair
    after: Pair


@dataclass(frozen=True, slots=True)
class Instance:
    slots: tuple[Slot, ...]
    tables: tuple[str, ...]
    participants: tuple[Participant, ...]
    requests: tuple[Request, ...]
    fixed: tuple[Meeting, ...] = ()
    version: int = 1
    programme: tuple[Programme, ...] = ()
    precedences: tuple[Precedence, ...] = ()
    break_spread: int | None = None  # format 2: most breaks minus fewest, at most this
    minimise_breaks: bool = True  # format 2: second objective after the value
    venues: tuple[str, ...] = ()  # format 2: venue ids
    travel: tuple[tuple[str, str, int], ...] = ()  # format 2: (venue, venue, minutes), both ways

    def pair_values(self) -> dict[Pair, int]:
        """Value of every requested pair: the sum of the weights of requests in either direction."""
        values: dict[Pair, int] = {}
        for request in self.requests:
            pair = pair_of(request.from_id, request.to_id)
            values[pair] = values.get(pair, 0) + request.weight
        return values


@dataclass(frozen=True, slots=True)
class Unscheduled:
    participants: Members
    reason: str  # "no_common_slot" | "cap_reached" | "slots_taken" (| "order" | "fewer_breaks")


@dataclass(frozen=True, slots=True)
class Changes:
    """How a re-planned schedule differs from the previous one (counted in meetings)."""

    kept: int
    moved: int
    dropped: int
    added: int


@dataclass(frozen=True, slots=True)
class Breaks:
    """Idle gaps: a break is a run of idle slots between two meetings of one participant."""

    total: int
    most: int  # the participant with most breaks
    spread: int  # most minus fewest, over participants with a meeting
    per_participant: tuple[tuple[str, int], ...]  # participants with at least one break
    value_only_total: int | None = None  # breaks of the schedule found for the value alone


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
    version: int = 1
    breaks: Breaks | None = None  # format 2
    shared_meetings: int = 0  # format 2: meetings with more than two participants

    @property
    def ratio(self) -> float:
        return 1.0 if self.upper_bound == 0 else self.value / self.upper_bound
