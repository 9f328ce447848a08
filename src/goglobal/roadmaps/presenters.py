"""A stored roadmap as a person reads it: labels in the reader's language, never codes.

The engine's answer (``goglobal-roadmap/1``) names routes, tests, steps and reasons by code;
this module turns each into words through Django's catalogues (labels) and the engine's own
message table (reasons), numbers the knowledge-base facts as footnotes in order of first use,
and draws the timeline.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from goglobal.core.i18n import language_suffix, localized
from goglobal.knowledge.models import Country, Scheme
from goglobal.providers.models import ProviderCategory
from goglobal.roadmaps import engine, timeline
from goglobal.roadmaps.labels import Labels
from goglobal.roadmaps.models import Roadmap

ROUTES = {
    "main_board": gettext_lazy("Main Board listing"),
    "chapter_18a": gettext_lazy("Main Board listing of a biotech company (Chapter 18A)"),
    "chapter_18c": gettext_lazy(
        "Main Board listing of a specialist technology company (Chapter 18C)"
    ),
    "secondary_listing": gettext_lazy("Secondary listing in Hong Kong (Chapter 19C)"),
}
TESTS = {
    "commercial": gettext_lazy("commercialised company: market capitalisation and revenue"),
    "pre_commercial": gettext_lazy("pre-commercial company: market capitalisation"),
    "core_product": gettext_lazy("core product past the concept stage"),
    "market_cap": gettext_lazy("market capitalisation"),
    "track_record": gettext_lazy("track record"),
    "rnd_share_commercial": gettext_lazy("research and development share (commercialised)"),
    "rnd_share_pre_commercial": gettext_lazy("research and development share (pre-commercial)"),
    "greater_china_issuer": gettext_lazy("Greater China issuer"),
    "with_wvr": gettext_lazy("issuer with weighted voting rights"),
    "without_wvr_criteria_a": gettext_lazy("issuer without weighted voting rights, criteria A"),
    "without_wvr_criteria_b": gettext_lazy("issuer without weighted voting rights, criteria B"),
    "profit": gettext_lazy("profit test"),
    "market_cap_revenue": gettext_lazy("market capitalisation / revenue test"),
    "market_cap_revenue_cash_flow": gettext_lazy(
        "market capitalisation / revenue / cash flow test"
    ),
}
MAINLAND_STEPS = {
    "csrc_filing": gettext_lazy("Filing with the CSRC for an overseas offering and listing"),
    "odi_filing": gettext_lazy("Outbound investment filings (NDRC, MOFCOM, foreign exchange)"),
    "foreign_debt_registration": gettext_lazy("Registration of borrowing abroad with the NDRC"),
}
FUNCTIONS = {
    "fundraising": gettext_lazy("Raising funds in Hong Kong"),
    "regional_hq": gettext_lazy("Regional headquarters in Hong Kong"),
    "treasury_centre": gettext_lazy("Corporate treasury centre in Hong Kong"),
    "rnd_hub": gettext_lazy("Research and development hub in Hong Kong"),
    "supply_chain_centre": gettext_lazy("Supply-chain management centre in Hong Kong"),
    "officer": gettext_lazy("added by an officer"),
}
AGREEMENT_STATUS = {
    "in_force": gettext_lazy("in force"),
    "signed": gettext_lazy("signed, not yet in force"),
    "negotiating": gettext_lazy("under negotiation"),
    "none": gettext_lazy("none"),
}
TAX_POINTS = {
    "profits_tax_two_tier": gettext_lazy("two-tier profits tax"),
    "ctc_concession": gettext_lazy("corporate treasury centre concession"),
}


def _state(value: Any, *, yes: str, no: str) -> tuple[str, str]:
    if value is True:
        return yes, "badge-success"
    if value is False:
        return no, "badge-neutral"
    return _("cannot tell yet"), "badge-warning"


def _join(items: list[str]) -> str:
    return ("、" if language_suffix().startswith("zh") else ", ").join(items)


def _short(value: float, size: float) -> str:
    text = number_format(round(value / size, 2), decimal_pos=None, force_grouping=True)
    return text[:-2] if text.endswith(".0") else text


def _money(value: Any) -> str:
    """An amount in Hong Kong dollars, in the reader's units (million / billion, 万 / 亿)."""
    if value is None:
        return _("not given")
    amount = float(value)
    if language_suffix().startswith("zh"):
        for size, word in ((1e8, _("hundred million")), (1e4, _("ten thousand"))):
            if abs(amount) >= size:
                return _("HK$%(amount)s") % {"amount": f"{_short(amount, size)}{word}"}
    else:
        for size, word in ((1e9, _("billion")), (1e6, _("million"))):
            if abs(amount) >= size:
                return _("HK$%(amount)s") % {"amount": f"{_short(amount, size)} {word}"}
    return _("HK$%(amount)s") % {"amount": number_format(int(amount), force_grouping=True)}


