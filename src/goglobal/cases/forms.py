"""Field shape for case pages; the services enforce the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.cache import cache
from django.db.models import Count, Max
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from goglobal.accounts.models import Role, User
from goglobal.cases.models import Case, Interaction, Origin, Outcome, Stage
from goglobal.core.forms import CodeListField
from goglobal.core.i18n import language_suffix, localized
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


class ProviderSelectMultiple(forms.SelectMultiple):
    """A multiple select over every provider, fast at 20,000 of them.

    Django renders each option through a template (about 0.1 ms each); this widget writes the
    same ``<option>`` markup with one query and a string join, and keeps the unselected list in
    the cache under the providers' count and latest change, so an edit shows at once.
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        chosen = {str(v) for v in (value or []) if v not in (None, "")}
        return format_html("<select multiple{}>{}</select>", flatatt(final), self._options(chosen))

    def _options(self, chosen: set[str]) -> SafeString:
        queryset = self.choices.queryset  # type: ignore[attr-defined]
        if chosen:
            return self._write(queryset, chosen)
        state = queryset.order_by().aggregate(n=Count("pk"), latest=Max("updated_at"))
        key = "provider-options:{}:{}:{}".format(
            language_suffix(), state["n"], state["latest"].isoformat() if state["latest"] else ""
        )
        options = cache.get(key)
        if options is None:
            options = str(self._write(queryset, chosen))
            cache.set(key, options, 600)
        return mark_safe(options)  # written by format_html_join in _write

    @staticmethod
    def _write(queryset: Any, chosen: set[str]) -> SafeString:
        rows = queryset.values_list("pk", "name_en", "name_zh_hans", "name_zh_hant", named=True)
        return format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (
                    row.pk,
                    mark_safe(" selected") if str(row.pk) in chosen else "",
                    localized(row, "name"),
                )
                for row in rows
            ),
        )


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
    country = NamedChoiceField(label=_("Market"), queryset=Country.objects.all(), required=False)

    class Meta:
        model = Outcome
        fields = ["kind", "achieved_on", "amount", "currency", "route", "country", "jobs", "notes"]
        widgets = {"achieved_on": forms.DateInput(attrs={"type": "date"})}


class InteractionForm(forms.ModelForm):
    officers = forms.ModelMultipleChoiceField(
        label=_("Officers"), queryset=_officers(), required=False
    )
    providers = NamedMultipleChoiceField(
        label=_("Providers"),
        queryset=ServiceProvider.objects.filter(deleted_at__isnull=True),
        required=False,
        widget=ProviderSelectMultiple,
    )
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

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = case.enterprise.contacts.all()  # type: ignore[attr-defined]
        self.fields["contacts"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("follow_up") and not data.get("follow_up_on"):
            self.add_error("follow_up_on", _("Give a due date for the follow-up."))
        return data


class ReferralForm(forms.Form):
    need = NamedChoiceField(label=_("Need"), queryset=NeedCode.objects.none())
    providers = NamedMultipleChoiceField(
        label=_("Providers"), queryset=ServiceProvider.objects.none(), widget=ProviderSelectMultiple
    )
    note = forms.CharField(
        label=_("Note to the provider"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    send = forms.BooleanField(label=_("Send now"), required=False, initial=True)

    def __init__(self, *args: Any, case: Case, providers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["need"].queryset = NeedCode.objects.filter(  # type: ignore[attr-defined]
            pk__in=case.enterprise.needs.values("need")
        )
        self.fields["providers"].queryset = providers  # type: ignore[attr-defined]


class ReferralAnswerForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Reason, progress or outcome"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
