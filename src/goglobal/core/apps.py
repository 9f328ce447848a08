from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "goglobal.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from goglobal.core import jobs, shared_cache, text_input

        jobs.connect()
        shared_cache.connect()
        text_input.install_form_checks()