FIGURES = {
    "profit_latest_year_hkd": gettext_lazy("profit, latest year"),
    "profit_two_preceding_years_hkd": gettext_lazy("profit, two years before"),
    "market_cap_hkd": gettext_lazy("expected market capitalisation"),
    "revenue_hkd": gettext_lazy("revenue, latest year"),
    "operating_cash_flow_three_years_hkd": gettext_lazy("operating cash flow, three years"),
    "threshold_latest_year_hkd": gettext_lazy("required: profit, latest year"),
    "threshold_two_preceding_years_hkd": gettext_lazy("required: profit, two years before"),
    "threshold_market_cap_hkd": gettext_lazy("required: market capitalisation"),
    "threshold_revenue_hkd": gettext_lazy("required: revenue"),
    "threshold_operating_cash_flow_hkd": gettext_lazy("required: operating cash flow"),
    "threshold_market_cap_with_revenue_hkd": gettext_lazy(
        "required: market capitalisation with revenue"
    ),
    "overall_pct": gettext_lazy("research and development share, all years"),
    "yearly_pct": gettext_lazy("research and development share, each year"),
    "threshold_pct": gettext_lazy("required share"),
    "years": gettext_lazy("years"),
    "minimum_years": gettext_lazy("required years"),
    "stage": gettext_lazy("stage of the core product"),
    "minimum": gettext_lazy("required stage"),
    "temporary": gettext_lazy("temporary threshold in force"),
}
STAGES = {
    "preclinical": gettext_lazy("pre-clinical"),
    "phase_1": gettext_lazy("clinical trial phase I"),
    "phase_2": gettext_lazy("clinical trial phase II"),
    "phase_3": gettext_lazy("clinical trial phase III"),
    "approved": gettext_lazy("approved for sale"),
}


def _pct(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list | tuple):
        return _join([_pct(item) for item in value]) or "—"
    return f"{number_format(round(float(value), 1))}%"


def _figure(key: str, value: Any) -> tuple[str, str]:
    label = str(FIGURES.get(key, "")) or _figure_label(key)
    if key.endswith("_hkd"):
        return label, _money(value)
    if key.endswith("_pct"):
        return label, _pct(value)
    if isinstance(value, bool):
        return label, _("yes") if value else _("no")
    if isinstance(value, str):
        return label, str(STAGES.get(value, "—"))
    if isinstance(value, list | tuple):
        return label, _join([str(item) for item in value]) or "—"
    return label, "—" if value is None else number_format(value)


def _figure_label(key: str) -> str:
    """A label for a figure the table above does not name: words from its parts."""
    words = {
        "rnd_share": _("research and development share of operating expenditure"),
        "threshold": _("required"),
        "years": _("years"),
    }
    for part, word in words.items():
        if part in key:
            return word
    return _("figure")


@dataclass
class Footnotes:
    facts: dict[str, Any]
    order: list[str] = field(default_factory=list)

    def number(self, ids: list[str]) -> list[tuple[int, int]]:
        """Footnote numbers of ``ids`` as runs ``(first, last)``: [3, 4, 5, 9] is 3–5 and 9."""
        runs: list[tuple[int, int]] = []
        for n in self.numbers(ids):
            if runs and runs[-1][1] == n - 1:
                runs[-1] = (runs[-1][0], n)
            else:
                runs.append((n, n))
        return runs

    def numbers(self, ids: list[str]) -> list[int]:
        numbers = []
        for fact_id in ids:
            if fact_id not in self.facts:
                continue
            if fact_id not in self.order:
                self.order.append(fact_id)
            numbers.append(self.order.index(fact_id) + 1)
        return sorted(set(numbers))

    def listed(self) -> list[dict[str, Any]]:
        language = translation.get_language() or "en"
        rows = []
        for n, fact_id in enumerate(self.order, start=1):
            fact = self.facts[fact_id]
            statement = fact.get("statements") or fact.get("statement", "")
            if isinstance(statement, dict):
                statement = statement.get(language) or statement.get("en", "")
            source = fact.get("source", {})
            rows.append(
                {
                    "n": n,
                    "id": fact_id,
                    "statement": statement,
                    "title": source.get("title", ""),
                    "url": source.get("url", ""),
                    "publisher": source.get("publisher", ""),
                    "checked_on": fact.get("checked_on", ""),
                    "verified": fact.get("verified", True),
                    "kind": source.get("kind", ""),
                }
            )
        return rows


