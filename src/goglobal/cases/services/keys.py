"""The copies each case keeps for the pipeline's filters and sorts.

A filtered board must count the matching cases of every stage. With the filters on related rows
(the enterprise's sector, city, needs and target markets; open tasks; unanswered referrals) that
meant joining or hashing several hundred thousand rows per page. Instead each case carries:

- the enterprise's name, city, sector and section, and its needs and target markets as
  ``filter_keys``, copied from its enterprise: refreshed when the case
  opens and whenever the enterprise layer announces a change (``enterprises_changed``: profile
  edits, needs, imports);
- ``task_due_on`` and ``waiting_since``, derived from the case's own tasks and referrals:
  refreshed by the services that write those.

``case_keys_rebuild`` recomputes everything, for data written around the services.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from django.db.models import Min, OuterRef, Subquery

from goglobal.cases.models import Case, Referral, ReferralStatus, Task
from goglobal.enterprises.models import Enterprise, EnterpriseNeed

BATCH = 1000


def need_key(code: str) -> str:
    return f"need:{code}"


def country_key(code: str) -> str:
    return f"country:{code.upper()}"


def group_key(code: str) -> str:
    return f"group:{code.lower()}"


def is_section(code: str) -> bool:
    """GB/T 4754 codes sections with a letter (A–T) and divisions with two digits."""
    return code.isalpha()


@dataclass(frozen=True)
class EnterpriseFacts:
    """What a case copies from its enterprise (see ``Case``)."""

    name: str = ""
    city: str = ""
    sector: str = ""
    section: str = ""
    keys: tuple[str, ...] = ()

    def values(self) -> dict[str, object]:
        return {
            "enterprise_name": self.name,
            "enterprise_city": self.city,
            "enterprise_sector": self.sector,
            "enterprise_section": self.section,
            "filter_keys": list(self.keys),
        }


COPIED_FIELDS = list(EnterpriseFacts().values())


def _chunks(ids: Iterable[int], size: int = BATCH) -> Iterator[list[int]]:
    it = iter(ids)
    while chunk := list(islice(it, size)):
        yield chunk


def enterprise_facts(enterprise_ids: list[int]) -> dict[int, EnterpriseFacts]:
    """What the cases of these enterprises copy: four queries for any number of ids."""
    keys: dict[int, set[str]] = defaultdict(set)
    needs = EnterpriseNeed.objects.filter(enterprise_id__in=enterprise_ids)
    for pk, code in needs.values_list("enterprise_id", "need__code"):
        keys[pk].add(need_key(code))
    countries = Enterprise.target_countries.through.objects.filter(enterprise_id__in=enterprise_ids)
    for pk, code in countries.values_list("enterprise_id", "country__code"):
        keys[pk].add(country_key(code))
    groups = Enterprise.target_groups.through.objects.filter(enterprise_id__in=enterprise_ids)
    for pk, code in groups.values_list("enterprise_id", "marketgroup__code"):
        keys[pk].add(group_key(code))
    rows = Enterprise.objects.filter(pk__in=enterprise_ids).values_list(
        "pk", "name_zh", "city__code", "sector__code", "sector__section__code"
    )
    return {
        pk: EnterpriseFacts(
            name=name,
            city=city,
            sector=sector,
            section=section or (sector if is_section(sector) else ""),
            keys=tuple(sorted(keys[pk])),
        )
        for pk, name, city, sector, section in rows
    }


def case_keys_refresh(*, enterprise_ids: Iterable[int]) -> int:
    """Copy these enterprises' facts onto their cases; returns the number of cases changed.

    Neither ``version`` nor ``updated_at`` moves: the copies are not an edit of the case.
    """
    changed = 0
    for chunk in _chunks(sorted(set(enterprise_ids))):
        cases = list(
            Case.objects.filter(enterprise_id__in=chunk).only("pk", "enterprise_id", *COPIED_FIELDS)
        )
        if not cases:
            continue
        wanted = enterprise_facts(sorted({case.enterprise_id for case in cases}))
        stale = []
        for case in cases:
            values = wanted.get(case.enterprise_id, EnterpriseFacts()).values()
            if any(getattr(case, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(case, name, value)
                stale.append(case)
        if stale:
            Case.objects.bulk_update(stale, COPIED_FIELDS, batch_size=500)
            changed += len(stale)
    return changed


def case_work_refresh(*, case_ids: Iterable[int]) -> None:
    """Set each case's earliest open task due date and earliest unanswered referral."""
    open_tasks = (
        Task.objects.filter(case=OuterRef("pk"), done_at__isnull=True)
        .order_by()
        .values("case")
        .annotate(first=Min("due_on"))
        .values("first")
    )
    waiting = (
        Referral.objects.filter(
            case=OuterRef("pk"), status=ReferralStatus.SENT, deleted_at__isnull=True
        )
        .order_by()
        .values("case")
        .annotate(first=Min("sent_at"))
        .values("first")
    )
    for chunk in _chunks(sorted(set(case_ids))):
        Case.objects.filter(pk__in=chunk).update(
            task_due_on=Subquery(open_tasks), waiting_since=Subquery(waiting)
        )


def case_keys_rebuild(*, batch: int = BATCH) -> int:
    """Recompute every case's copies (after data written around the services); returns cases."""
    total = 0
    last = 0
    while True:
        rows = list(
            Case.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", "enterprise_id")[:batch]
        )
        if not rows:
            return total
        last = rows[-1][0]
        case_keys_refresh(enterprise_ids=[enterprise for _pk, enterprise in rows])
        case_work_refresh(case_ids=[pk for pk, _enterprise in rows])
        total += len(rows)


def on_enterprises_changed(sender: Any, *, ids: Iterable[int], **kwargs: Any) -> None:
    """Receiver of ``enterprises_changed``: one service call, no decisions of its own."""
    case_keys_refresh(enterprise_ids=ids)
