"""The records behind one number of the dashboard: the rows a counted or summed KPI reads, in
the same period, slice and breakdown group, limited to the cases the reader may see."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goglobal.accounts.models import User
from goglobal.analytics.catalogue import DIMENSIONS, catalogue
from goglobal.analytics.figures import NONE, SPECS, Period, Scope, _in_period, _in_scope, _path
from goglobal.cases.selectors import cases_visible_to

LIMIT = 500


class RecordsForm(forms.Form):
    kpi = forms.ChoiceField(choices=[(code, code) for code in catalogue() if code in SPECS])
    start = forms.DateField(required=False)
    end = forms.DateField(required=False)
    by = forms.ChoiceField(choices=[("", "")] + [(c, c) for c in DIMENSIONS], required=False)
    key = forms.CharField(required=False, max_length=40)
    scope = forms.CharField(required=False, max_length=80)

    def clean_scope(self) -> Scope | None:
        text = self.cleaned_data.get("scope") or ""
        if not text:
            return None
        dimension, _sep, value = text.partition("=")
        if dimension not in DIMENSIONS or not value:
            raise forms.ValidationError(_("Not a slice of the figures."))
        return Scope(dimension, value)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("by") == "period" and data.get("key"):
            try:
                datetime.date.fromisoformat(f"{data['key']}-01")
            except ValueError:
                self.add_error("key", _("Not a month."))
        return data


@dataclass(frozen=True)
class Record:
    case_id: int
    enterprise: str
    day: Any

    @property
    def url(self) -> str:
        return reverse("cases:detail", args=[self.case_id])


def _month(period: Period, key: str) -> Period:
    first = datetime.date.fromisoformat(f"{key}-01")
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    start = max(first, period.start) if period.start else first
    end = min(last, period.end) if period.end else last
    return Period(start, end)


def records_for(
    *,
    user: User,
    kpi: str,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    by: str = "",
    key: str = "",
    scope: Scope | None = None,
) -> list[Record]:
    spec = SPECS[kpi]
    period = Period(start, end)
    if by == "period" and key:
        period = _month(period, key)
    rows = _in_scope(
        _in_period(spec.rows(), spec.on, period, on_datetime=spec.on_datetime), spec, scope
    )
    if by and by != "period" and key:
        path = _path(spec, by)
        if by in {"event", "officer"} and key != NONE and not key.isdigit():
            return []
        if key != NONE:
            rows = rows.filter(**{path: key})
        elif by in {"city", "section", "division", "origin"}:  # text copies: blank, not null
            rows = rows.filter(Q(**{f"{path}__isnull": True}) | Q(**{path: ""}))
        else:
            rows = rows.filter(**{f"{path}__isnull": True})
    rows = rows.filter(**{f"{spec.case}pk__in": cases_visible_to(user).values("pk")})
    found = rows.values_list(f"{spec.case}pk", f"{spec.case}enterprise__name_zh", spec.on)
    seen: dict[tuple[int, Any], Record] = {}
    for case_id, name, day in found.order_by()[: LIMIT * 4]:
        seen.setdefault((case_id, day), Record(case_id, name, day))
    return sorted(seen.values(), key=lambda record: (record.day, record.case_id), reverse=True)