# The labels of the roadmap being presented (one per thread or task, so pages rendered at the
# same time never mix their names).
_LABELS: ContextVar[Labels | None] = ContextVar("roadmap_labels", default=None)


def _tables() -> dict[str, dict[str, Any]]:
    return {
        "tests": TESTS,
        "routes": ROUTES,
        "functions": FUNCTIONS,
        "stage": STAGES,
        "status": AGREEMENT_STATUS,
    }


def _texts(pairs: list[Any]) -> list[str]:
    """Reasons as sentences in the reader's language, with every code in them as a label."""
    language = translation.get_language() or "en"
    labels = _LABELS.get()
    tables = _tables()
    texts = []
    for code, params in pairs:
        if labels is not None:
            params = {name: labels.param(name, value, tables) for name, value in params.items()}
        texts.append(engine.describe(code, params, language))
    return texts


def _override(item: dict[str, Any], yes: str, no: str) -> dict[str, Any] | None:
    mark = item.get("override")
    if not mark:
        return None
    computed = mark.get("computed")
    return {**mark, "computed": _state(computed, yes=yes, no=no)[0]}


def _item(
    item: dict[str, Any], *, code: str, label: str, value: Any, yes: str, no: str, notes: Footnotes
) -> dict[str, Any]:
    state_label, state_class = _state(value, yes=yes, no=no)
    return {
        "code": code,
        "label": label,
        "state_label": state_label,
        "state_class": state_class,
        "reasons": _texts(item.get("reasons", [])),
        "conditions": _texts(item.get("conditions", [])),
        "facts": notes.number(item.get("facts", [])),
        "override": _override(item, yes, no),
        "rows": [],
        "tests": [],
        "score_label": "",
    }


def _routes(result: dict[str, Any], notes: Footnotes) -> list[dict[str, Any]]:
    rows = []
    for route in result.get("listing_routes", []):
        row = _item(
            route,
            code=route["route"],
            label=str(ROUTES.get(route["route"], _("listing route"))),
            value=route.get("eligible"),
            yes=_("the tests are met"),
            no=_("the tests are not met"),
            notes=notes,
        )
        for test in route.get("tests", []):
            met_label, _cls = _state(test.get("met"), yes=_("met"), no=_("not met"))
            row["tests"].append(
                {
                    "label": str(TESTS.get(test["test"], "")) or _("test"),
                    "state_label": met_label,
                    "figures": [_figure(k, v) for k, v in test.get("figures", {}).items()],
                }
            )
        rows.append(row)
    return rows


def _mainland(result: dict[str, Any], notes: Footnotes) -> list[dict[str, Any]]:
    return [
        _item(
            step,
            code=step["step"],
            label=str(MAINLAND_STEPS.get(step["step"], _("mainland filing"))),
            value=step.get("required"),
            yes=_("required"),
            no=_("not required"),
            notes=notes,
        )
        for step in result.get("mainland_steps", [])
    ]


def _functions(result: dict[str, Any], notes: Footnotes) -> list[dict[str, Any]]:
    rows = []
    for function in result.get("functions", []):
        row = _item(
            function,
            code=function["function"],
            label=str(FUNCTIONS.get(function["function"], _("Hong Kong function"))),
            value=function.get("recommended"),
            yes=_("recommended"),
            no=_("not now"),
            notes=notes,
        )
        for point in function.get("tax_points", []):
            name = str(TAX_POINTS.get(point.get("code", ""), _("tax point")))
            row["rows"].append((name, _tax_point(point)))
        rows.append(row)
    return rows


def _tax_point(point: dict[str, Any]) -> str:
    rate = point.get("rate")
    if rate is None:
        return "—"
    if point.get("code") == "profits_tax_two_tier" and point.get("standard_rate") is not None:
        return _("%(rate)s%% on the first %(threshold)s of profits, %(standard)s%% above") % {
            "rate": number_format(rate),
            "threshold": _money(point.get("threshold_hkd")),
            "standard": number_format(point["standard_rate"]),
        }
    if point.get("code") == "ctc_concession":
        return _("%(rate)s%% on qualifying profits of a corporate treasury centre") % {
            "rate": number_format(rate)
        }
    return f"{number_format(rate)}%"


