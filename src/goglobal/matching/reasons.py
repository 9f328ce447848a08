"""The matcher's reason codes as sentences in the reader's language."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from types import SimpleNamespace
from typing import Any

from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from goglobal.core.i18n import language_suffix, localized
from goglobal.core.labels import label, labels_for
from goglobal.engines.text.glossary import glossary
from goglobal.knowledge.models import Agreement, Country, NeedCode, Sector
from goglobal.providers.models import InvestmentStage, ProviderCategory


def _names(model: type[Country | Sector | NeedCode]) -> dict[str, str]:
    """Each code's name in the reader's language: four columns read, no model built."""
    rows = model.objects.order_by().values("code", "name_en", "name_zh_hans", "name_zh_hant")
    return {row["code"]: localized(SimpleNamespace(**row), "name") for row in rows}


class ReasonText:
    """Turns ``(code, params)`` into one sentence; reference names load once per instance."""

    @cached_property
    def _countries(self) -> dict[str, str]:
        return _names(Country)

    @cached_property
    def _sectors(self) -> dict[str, str]:
        return _names(Sector)

    @cached_property
    def _needs(self) -> dict[str, str]:
        return _names(NeedCode)

    def _list(self, names: list[str]) -> str:
        return ("、" if language_suffix() != "en" else ", ").join(names)

    def _country_list(self, codes: Any) -> str:
        wanted = [code for code in str(codes).split(",") if code]
        return self._list([self._countries.get(code, code) for code in wanted])

    def _languages(self, codes: Any) -> str:
        wanted = [code for code in str(codes).split(",") if code]
        names = labels_for("language", wanted)
        return self._list([names.get(code, code) for code in wanted])

    def _concepts(self, ids: Any) -> str:
        column = f"terms_{language_suffix()}"
        table = glossary()
        labels = []
        for concept_id in (part for part in str(ids).split(",") if part):
            terms = getattr(table.get(concept_id), column, ())
            labels.append(terms[0] if terms else concept_id)
        return self._list(labels)

    def _track_record(self, code: str, params: dict[str, Any]) -> str:
        count = int(params.get("count", 0))
        values = {
            "count": count,
            "sector": self._sectors.get(str(params.get("sector", "")), ""),
        }
        if code == "track_record.completed":
            return (
                ngettext(
                    "%(count)s completed referral for enterprises in %(sector)s",
                    "%(count)s completed referrals for enterprises in %(sector)s",
                    count,
                )
                % values
            )
        if code == "track_record.accepted":
            return (
                ngettext(
                    "%(count)s accepted referral for enterprises in %(sector)s",
                    "%(count)s accepted referrals for enterprises in %(sector)s",
                    count,
                )
                % values
            )
        return (
            ngettext("%(count)s declined referral", "%(count)s declined referrals", count) % values
        )

    def describe(self, code: str, params: dict[str, Any]) -> str:
        if code.startswith("track_record."):
            return self._track_record(code, params)
        writer = self._writers().get(code)
        return writer(params) if writer else code

    def _writers(self) -> dict[str, Callable[[dict[str, Any]], str]]:
        categories = dict(ProviderCategory.choices)
        return {
            "need.serves": lambda p: (
                gettext("Serves “%(need)s”")
                % {"need": self._needs.get(str(p.get("need")), p.get("need"))}
            ),
            "need.other_kinds": lambda p: (
                gettext("Its profile names other services, not %(kinds)s")
                % {"kinds": self._concepts(p.get("kinds", ""))}
            ),
            "need.category": lambda p: (
                gettext("%(category)s: the usual kind of firm for this need")
                % {
                    "category": capfirst(
                        str(categories.get(p.get("category", ""), p.get("category")))
                    )
                }
            ),
            "need.specialist": lambda p: (
                gettext("A specialist: this is the one service it offers")
                if str(p.get("count")) == "1"
                else gettext("A specialist: one of the two services it offers")
            ),
            "market.office": lambda p: (
                gettext("Own office in %(country)s")
                % {"country": self._country_list(p.get("country"))}
            ),
            "market.network": lambda p: (
                gettext("Network partner in %(country)s")
                % {"country": self._country_list(p.get("country"))}
            ),
            "market.text": lambda p: (
                (
                    gettext("Office in %(country)s, stated in the profile (“%(phrase)s”)")
                    if p.get("presence") == "office"
                    else gettext("Covers %(country)s, stated in the profile (“%(phrase)s”)")
                )
                % {"country": self._country_list(p.get("country")), "phrase": p.get("phrase", "")}
            ),
            "need.text": lambda p: (
                gettext("Offers “%(need)s”, stated in the profile")
                % {"need": self._needs.get(str(p.get("need")), p.get("need"))}
            ),
            "sector.text": lambda p: (
                gettext("Experience in %(sector)s, stated in the profile")
                % {"sector": self._sectors.get(str(p.get("sector")), p.get("sector"))}
            ),
            "market.global": lambda p: gettext("Works worldwide"),
            "market.none": lambda p: (
                gettext("No office or partner in %(country)s stated: ask how it would serve it")
                % {"country": self._country_list(p.get("country"))}
            ),
            "market.targets": lambda p: (
                gettext("Covers target markets: %(countries)s")
                % {"countries": self._country_list(p.get("countries"))}
            ),
            "sector.same": lambda p: (
                gettext("Experience in %(sector)s")
                % {"sector": self._sectors.get(str(p.get("sector")), p.get("sector"))}
            ),
            "sector.section": lambda p: (
                gettext("Experience in the same broad sector: %(section)s")
                % {"section": self._sectors.get(str(p.get("section")), p.get("section"))}
            ),
            "sector.generalist": lambda p: gettext("Works across sectors"),
            "language.shared": lambda p: (
                gettext("Works in the contacts' languages (%(languages)s)")
                % {"languages": self._languages(p.get("languages", ""))}
            ),
            "text.concepts": lambda p: (
                gettext("Its profile mentions %(concepts)s")
                % {"concepts": self._concepts(p.get("concepts", ""))}
            ),
            "capacity.full": lambda p: (
                gettext("At its monthly capacity (%(open)s of %(capacity)s referrals)")
                % {"open": p.get("open", 0), "capacity": p.get("capacity", 0)}
            ),
            "fairness.rotated": lambda p: gettext(
                "Shown first in turn with providers of a similar score"
            ),
            **self._market_writers(),
            **self._investor_writers(),
        }

    def _market_writers(self) -> dict[str, Callable[[dict[str, Any]], str]]:
        kinds = dict(Agreement.Kind.choices)
        statuses = dict(Agreement.Status.choices)
        return {
            "market.stated": lambda p: gettext("A stated target market"),
            "market.in_group": lambda p: (
                gettext("In a grouping the enterprise targets (%(group)s)")
                % {"group": label("market_group", str(p.get("group", "")))}
            ),
            "market.sector_providers": lambda p: (
                ngettext(
                    "%(count)s Hong Kong provider with %(sector)s experience covers it",
                    "%(count)s Hong Kong providers with %(sector)s experience cover it",
                    int(p.get("count", 0)),
                )
                % {
                    "count": p.get("count", 0),
                    "sector": self._sectors.get(str(p.get("sector")), p.get("sector")),
                }
            ),
            "market.size": lambda p: (
                gettext("GDP of about US$%(billions)s billion (%(year)s)")
                % {"billions": p.get("billions", 0), "year": p.get("year", "")}
            ),
            "market.growth": lambda p: (
                gettext("Real growth of %(percent)s%% (%(year)s)")
                % {"percent": p.get("percent", 0), "year": p.get("year", "")}
            ),
            "market.agreement": lambda p: (
                gettext("Hong Kong %(kind)s: %(status)s")
                % {
                    "kind": kinds.get(str(p.get("kind")), p.get("kind")),
                    "status": statuses.get(str(p.get("status")), p.get("status")),
                }
            ),
            "market.hk_office": lambda p: (
                gettext("Hong Kong office there (%(cities)s)")
                % {"cities": self._list(str(p.get("cities", "")).split(","))}
            ),
        }

    def _investor_writers(self) -> dict[str, Callable[[dict[str, Any]], str]]:
        stages = dict(InvestmentStage.choices)
        sources = {
            "notes": gettext("amount from the need's notes"),
            "revenue_band": gettext("estimated from the revenue band, no amount given"),
        }

        def amount(p: dict[str, Any]) -> dict[str, Any]:
            source = str(p.get("source", ""))
            return {"millions": p.get("millions", 0), "source": sources.get(source, source)}

        return {
            "investor.sector": lambda p: (
                gettext("Invests in %(sector)s")
                % {"sector": self._sectors.get(str(p.get("sector")), p.get("sector"))}
            ),
            "investor.generalist": lambda p: gettext("Invests across sectors"),
            "investor.stage": lambda p: (
                gettext("Invests at this stage: %(stages)s")
                % {
                    "stages": self._list(
                        [str(stages.get(s, s)) for s in str(p.get("stages", "")).split(",")]
                    )
                }
            ),
            "investor.ticket_fits": lambda p: (
                gettext("Ticket size fits about US$%(millions)s million (%(source)s)") % amount(p)
            ),
            "investor.ticket_outside": lambda p: (
                gettext("Ticket size outside about US$%(millions)s million (%(source)s)")
                % amount(p)
            ),
            "investor.markets": lambda p: (
                gettext("Invests in target markets: %(countries)s")
                % {"countries": self._country_list(p.get("countries"))}
            ),
        }
