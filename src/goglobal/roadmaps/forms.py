"""Forms of the roadmap page: the figures a roadmap needs, and officers' overrides."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from goglobal.roadmaps.models import OverrideKind, ProductStage, RoadmapFigures
from goglobal.roadmaps.overrides import DECISIONS
from goglobal.roadmaps.services import CURRENCIES, FiguresInput

YEARS = 3
FIGURE_FIELDS = (
    ("revenue", _("revenue")),
    ("profit", _("profit attributable to shareholders")),
    ("operating_cash_flow", _("operating cash flow")),
    ("operating_expense", _("total operating expenditure")),
    ("rnd_expense", _("research and development spending")),
)
PART_LABELS = {
    "listing_route": _("listing route"),
    "mainland_step": _("mainland filing"),
    "function": _("Hong Kong function"),
    "scheme": _("scheme"),
    "market": _("market"),
}


class FiguresForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    expected_market_cap = forms.DecimalField(
        label=_("expected market capitalisation at listing"),
        min_value=Decimal(0),
        max_digits=18,
        decimal_places=0,
        required=False,
    )
    market_cap_currency = forms.ChoiceField(
        label=_("currency"), choices=[(c, c) for c in CURRENCIES], initial="HKD"
    )
    core_product_stage = forms.ChoiceField(
        label=_("stage of the core product"),
        choices=[("", _("not a biotech product")), *ProductStage.choices],
        required=False,
    )
    financials_currency = forms.ChoiceField(
        label=_("currency of the financial years"),
        choices=[(c, c) for c in CURRENCIES],
        initial="HKD",
    )

    def __init__(self, *args: Any, figures: RoadmapFigures | None = None, **kwargs: Any) -> None:
        if figures is not None and "data" not in kwargs and not args:
            kwargs["initial"] = self.initial_from(figures)
        super().__init__(*args, **kwargs)
        for index in range(1, YEARS + 1):
            self.fields[f"year_{index}"] = forms.IntegerField(
                label=_("financial year"), min_value=1990, max_value=2100, required=False
            )
            for name, label in FIGURE_FIELDS:
                self.fields[f"{name}_{index}"] = forms.DecimalField(
                    label=label, max_digits=18, decimal_places=0, required=False
                )

    @staticmethod
    def initial_from(figures: RoadmapFigures) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "version": figures.version,
            "expected_market_cap": figures.expected_market_cap,
            "market_cap_currency": figures.market_cap_currency,
            "core_product_stage": figures.core_product_stage,
        }
        for index, row in enumerate(figures.financials[:YEARS], start=1):
            initial[f"year_{index}"] = row.get("year")
            initial["financials_currency"] = row.get("currency", "HKD")
            for name, _label in FIGURE_FIELDS:
                initial[f"{name}_{index}"] = row.get(name)
        return initial

    def head_fields(self) -> list[forms.BoundField]:
        names = ("expected_market_cap", "market_cap_currency", "core_product_stage")
        return [self[name] for name in (*names, "financials_currency")]

    def year_rows(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"year_{i}"]] + [self[f"{name}_{i}"] for name, _label in FIGURE_FIELDS]
            for i in range(1, YEARS + 1)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for index in range(1, YEARS + 1):
            has_figure = any(data.get(f"{name}_{index}") is not None for name, _l in FIGURE_FIELDS)
            if has_figure and not data.get(f"year_{index}"):
                self.add_error(f"year_{index}", _("Give the year these figures are for."))
        return data

    def to_input(self) -> FiguresInput:
        data = self.cleaned_data
        rows = []
        for index in range(1, YEARS + 1):
            if not data.get(f"year_{index}"):
                continue
            row: dict[str, Any] = {
                "year": data[f"year_{index}"],
                "currency": data["financials_currency"],
            }
            for name, _label in FIGURE_FIELDS:
                value = data.get(f"{name}_{index}")
                if value is not None:
                    row[name] = int(value)
            rows.append(row)
        return FiguresInput(
            expected_market_cap=data.get("expected_market_cap"),
            market_cap_currency=data["market_cap_currency"],
            core_product_stage=data.get("core_product_stage") or "",
            financials=rows,
        )


class OverrideForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=OverrideKind.choices)
    part = forms.ChoiceField(
        label=_("part of the roadmap"),
        choices=[("", "—")] + [(key, PART_LABELS[key]) for key in DECISIONS],
        required=False,
    )
    code = forms.CharField(label=_("item"), max_length=40, required=False)
    value = forms.TypedChoiceField(
        label=_("decision"),
        choices=[("", "—"), ("yes", _("yes")), ("no", _("no"))],
        coerce=lambda v: v == "yes",
        empty_value=None,
        required=False,
    )
    title = forms.CharField(label=_("step"), max_length=200, required=False)
    weeks = forms.IntegerField(label=_("weeks"), min_value=1, max_value=260, required=False)
    after = forms.CharField(label=_("after step"), max_length=40, required=False)
    note = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 2}))
