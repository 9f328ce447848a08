"""Field shape for directory pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.core.forms import (
    CodeListField,
    MultipleChoiceListField,
    NamedModelMultipleChoiceField,
    SearchableSelectMultiple,
)
from goglobal.knowledge.languages import WORKING_LANGUAGES
from goglobal.knowledge.models import Country, NeedCode, Sector
from goglobal.providers.models import InvestmentStage, Investor, Presence, ServiceProvider
from goglobal.providers.services import MarketInput


class _Named(NamedModelMultipleChoiceField):
    """Needs, sectors and markets by name in the reader's collation (never by code)."""


class ProviderProfileForm(forms.ModelForm):
    needs = _Named(
        label=_("Needs served"),
        queryset=NeedCode.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = _Named(
        label=_("Sectors of expertise"),
        queryset=Sector.objects.filter(level=Sector.Level.DIVISION),
        required=False,
        widget=SearchableSelectMultiple(),
    )
    languages = MultipleChoiceListField(label=_("Working languages"), choices=WORKING_LANGUAGES)
    licences = CodeListField(
        label=_("Licences and credentials"),
        help_text=_("Separate entries with semicolons."),
    )
    office_markets = CodeListField(
        label=_("Markets with an own office (ISO codes)"),
        help_text=_("Two-letter ISO 3166 codes separated by semicolons, e.g. SG; VN; AE."),
    )
    network_markets = CodeListField(
        label=_("Markets through network partners (ISO codes)"),
        help_text=_("Two-letter ISO 3166 codes separated by semicolons."),
    )

    class Meta:
        model = ServiceProvider
        fields = [
            "name_en",
            "name_zh_hant",
            "name_zh_hans",
            "category",
            "needs",
            "sectors",
            "languages",
            "licences",
            "capacity_per_month",
            "email",
            "website",
            "description",
            "shown_to_enterprises",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            markets = list(self.instance.markets.all())
            self.initial["office_markets"] = [
                m.country.code for m in markets if m.presence == Presence.OFFICE
            ]
            self.initial["network_markets"] = [
                m.country.code for m in markets if m.presence == Presence.NETWORK
            ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        codes = {
            c.upper() for c in data.get("office_markets", []) + data.get("network_markets", [])
        }
        known = {country.code: country for country in Country.objects.filter(code__in=codes)}
        for field in ("office_markets", "network_markets"):
            unknown = [code for code in data.get(field, []) if code.upper() not in known]
            if unknown:
                self.add_error(
                    field,
                    _("Unknown country codes: %(codes)s") % {"codes": ", ".join(unknown)},
                )
        self._countries = known
        return data

    def markets(self) -> list[MarketInput]:
        office = [
            MarketInput(country=self._countries[c.upper()], presence=Presence.OFFICE)
            for c in self.cleaned_data["office_markets"]
        ]
        network = [
            MarketInput(country=self._countries[c.upper()], presence=Presence.NETWORK)
            for c in self.cleaned_data["network_markets"]
            if c.upper() not in {m.country.code for m in office}
        ]
        return office + network

    def profile_values(self) -> dict[str, Any]:
        skip = {"needs", "sectors"}
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name not in skip}


class InvestorProfileForm(forms.ModelForm):
    sectors = _Named(
        label=_("Sectors"),
        queryset=Sector.objects.filter(level=Sector.Level.DIVISION),
        required=False,
        widget=SearchableSelectMultiple(),
    )
    stages = MultipleChoiceListField(label=_("Stages"), choices=InvestmentStage.choices)
    markets = _Named(
        label=_("Markets"),
        queryset=Country.objects.all(),
        required=False,
        widget=SearchableSelectMultiple(),
    )

    class Meta:
        model = Investor
        fields = [
            "name_en",
            "name_zh_hant",
            "name_zh_hans",
            "investor_type",
            "sectors",
            "stages",
            "ticket_min",
            "ticket_max",
            "currency",
            "markets",
            "website",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def clean_currency(self) -> str:
        currency = str(self.cleaned_data["currency"]).strip().upper()
        from babel.numbers import list_currencies

        if currency not in list_currencies():
            raise forms.ValidationError(_("Give an ISO 4217 currency code such as USD or HKD."))
        return currency

    def profile_values(self) -> dict[str, Any]:
        skip = {"sectors", "markets"}
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name not in skip}
