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
    office_markets = _Named(
        label=_("Markets with an own office"),
        queryset=Country.objects.all(),
        to_field_name="code",
        required=False,
        widget=SearchableSelectMultiple(),
    )
    network_markets = _Named(
        label=_("Markets through network partners"),
        help_text=_("A market with an own office counts as an office even when also listed here."),
        queryset=Country.objects.all(),
        to_field_name="code",
        required=False,
        widget=SearchableSelectMultiple(),
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
            markets = list(self.instance.markets.select_related("country"))
            self.initial["office_markets"] = [
                m.country.code for m in markets if m.presence == Presence.OFFICE
            ]
            self.initial["network_markets"] = [
                m.country.code for m in markets if m.presence == Presence.NETWORK
            ]

    def markets(self) -> list[MarketInput]:
        offices = list(self.cleaned_data["office_markets"])
        office_codes = {country.code for country in offices}
        return [MarketInput(country=c, presence=Presence.OFFICE) for c in offices] + [
            MarketInput(country=c, presence=Presence.NETWORK)
            for c in self.cleaned_data["network_markets"]
            if c.code not in office_codes
        ]

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
