"""Field shape only: the services enforce the rules."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.events.models import Event, Outcome
from goglobal.events.services import SlotPattern


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "name_en",
            "name_zh_hans",
            "name_zh_hant",
            "city",
            "venue",
            "timezone",
            "starts_on",
            "ends_on",
            "status",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
        }


class SlotPatternForm(forms.Form):
    day_start = forms.TimeField(
        label=_("Meetings start at"),
        initial=datetime.time(9, 0),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    day_end = forms.TimeField(
        label=_("Meetings end at"),
        initial=datetime.time(17, 0),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    minutes = forms.IntegerField(
        label=_("Minutes per meeting"), min_value=5, max_value=240, initial=20
    )
    breaks = forms.CharField(
        label=_("Breaks"),
        required=False,
        initial="12:00-13:30",
        help_text=_("Times without meetings, e.g. 10:30-10:45; 12:00-13:30."),
    )
    tables = forms.IntegerField(label=_("Tables"), min_value=1, max_value=500, initial=10)

    def clean_breaks(self) -> tuple[tuple[datetime.time, datetime.time], ...]:
        found = []
        for part in self.cleaned_data["breaks"].replace("；", ";").split(";"):
            if not part.strip():
                continue
            try:
                begin, end = (datetime.time.fromisoformat(t.strip()) for t in part.split("-"))
            except ValueError as error:
                raise forms.ValidationError(
                    _("Write breaks as HH:MM-HH:MM, separated by semicolons.")
                ) from error
            found.append((begin, end))
        return tuple(found)

    def pattern(self) -> SlotPattern:
        data = self.cleaned_data
        return SlotPattern(
            day_start=data["day_start"],
            day_end=data["day_end"],
            minutes=data["minutes"],
            breaks=data["breaks"],
            tables=data["tables"],
        )


class UploadForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))

    def file_format(self) -> str:
        suffix = Path(self.cleaned_data["file"].name).suffix.lower().lstrip(".")
        if suffix not in {"csv", "xlsx"}:
            self.add_error("file", _("Upload a .csv or .xlsx file."))
            return ""
        return suffix

    def handle(self) -> Any:
        return self.cleaned_data["file"]


class OutcomeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
