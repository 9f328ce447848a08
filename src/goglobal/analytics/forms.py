"""The dashboard's period and breakdown, checked field by field."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.analytics.catalogue import DIMENSIONS
from goglobal.knowledge.languages import TEXT_LANGUAGES

LONGEST = datetime.timedelta(days=3660)


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=_("Period from"), required=False, widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(
        label=_("Period to"), required=False, widget=forms.DateInput({"type": "date"})
    )
    by = forms.ChoiceField(
        label=_("Break down by"),
        required=False,
        choices=[(code, label) for code, label in DIMENSIONS.items() if code != "period"],
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end cannot be before the start."))
        elif start and end and end - start > LONGEST:
            self.add_error("end", _("Choose a period of at most ten years."))
        return data


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), choices=[(n, f"Q{n}") for n in range(1, 5)], coerce=int
    )
    language = forms.ChoiceField(label=_("Language"), choices=TEXT_LANGUAGES)