def _markets(result: dict[str, Any], notes: Footnotes) -> list[dict[str, Any]]:
    codes = [m["market"] for m in result.get("markets", [])]
    countries = {c.code: c for c in Country.objects.filter(code__in=codes)}
    rows = []
    for market in result.get("markets", []):
        country = countries.get(market["market"])
        label = localized(country, "name") if country else _("a market")
        row = _item(
            market,
            code=market["market"],
            label=label,
            value=market.get("recommended", True if market.get("target") else None),
            yes=_("a target market") if market.get("target") else _("worth a look"),
            no=_("not now"),
            notes=notes,
        )
        row["state_label"] = _("ranked %(rank)s") % {"rank": market.get("rank", "—")}
        row["state_class"] = "badge-info"
        row["rows"] = [
            (_("double taxation agreement"), str(AGREEMENT_STATUS.get(market.get("cdta"), "—"))),
            (_("investment agreement"), str(AGREEMENT_STATUS.get(market.get("ippa"), "—"))),
            (
                _("free trade agreements"),
                str(len(market.get("fta", []))) if market.get("fta") else _("none"),
            ),
            (
                _("Hong Kong offices"),
                str(len(market.get("hk_offices", []))) if market.get("hk_offices") else _("none"),
            ),
        ]
        rows.append(row)
    return rows


def _schemes(result: dict[str, Any], notes: Footnotes) -> list[dict[str, Any]]:
    codes = [s["scheme"] for s in result.get("schemes", [])]
    names = {s.code: localized(s, "name") for s in Scheme.objects.filter(code__in=codes)}
    return [
        _item(
            scheme,
            code=scheme["scheme"],
            label=names.get(scheme["scheme"]) or _("a scheme"),
            value=scheme.get("eligible"),
            yes=_("eligible"),
            no=_("not eligible"),
            notes=notes,
        )
        for scheme in result.get("schemes", [])
    ]


def step_titles(result: dict[str, Any]) -> dict[str, str]:
    """Each step's title in the active language (the engine gives titles per language)."""
    language = translation.get_language() or "en"
    titles = {}
    for step in result.get("steps", []):
        title = step.get("titles") or step.get("title", "")
        if isinstance(title, dict):
            title = title.get(language) or title.get("en", "")
        titles[step["id"]] = str(title) or str(FUNCTIONS.get(step.get("function", ""), ""))
    return titles


def _categories(codes: list[str]) -> list[str]:
    labels = dict(ProviderCategory.choices)
    return [str(labels[c]) for c in codes if c in labels]


def _steps(
    result: dict[str, Any], notes: Footnotes, providers: dict[str, list[Any]], tasks: dict[str, str]
) -> list[dict[str, Any]]:
    titles = step_titles(result)
    language = translation.get_language() or "en"
    rows = []
    for step in result.get("steps", []):
        documents = [
            (d.get(language) or d.get("en", "")) if isinstance(d, dict) else str(d)
            for d in step.get("documents", [])
        ]
        weeks = step.get("weeks") or [1, 1]
        named = [
            str(row.provider)
            for category in step.get("provider_categories", [])
            for row in providers.get(category, [])
        ]
        rows.append(
            {
                "id": step["id"],
                "title": titles[step["id"]],
                "weeks": f"{weeks[0]}–{weeks[-1]}" if weeks[0] != weeks[-1] else str(weeks[0]),
                "after_text": _join([titles.get(a, "") for a in step.get("after", [])]) or "—",
                "categories_text": _join(_categories(step.get("provider_categories", []))) or "—",
                "documents_text": _join([d for d in documents if d]) or "—",
                "providers": named[:5],
                "facts": notes.number(step.get("facts", [])),
                "override": step.get("override"),
                "task": tasks.get(step["id"], ""),
            }
        )
    return rows


@dataclass
class RoadmapView:
    sections: list[dict[str, Any]]
    steps: list[dict[str, Any]]
    timeline_svg: SafeString
    facts: list[dict[str, Any]]
    undecided: list[str]
    changes: list[str]
    causes: str
    show_tasks: bool
    for_print: bool = False


