"""Forms of the delegation pages; every choice is limited to the delegation's own rows."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.accounts.models import Role, User
from goglobal.delegations.models import (
    Delegation,
    Host,
    Member,
    ProgrammeItem,
    SubGroup,
    Venue,
    VisitOutcome,
    VisitRequest,
)
from goglobal.delegations.services.delegations import DELEGATION_FIELDS

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DelegationForm(forms.ModelForm):
    class Meta:
        model = Delegation
        fields = DELEGATION_FIELDS
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "day_starts_at": TIME,
            "day_ends_at": TIME,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = cast(forms.ModelChoiceField, self.fields["owner"])
        owner.queryset = User.objects.filter(
            is_active=True, role__in=[Role.ADMIN, Role.OFFICER, Role.ORGANISER]
        ).order_by("full_name", "email")


class _PartForm(forms.ModelForm):
    """A row of one delegation: its venue, sub-group, member and host choices are its own."""

    def __init__(self, *args: Any, delegation: Delegation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.delegation = delegation
        own = {
            "venue": Venue.objects.filter(delegation=delegation),
            "subgroup": SubGroup.objects.filter(delegation=delegation),
            "host": Host.objects.filter(delegation=delegation),
            "member": Member.objects.filter(delegation=delegation),
        }
        for name, queryset in own.items():
            field = self.fields.get(name)
            if isinstance(field, forms.ModelChoiceField):
                field.queryset = queryset


class VenueForm(_PartForm):
    class Meta:
        model = Venue
        fields = ["name", "address"]


class SubGroupForm(_PartForm):
    class Meta:
        model = SubGroup
        fields = ["name"]


class MemberForm(_PartForm):
    class Meta:
        model = Member
        fields = [
            "full_name",
            "organisation_name",
            "kind",
            "subgroup",
            "language",
            "enterprise",
            "provider",
            "user",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = cast(forms.ModelChoiceField, self.fields["user"])
        user.queryset = User.objects.filter(is_active=True).order_by("full_name", "email")


class HostForm(_PartForm):
    class Meta:
        model = Host
        fields = ["name", "contact_name", "venue", "enterprise"]


class ItemForm(_PartForm):
    class Meta:
        model = ProgrammeItem
        fields = ["kind", "title", "venue", "subgroup", "day", "starts_at", "ends_at"]
        widgets = {"day": DATE, "starts_at": TIME, "ends_at": TIME}

    def clean_day(self) -> Any:
        day = self.cleaned_data.get("day")
        delegation = self.instance.delegation
        if day and not delegation.starts_on <= day <= delegation.ends_on:
            raise forms.ValidationError(_("Choose a day of the delegation."))
        return day


class RequestForm(_PartForm):
    class Meta:
        model = VisitRequest
        fields = ["host", "member", "subgroup", "priority"]


class OutcomeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    held = forms.BooleanField(label=_("The meeting took place"), required=False)
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[("", "—"), *VisitOutcome.choices], required=False
    )
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") and not data.get("held"):
            self.add_error("outcome", _("Only a held meeting has an outcome."))
        return data


class TravelForm(forms.Form):
    """One number field per pair of venues; empty: no direct route."""

    def __init__(self, *args: Any, delegation: Delegation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        venues = list(delegation.venues.order_by("name", "id"))
        known = {(t.origin_id, t.destination_id): t.minutes for t in delegation.travel.all()}
        self.pairs: list[tuple[str, Venue, Venue]] = []
        for i, first in enumerate(venues):
            for second in venues[i + 1 :]:
                a, b = sorted((first.pk, second.pk))
                name = f"pair_{a}_{b}"
                self.fields[name] = forms.IntegerField(
                    label=_("%(first)s to %(second)s (minutes)")
                    % {"first": first.name, "second": second.name},
                    min_value=0,
                    max_value=1440,
                    required=False,
                    initial=known.get((a, b)),
                )
                self.pairs.append((name, first, second))

    def minutes(self) -> dict[tuple[int, int], int | None]:
        out: dict[tuple[int, int], int | None] = {}
        for name, _first, _second in self.pairs:
            _prefix, a, b = name.split("_")
            out[int(a), int(b)] = self.cleaned_data.get(name)
        return out
