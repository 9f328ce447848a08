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
