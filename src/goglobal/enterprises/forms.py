"""Field shape for enterprise pages; invariants are enforced by the services and the model."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from goglobal.accounts.models import User
from goglobal.core.forms import (
    CodeListField,
    MultipleChoiceListField,
    NamedModelMultipleChoiceField,
    SectorChoiceField,
)
from goglobal.core.i18n import localized
from goglobal.enterprises.models import Contact, Enterprise, EnterpriseNeed, Priority, Timeline
from goglobal.enterprises.services import NeedInput
from goglobal.knowledge.languages import WORKING_LANGUAGES
from goglobal.knowledge.markets import NOT_TARGETS
from goglobal.knowledge.models import AdministrativeArea, Country, MarketGroup, NeedCode, Sector


class NamedMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return localized(obj, "name")


def _cities_by_province() -> list[tuple[Any, Any]]:
    """City choices grouped under their province; a municipality is its own city."""
    areas = list(AdministrativeArea.objects.select_related("province").order_by("code"))
    groups: dict[int, list[tuple[int, str]]] = {}
    provinces = [area for area in areas if area.level == AdministrativeArea.Level.PROVINCE]
    for area in areas:
        if area.level == AdministrativeArea.Level.CITY and area.province_id:
            groups.setdefault(area.province_id, []).append((area.pk, localized(area, "name")))
    choices: list[tuple[Any, Any]] = [("", "---------")]
    for province in provinces:
        cities = groups.get(province.pk) or [(province.pk, localized(province, "name"))]
        choices.append((localized(province, "name"), cities))
    return choices


class EnterpriseProfileForm(forms.ModelForm):
    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=AdministrativeArea.objects.filter(level=AdministrativeArea.Level.PROVINCE),
    )
    city = forms.ModelChoiceField(
        label=_("City"),
        queryset=AdministrativeArea.objects.all(),
        help_text=_("For Beijing, Tianjin, Shanghai and Chongqing choose the municipality."),
    )
    sector = SectorChoiceField(
        label=_("Sector (GB/T 4754-2017 division)"),
        queryset=Sector.objects.filter(level=Sector.Level.DIVISION),
    )
    hs_codes = CodeListField(label=_("Products (HS codes, optional)"))
    target_countries = NamedModelMultipleChoiceField(
        label=_("Target countries and territories"),
        queryset=Country.objects.exclude(code__in=NOT_TARGETS),
        required=False,
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
    )
    target_groups = NamedMultipleChoiceField(
        label=_("Target groupings"),
        queryset=MarketGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Enterprise
        fields = [
            "name_zh",
            "name_en",
            "social_credit_code",
            "province",
            "city",
            "sector",
            "employee_band",
            "revenue_band",
            "ownership",
            "listing_status",
            "hs_codes",
            "website",
            "description",
            "shown_as_peer",
            "target_countries",
            "target_groups",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["social_credit_code"].widget.attrs.update(
            {"autocomplete": "off", "spellcheck": "false", "maxlength": 18}
        )
        city = self.fields["city"]
        assert isinstance(city, forms.ModelChoiceField)  # noqa: S101 (narrowing for mypy)
        city.choices = _cities_by_province()

    def clean_social_credit_code(self) -> str:
        return str(self.cleaned_data["social_credit_code"]).strip().upper()

    def profile_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in self.Meta.fields
            if name not in {"target_countries", "target_groups"}
        }


class NeedsForm(forms.Form):
    """One row per need of the taxonomy: a checkbox, a priority and a timeline."""

    def __init__(self, *args: Any, current: list[EnterpriseNeed] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.codes = list(NeedCode.objects.filter(is_active=True))
        chosen = {row.need_id: row for row in current or []}
        for need in self.codes:
            row = chosen.get(need.pk)
            self.fields[f"need_{need.pk}"] = forms.BooleanField(
                label=localized(need, "name"),
                required=False,
                initial=row is not None,
                help_text=localized(need, "description"),
            )
            self.fields[f"priority_{need.pk}"] = forms.ChoiceField(
                label=_("Priority"),
                choices=Priority.choices,
                initial=row.priority if row else Priority.MEDIUM,
                required=False,
            )
            self.fields[f"timeline_{need.pk}"] = forms.ChoiceField(
                label=_("Timeline"),
                choices=Timeline.choices,
                initial=row.timeline if row else Timeline.SOON,
                required=False,
            )

    def rows(self) -> list[tuple[NeedCode, Any, Any, Any]]:
        return [
            (
                need,
                self[f"need_{need.pk}"],
                self[f"priority_{need.pk}"],
                self[f"timeline_{need.pk}"],
            )
            for need in self.codes
        ]

    def chosen(self) -> list[NeedInput]:
        return [
            NeedInput(
                need=need,
                priority=self.cleaned_data[f"priority_{need.pk}"] or Priority.MEDIUM,
                timeline=self.cleaned_data[f"timeline_{need.pk}"] or Timeline.SOON,
            )
            for need in self.codes
            if self.cleaned_data.get(f"need_{need.pk}")
        ]


class RegistrationAccountForm(forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=200)
    job_title = forms.CharField(label=_("Your job title"), max_length=200, required=False)
    email = forms.EmailField(label=_("Work email"))
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    password = forms.CharField(
        label=_("Password"),
        # An error elsewhere in the form must not wipe what was typed.
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=True),
    )
    password_again = forms.CharField(
        label=_("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=True),
    )
    has_consent = forms.BooleanField(
        label=_(
            "The task force may share my contact details with Hong Kong service providers "
            "that accept a referral for my enterprise."
        ),
        required=False,
    )

    def clean_email(self) -> str:
        # Whether the address already has an account is never said here (it would tell anyone
        # who is registered): the view answers every registration the same way.
        return str(self.cleaned_data["email"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password = data.get("password")
        if password and password != data.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        elif password:
            try:
                user = User(email=data.get("email", ""), full_name=data.get("full_name", ""))
                validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class ContactForm(forms.ModelForm):
    languages = MultipleChoiceListField(label=_("Languages"), choices=WORKING_LANGUAGES)

    class Meta:
        model = Contact
        fields = ["full_name", "title", "email", "phone", "languages", "has_consent"]
