"""Field shape for case pages; the services enforce the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.accounts.models import Role, User
from goglobal.cases.models import Case, Interaction, Origin, Outcome, Stage
from goglobal.core.forms import CodeListField, FastSelect
from goglobal.core.i18n import localized
from goglobal.enterprises.models import Priority
from goglobal.knowledge.models import Country, NeedCode
from goglobal.providers.models import ServiceProvider

OFFICER_ROLES = [Role.ADMIN, Role.OFFICER]


def _officers() -> Any:
    return User.objects.filter(role__in=OFFICER_ROLES, is_active=True)


class NamedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return localized(obj, "name")


class NamedMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return localized(obj, "name")


class ProviderField(NamedMultipleChoiceField):
    """Any live provider is a valid choice; the page offers a short list of them as checkboxes.

    A select over every provider was megabytes of HTML at 20,000 providers and no help to
    anyone; the case page offers the providers its selector picks (those already on the case,
    the matcher's suggestions, or the results of a name search), plus any already chosen.
    """

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=ServiceProvider.objects.filter(deleted_at__isnull=True), **kwargs)

    def offer(self, providers: list[ServiceProvider], chosen: list[str]) -> None:
        offered = {provider.pk: provider for provider in providers}
        wanted = [int(pk) for pk in chosen if str(pk).isdigit() and int(pk) not in offered]
        for provider in self.queryset.filter(pk__in=wanted):  # type: ignore[union-attr]
            offered[provider.pk] = provider
        self.widget.choices = [
            (pk, self.label_from_instance(provider)) for pk, provider in offered.items()
        ]


def _offer(form: forms.BaseForm, providers: list[ServiceProvider]) -> None:
    chosen = form.data.getlist(form.add_prefix("providers")) if form.is_bound else []  # type: ignore[attr-defined]
    field = form.fields["providers"]
    if isinstance(field, ProviderField):
        field.offer(providers, chosen)


class CaseOpenForm(forms.Form):
    origin = forms.ChoiceField(label=_("Origin"), choices=Origin.choices)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=_officers(), required=False)
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices, initial="medium")
    next_action = forms.CharField(label=_("Next action"), max_length=200, required=False)
    next_action_on = forms.DateField(
        label=_("Next action date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class CaseUpdateForm(forms.ModelForm):
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=_officers(), required=False)
    tags = CodeListField(label=_("Tags"), help_text=_("Separate tags with semicolons."))
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Case
        fields = [
            "owner",
            "priority",
            "origin",
            "mechanism",
            "next_action",
            "next_action_on",
            "tags",
        ]
        widgets = {"next_action_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class CaseMoveForm(forms.Form):
    target = forms.ChoiceField(label=_("Move to"), choices=Stage.choices)
    reason = forms.CharField(label=_("Reason (needed to close)"), max_length=300, required=False)
    seen_version = forms.IntegerField(widget=forms.HiddenInput)


class BulkAssignForm(forms.Form):
    cases = forms.ModelMultipleChoiceField(queryset=Case.objects.none())
    owner = forms.ModelChoiceField(label=_("New owner"), queryset=_officers())

    def __init__(self, *args: Any, cases: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cases"].queryset = cases  # type: ignore[attr-defined]


class SavedFilterForm(forms.Form):
    name = forms.CharField(label=_("Name of this filter"), max_length=80)
    query = forms.CharField(max_length=500, required=False, widget=forms.HiddenInput)


class OutcomeForm(forms.ModelForm):
    country = NamedChoiceField(
        label=_("Market"),
        queryset=Country.objects.only("pk", "name_en", "name_zh_hans", "name_zh_hant"),
        required=False,
        widget=FastSelect,
    )

    class Meta:
        model = Outcome
        fields = ["kind", "achieved_on", "amount", "currency", "route", "country", "jobs", "notes"]
        widgets = {"achieved_on": forms.DateInput(attrs={"type": "date"})}


class OutcomeCorrectForm(OutcomeForm):
    """An outcome's facts corrected by an officer; its kind stays what was recorded."""

    class Meta(OutcomeForm.Meta):
        fields = ["achieved_on", "amount", "currency", "route", "country", "jobs", "notes"]


class InteractionForm(forms.ModelForm):
    officers = forms.ModelMultipleChoiceField(
        label=_("Officers"), queryset=_officers(), required=False
    )
    providers = ProviderField(label=_("Providers"), required=False)
    follow_up = forms.CharField(label=_("Follow-up task"), max_length=200, required=False)
    follow_up_on = forms.DateField(
        label=_("Follow-up due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = Interaction
        fields = ["kind", "occurred_on", "summary", "contacts"]
        widgets = {
            "occurred_on": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(
        self, *args: Any, case: Case, providers: list[ServiceProvider], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = case.enterprise.contacts.all()  # type: ignore[attr-defined]
        self.fields["contacts"].required = False
        _offer(self, providers)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("follow_up") and not data.get("follow_up_on"):
            self.add_error("follow_up_on", _("Give a due date for the follow-up."))
        return data


class ReferralForm(forms.Form):
    need = NamedChoiceField(label=_("Need"), queryset=NeedCode.objects.none())
    providers = ProviderField(label=_("Providers"))
    note = forms.CharField(
        label=_("Note to the provider"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    send = forms.BooleanField(label=_("Send now"), required=False, initial=True)

    def __init__(
        self, *args: Any, case: Case, providers: list[ServiceProvider], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["need"].queryset = NeedCode.objects.filter(  # type: ignore[attr-defined]
            pk__in=case.enterprise.needs.values("need")
        )
        _offer(self, providers)


class SuggestionReferForm(forms.Form):
    """ "Refer" on one of the matcher's suggestions: an optional note; sent unless ``draft``."""

    note = forms.CharField(
        label=_("Note to the provider"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    draft = forms.BooleanField(label=_("Save as draft"), required=False)


class ReferralAnswerForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Reason, progress or outcome"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
