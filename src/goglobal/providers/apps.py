from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersConfig(AppConfig):
    name = "goglobal.providers"
    label = "providers"
    verbose_name = _("Directory")

    def ready(self) -> None:
        from goglobal.core import labels
        from goglobal.providers.models import ProviderCategory

        labels.register_choices("provider_category", ProviderCategory.choices)
