"""The KPI catalogue: every figure the task force reports, defined once (``data/kpis.csv``).

Each KPI has a code, a name in three languages, what counts (three languages), the date it
counts on and a unit. ``docs/kpis.md`` is written from this file (``goglobal kpis --catalogue``)
and a test checks that the two agree. How each KPI is computed lives in ``figures.py``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from goglobal.core.i18n import localized

DATA = Path(__file__).with_name("data") / "kpis.csv"

UNITS: dict[str, Promise] = {
    "enterprise": _("enterprises"),
    "case": _("cases"),
    "move": _("stage moves"),
    "percent": _("per cent"),
    "day": _("days"),
    "outcome": _("outcomes"),
    "hkd": _("HKD"),
    "job": _("jobs"),
    "referral": _("referrals"),
    "meeting": _("meetings"),
    "interaction": _("interactions"),
}

COUNTS_ON: dict[str, Promise] = {
    "left_lead": _("the day the case moved past “lead”"),
    "stage_entered": _("the day the case entered the stage"),
    "stage_move": _("the day of the move"),
    "moved_to_landed": _("the day the case moved to “landed in Hong Kong”"),
    "achieved_on": _("the outcome's date"),
    "referral_sent": _("the day the referral was sent"),
    "referral_accepted": _("the day the provider accepted"),
    "referral_completed": _("the day the provider completed"),
    "referral_answered": _("the day the provider answered"),
    "meeting_day": _("the day of the meeting"),
}

# Dimensions every KPI can be cut by. "stage" is the case's current stage (for moves: the
# stage moved to). The multi-valued ones (a case at several events, referred to providers of
# several categories, targeting several markets) count a row under each of its values, so
# their breakdowns can add up to more than the total.
DIMENSIONS: dict[str, Promise] = {
    "period": _("month"),
    "province": _("origin province"),
    "city": _("origin city"),
    "section": _("sector (GB/T section)"),
    "division": _("sector (GB/T division)"),
    "origin": _("origin"),
    "mechanism": _("co-operation mechanism"),
    "event": _("event"),
    "officer": _("officer"),
    "provider_category": _("provider category"),
    "market": _("target market"),
    "stage": _("stage"),
}
MULTI_VALUED = frozenset({"event", "provider_category", "market"})


@dataclass(frozen=True)
class Kpi:
    code: str
    unit: str
    counts_on: str
    name_en: str
    name_zh_hans: str
    name_zh_hant: str
    counts_en: str
    counts_zh_hans: str
    counts_zh_hant: str

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def counts(self) -> str:
        return localized(self, "counts")

    @property
    def unit_label(self) -> str:
        return str(UNITS[self.unit])

    @property
    def counts_on_label(self) -> str:
        return str(COUNTS_ON[self.counts_on])

    @property
    def is_additive(self) -> bool:
        """Counts and sums add up over a breakdown; shares and medians do not."""
        return self.unit not in {"percent", "day"}

    @property
    def is_confirmable(self) -> bool:
        """Whether the KPI has a confirmed figure: outcomes, and what rests on outcomes."""
        return self.counts_on == "achieved_on" or self.code == "landed.hk"


@cache
def catalogue() -> dict[str, Kpi]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = [Kpi(**row) for row in csv.DictReader(handle)]
    return {row.code: row for row in rows}
