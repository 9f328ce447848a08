from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def on_cases_changed(sender: Any, *, ids: Any, **kwargs: Any) -> None:
    """Receiver of ``cases_changed``: the rollup follows, in the writing transaction."""
    from goglobal.analytics.rollup import rollup_refresh

    rollup_refresh(case_ids=ids)


def on_enterprises_changed(sender: Any, *, ids: Any, **kwargs: Any) -> None:
    from goglobal.analytics.rollup import rollup_refresh_enterprises

    rollup_refresh_enterprises(enterprise_ids=ids)


def on_providers_changed(sender: Any, *, ids: Any, **kwargs: Any) -> None:
    from goglobal.analytics.rollup import rollup_refresh_providers

    rollup_refresh_providers(provider_ids=ids)


class AnalyticsConfig(AppConfig):
    name = "goglobal.analytics"
    label = "analytics"
    verbose_name = _("Analytics")

    def ready(self) -> None:
        from goglobal.cases.signals import cases_changed
        from goglobal.enterprises.signals import enterprises_changed
        from goglobal.providers.signals import providers_changed

        # Connected after the cases app's receivers (INSTALLED_APPS order): the cases' copies
        # of their enterprise's city and sector are fresh when the rollup reads them.
        cases_changed.connect(on_cases_changed, dispatch_uid="analytics.rollup")
        enterprises_changed.connect(on_enterprises_changed, dispatch_uid="analytics.rollup")
        providers_changed.connect(on_providers_changed, dispatch_uid="analytics.rollup")
