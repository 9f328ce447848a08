"""Field shape only: the services enforce the rules."""

from __future__ import annotations

import datetime
import zoneinfo
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goglobal.core.forms import CollatedModelChoiceField, SearchableSelect
from goglobal.core.i18n import localized
from goglobal.events.models import (
    AGENDA_LANGUAGES,
    ChangeKind,
    Event,
    Outcome,
    Participant,
    ParticipantKind,
    Priority,
    Slot,
    Table,
)
from goglobal.events.services import SlotPattern
from goglobal.imports.forms import upload_too_large_message


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
            "mechanism",
            "quota_enterprise",
            "quota_provider",
            "quota_investor",
            "quota_official",
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

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.GOGLOBAL_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(upload_too_large_message(), code="file_size")
        return upload

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


class ChangeForm(forms.Form):
    """A participant's request on a provisional schedule (the service checks the meeting)."""

    kind = forms.ChoiceField(label=_("Request"), choices=ChangeKind.choices)
    note = forms.CharField(label=_("Note for the organiser"), required=False, max_length=500)


class _SlotChoice(forms.ModelChoiceField):
    zone = "UTC"

    def label_from_instance(self, obj: Any) -> str:
        return timezone.localtime(obj.start, zoneinfo.ZoneInfo(self.zone)).strftime(
            "%Y-%m-%d %H:%M"
        )


class _TableChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class MoveForm(forms.Form):
    """Where a meeting goes on the master grid; ``meeting_move`` checks the rules."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    slot = _SlotChoice(label=_("Time"), queryset=Slot.objects.none())
    table = _TableChoice(label=_("Table"), queryset=Table.objects.none())

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        slot_field = self.fields["slot"]
        table_field = self.fields["table"]
        if isinstance(slot_field, _SlotChoice) and isinstance(table_field, _TableChoice):
            slot_field.queryset = event.slots.order_by("start", "id")
            slot_field.zone = event.timezone
            table_field.queryset = event.tables.order_by("label", "id")


class ParticipantForm(forms.Form):
    """One registration typed in by an organiser; directory links by their codes."""

    full_name = forms.CharField(label=_("Full name"), max_length=200)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=ParticipantKind.choices)
    email = forms.EmailField(label=_("Email"))
    language = forms.ChoiceField(label=_("Agenda language"), choices=AGENDA_LANGUAGES)
    max_meetings = forms.IntegerField(
        label=_("Most meetings"), required=False, min_value=0, max_value=999
    )
    social_credit_code = forms.CharField(
        label=_("Enterprise's Unified Social Credit Code"),
        required=False,
        max_length=18,
        help_text=_("Links the participant to the enterprise in the directory."),
    )
    provider_name = forms.CharField(
        label=_("Service provider in the directory"),
        required=False,
        max_length=200,
        help_text=_(
            "Its name in English or Chinese, as the directory lists it: links the participant "
            "to the provider."
        ),
    )
    available_slots = forms.ModelMultipleChoiceField(
        label=_("Available in"),
        queryset=Slot.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every slot."),
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["available_slots"].queryset = event.slots.all()  # type: ignore[attr-defined]
        self.fields["available_slots"].label_from_instance = _slot_label(event)  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(participant: Participant) -> dict[str, Any]:
        return {
            "full_name": participant.full_name,
            "organisation_name": participant.organisation_name,
            "kind": participant.kind,
            "email": participant.email,
            "language": participant.language,
            "max_meetings": participant.max_meetings,
            "social_credit_code": (
                participant.enterprise.social_credit_code if participant.enterprise else ""
            ),
            "provider_name": localized(participant.provider, "name")
            if participant.provider
            else "",
            "available_slots": list(participant.available_slots.all()),
        }

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "full_name": data["full_name"],
            "organisation_name": data["organisation_name"],
            "kind": data["kind"],
            "email": data["email"].lower(),
            "language": data["language"],
            "max_meetings": data["max_meetings"],
        }


def _slot_label(event: Event) -> Any:
    def label(slot: Slot) -> str:
        start, end = slot.start.astimezone(event.zone), slot.end.astimezone(event.zone)
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"

    return label


def _person_words(participant: Participant) -> tuple[str, ...]:
    return (participant.full_name, participant.organisation_name)


class _PersonChoice(CollatedModelChoiceField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("empty_label", None)
        kwargs.setdefault("widget", SearchableSelect(search_words=_person_words))
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} · {obj.organisation_name}"


class MeetingRequestForm(forms.Form):
    """A one-to-one meeting request made in the pages: the person asked, chosen by name among
    the event's registered participants, and how much it matters. The organiser also picks who
    asks (``with_requester``); on an agenda page the asker is the link's participant."""

    requester = _PersonChoice(label=_("Who asks"), queryset=Participant.objects.none())
    requested = _PersonChoice(label=_("Meet"), queryset=Participant.objects.none())
    priority = forms.ChoiceField(
        label=_("Priority"),
        choices=Priority.choices,
        initial=Priority.WOULD_LIKE,
        widget=forms.RadioSelect,
        help_text=_("“No thanks”: the scheduler never seats the two together."),
    )

    def __init__(
        self,
        *args: Any,
        event: Event,
        requester: Participant | None = None,
        counterparts: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        registered = Participant.objects.filter(event=event, deleted_at__isnull=True)
        chosen = counterparts if counterparts is not None else registered
        self.fields["requested"].queryset = chosen  # type: ignore[attr-defined]
        if requester is None:
            self.fields["requester"].queryset = registered  # type: ignore[attr-defined]
        else:
            del self.fields["requester"]
