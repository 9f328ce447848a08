from collections.abc import Iterable

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "goglobal.knowledge"
    label = "knowledge"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from goglobal.core import labels

        labels.register("need", _need_labels)
        labels.register("market", _market_labels)
        labels.register("sector", _sector_labels)
        labels.register("fact_kind", _fact_kind_labels)
        from goglobal.knowledge.languages import TEXT_LANGUAGES, WORKING_LANGUAGES

        labels.register_choices("language", [*TEXT_LANGUAGES, *WORKING_LANGUAGES])
        labels.register("market_group", _market_group_labels)


def _need_labels(codes: Iterable[str]) -> dict[str, str]:
    from goglobal.core.i18n import localized
    from goglobal.knowledge.models import NeedCode

    return {row.code: localized(row, "name") for row in NeedCode.objects.filter(code__in=codes)}


def _market_labels(codes: Iterable[str]) -> dict[str, str]:
    from goglobal.core.i18n import localized
    from goglobal.knowledge.models import Country

    return {row.code: localized(row, "name") for row in Country.objects.filter(code__in=codes)}


def _sector_labels(codes: Iterable[str]) -> dict[str, str]:
    from goglobal.core.i18n import localized
    from goglobal.knowledge.models import Sector

    return {row.code: localized(row, "name") for row in Sector.objects.filter(code__in=codes)}


def _fact_kind_labels(codes: Iterable[str]) -> dict[str, str]:
    """A kind of fact (``agreement_party``) by its model's name (market covered by an agreement)."""
    from goglobal.knowledge.selectors import FACT_MODELS

    return {
        code: str(FACT_MODELS[code]._meta.verbose_name).capitalize()
        for code in codes
        if code in FACT_MODELS
    }


def _market_group_labels(codes: Iterable[str]) -> dict[str, str]:
    from goglobal.core.i18n import localized
    from goglobal.knowledge.models import MarketGroup

    wanted = {str(code).upper(): code for code in codes}
    return {
        wanted[row.code.upper()]: localized(row, "name")
        for row in MarketGroup.objects.filter(code__in=[*wanted, *wanted.values()])
        if row.code.upper() in wanted
    }
