from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _schedule(kind: str, ids: Any) -> None:
    from django.db import transaction

    from goglobal.matching.tasks import profile_vector_task

    wanted = sorted({int(pk) for pk in ids})
    if wanted:
        transaction.on_commit(lambda: profile_vector_task.enqueue(kind=kind, object_ids=wanted))


def on_providers_changed(sender: Any, *, ids: Any, **kwargs: Any) -> None:
    """Receiver of ``providers_changed``: schedule the profile vectors on commit."""
    _schedule("provider", ids)


def on_enterprises_changed(sender: Any, *, ids: Any, **kwargs: Any) -> None:
    _schedule("enterprise", ids)


class MatchingConfig(AppConfig):
    name = "goglobal.matching"
    label = "matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from goglobal.enterprises.signals import enterprises_changed
        from goglobal.providers.signals import providers_changed

        providers_changed.connect(on_providers_changed, dispatch_uid="matching.vectors")
        enterprises_changed.connect(on_enterprises_changed, dispatch_uid="matching.vectors")