def present(
    roadmap: Roadmap,
    *,
    user: Any,
    for_print: bool = False,
    providers: dict[str, list[Any]] | None = None,
    tasks: dict[str, str] | None = None,
) -> RoadmapView:
    """Everything the roadmap page, the shared page and the PDF show."""
    result = roadmap.result
    notes = Footnotes(facts=result.get("facts", {}))
    _LABELS.set(Labels(result))
    if providers is None and user is not None and not for_print:
        from goglobal.roadmaps import selectors

        categories = {c for s in result.get("steps", []) for c in s.get("provider_categories", [])}
        providers = selectors.providers_by_category(
            user=user, enterprise=roadmap.enterprise, categories=categories
        )
    sections = [
        {
            "key": "routes",
            "title": _("Listing in Hong Kong"),
            "lead": _(
                "The quantitative tests under the rules in force; what a profile cannot show "
                "is listed as still to be shown."
            ),
            "items": _routes(result, notes),
            "empty": _("No listing route applies."),
        },
        {
            "key": "mainland",
            "title": _("Filings on the mainland side"),
            "lead": "",
            "items": _mainland(result, notes),
            "empty": _("No mainland filing applies."),
        },
        {
            "key": "functions",
            "title": _("What to set up in Hong Kong"),
            "lead": "",
            "items": _functions(result, notes),
            "empty": _("Nothing to set up yet."),
        },
        {
            "key": "markets",
            "title": _("Markets, with Hong Kong's agreements and offices"),
            "lead": _(
                "Ranked by the market's demand for imports and what Hong Kong's agreements "
                "and offices add there."
            ),
            "items": _markets(result, notes),
            "empty": _("No market to rank: record the target markets."),
        },
        {
            "key": "schemes",
            "title": _("Schemes"),
            "lead": "",
            "items": _schemes(result, notes),
            "empty": _("No scheme applies."),
        },
    ]
    steps = _steps(result, notes, providers or {}, tasks or {})
    spans = timeline.spans(result.get("steps", []), step_titles(result))
    svg = timeline.svg(spans, weeks_label=_("weeks"), title=_("Steps and timeline"))
    undecided = _texts(result.get("notes", []))
    changes, causes = _change_texts(roadmap.changes, result)
    return RoadmapView(
        sections=sections,
        steps=steps,
        timeline_svg=mark_safe(svg),
        facts=notes.listed(),
        undecided=undecided,
        changes=changes,
        causes=causes,
        show_tasks=bool(tasks),
        for_print=for_print,
    )


def _item_names(result: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Names of the items a change can name, in the reader's language."""
    markets = [m["market"] for m in result.get("markets", [])]
    schemes = [m["scheme"] for m in result.get("schemes", [])]
    return {
        "listing_routes": {k: str(v) for k, v in ROUTES.items()},
        "mainland_steps": {k: str(v) for k, v in MAINLAND_STEPS.items()},
        "functions": {k: str(v) for k, v in FUNCTIONS.items()},
        "markets": {c.code: localized(c, "name") for c in Country.objects.filter(code__in=markets)},
        "schemes": {c.code: localized(c, "name") for c in Scheme.objects.filter(code__in=schemes)},
        "steps": step_titles(result),
    }


def _change_texts(log: list[dict[str, Any]], result: dict[str, Any]) -> tuple[list[str], str]:
    if not log:
        return [], ""
    entry = log[-1]
    names = _item_names(result)
    texts = []
    for change in entry.get("changes", []):
        item = names.get(change["part"], {}).get(change["item"]) or _("an item")
        if change["what"] == "added":
            texts.append(_("Added: %(item)s") % {"item": item})
        elif change["what"] == "removed":
            texts.append(_("No longer in the roadmap: %(item)s") % {"item": item})
        else:
            texts.append(_("Changed: %(item)s") % {"item": item})
    causes = []
    for cause in entry.get("causes", []):
        if cause["cause"] == "profile":
            causes.append(_("the enterprise's profile or figures changed"))
        elif cause["cause"] == "knowledge":
            causes.append(_("the knowledge base changed"))
        elif cause["cause"] == "as_of":
            causes.append(_("the rules in force on a later date were applied"))
        elif cause["cause"] == "overrides":
            causes.append(_("an officer's change was recorded or withdrawn"))
    because = _("Because %(causes)s.") % {"causes": _join(causes)} if causes else ""
    return texts, because
