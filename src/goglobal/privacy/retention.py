"""The retention rule: contacts of cases closed more than N years ago are anonymised.

``GOGLOBAL_RETENTION_CLOSED_CASE_CONTACTS_YEARS`` (default 3; 0 turns the rule off). An
enterprise qualifies when it has at least one case, every live case of it is closed, and the
latest of them was closed (``stage_changed_at``) before the cut-off. Its contacts not yet
anonymised are erased in one pass per enterprise (``erasure.contacts_erase``, origin
``retention``); the enterprise's own profile, needs, cases and outcomes stay, so the figures do
not change. Run daily by ``goglobal privacy retention`` (a systemd timer); ``--dry-run`` counts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max, Q
from django.utils import timezone

from goglobal.cases.models import Case, Stage
from goglobal.enterprises.models import Contact, Enterprise
from goglobal.privacy.erasure import ANONYMISED, contacts_erase


def retention_years() -> int:
    return int(getattr(settings, "GOGLOBAL_RETENTION_CLOSED_CASE_CONTACTS_YEARS", 3))


def _years_before(moment: datetime.datetime, years: int) -> datetime.datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


@dataclass(frozen=True)
class RetentionResult:
    years: int
    cutoff: datetime.datetime | None
    enterprises: int
    contacts: int
    dry_run: bool

    def as_dict(self) -> dict[str, object]:
        return {
            "years": self.years,
            "cutoff": self.cutoff.isoformat() if self.cutoff else None,
            "enterprises": self.enterprises,
            "contacts": self.contacts,
            "dry_run": self.dry_run,
        }


def due_enterprise_ids(cutoff: datetime.datetime) -> list[int]:
    live = Case.objects.filter(deleted_at__isnull=True)
    open_ids = live.exclude(stage=Stage.CLOSED).values("enterprise_id")
    closed = (
        live.filter(stage=Stage.CLOSED)
        .exclude(enterprise_id__in=open_ids)
        .values("enterprise_id")
        .annotate(last=Max("stage_changed_at"))
        .filter(last__lt=cutoff)
    )
    return sorted(row["enterprise_id"] for row in closed)


def _contacts_left(enterprise_ids: list[int]) -> list[Contact]:
    return list(
        Contact.objects.filter(enterprise_id__in=enterprise_ids)
        .exclude(Q(full_name=ANONYMISED) & Q(email="") & Q(phone=""))
        .order_by("enterprise_id", "pk")
    )


def retention_run(
    *, dry_run: bool = False, now: datetime.datetime | None = None
) -> RetentionResult:
    years = retention_years()
    if years <= 0:
        return RetentionResult(years, None, 0, 0, dry_run)
    cutoff = _years_before(now or timezone.now(), years)
    contacts = _contacts_left(due_enterprise_ids(cutoff))
    by_enterprise: dict[int, list[Contact]] = {}
    for contact in contacts:
        by_enterprise.setdefault(contact.enterprise_id, []).append(contact)
    if not dry_run:
        enterprises = Enterprise.objects.in_bulk(list(by_enterprise))
        for enterprise_id, rows in by_enterprise.items():
            contacts_erase(
                actor=None,
                enterprise=enterprises[enterprise_id],
                contacts=rows,
                reason=f"retention: every case closed before {cutoff.date().isoformat()} "
                f"({years} years)",
                origin="retention",
            )
    return RetentionResult(years, cutoff, len(by_enterprise), len(contacts), dry_run)
