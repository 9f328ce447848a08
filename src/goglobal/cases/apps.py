from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "goglobal.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from goglobal.cases.services.keys import on_enterprises_changed
        from goglobal.enterprises.signals import enterprises_changed

        enterprises_changed.connect(on_enterprises_changed, dispatch_uid="cases.keys")
