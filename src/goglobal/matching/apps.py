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


def read_needs_of(provider: Any) -> list[str]:
    """The needs the encoder read in the provider's description when its vector was stored."""
    from goglobal.engines.matching import embed
    from goglobal.matching.models import ProfileVector

    stored = (
        ProfileVector.objects.filter(
            kind=ProfileVector.Kind.PROVIDER, object_id=provider.pk,
            model_version=embed.MODEL_VERSION,
        ).values_list("read_needs", flat=True).first()
    )  # fmt: skip
    return [str(need) for need, _clause in stored or []]


class MatchingConfig(AppConfig):
    name = "goglobal.matching"
    label = "matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from goglobal.enterprises.signals import enterprises_changed
        from goglobal.providers.signals import providers_changed
        from goglobal.providers.suggestions import stated_need_readers

        if read_needs_of not in stated_need_readers:
            stated_need_readers.append(read_needs_of)
        providers_changed.connect(on_providers_changed, dispatch_uid="matching.vectors")
        enterprises_changed.connect(on_enterprises_changed, dispatch_uid="matching.vectors")
