"""Profile vectors: computed once per profile text and model version, stored, reused.

``profile_vector_refresh`` is what the background task calls after a profile is saved; a query
only reads stored vectors (``provider_vectors``, ``enterprise_vector``) and never encodes a
provider.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt
from django.db import transaction

from goglobal.engines.matching import embed
from goglobal.enterprises.models import Enterprise
from goglobal.matching.models import ProfileVector
from goglobal.providers.models import ServiceProvider

Vector = npt.NDArray[np.float32]


def _provider_text(provider: ServiceProvider) -> str:
    names = (provider.name_en, provider.name_zh_hant, provider.name_zh_hans)
    return embed.profile_text(names, provider.description)


def _enterprise_text(enterprise: Enterprise) -> str:
    return embed.profile_text((enterprise.name_zh, enterprise.name_en), enterprise.description)


def profile_vector_refresh(*, kind: str, object_ids: Iterable[int]) -> int:
    """Encode the profiles whose text changed since their stored vector; return how many."""
    model = ServiceProvider if kind == ProfileVector.Kind.PROVIDER else Enterprise
    rows = list(model.objects.filter(pk__in=list(object_ids)))
    text_of = _provider_text if kind == ProfileVector.Kind.PROVIDER else _enterprise_text
    texts = {row.pk: text_of(row) for row in rows}  # type: ignore[arg-type]
    stored = dict(
        ProfileVector.objects.filter(
            kind=kind, object_id__in=list(texts), model_version=embed.MODEL_VERSION
        ).values_list("object_id", "text_hash")
    )
    stale = [pk for pk, text in texts.items() if stored.get(pk) != embed.text_hash(text)]
    if not stale:
        return 0
    vectors = embed.encode([texts[pk] for pk in stale])
    with transaction.atomic():
        for pk, vector in zip(stale, vectors, strict=True):
            ProfileVector.objects.update_or_create(
                kind=kind,
                object_id=pk,
                model_version=embed.MODEL_VERSION,
                defaults={
                    "text_hash": embed.text_hash(texts[pk]),
                    "vector": embed.to_bytes(vector),
                },
            )
    return len(stale)


def provider_vectors(ids: Iterable[int] | None = None) -> dict[str, Vector]:
    """Stored provider vectors of the current model, by provider id (as the engine's str id)."""
    rows = ProfileVector.objects.filter(
        kind=ProfileVector.Kind.PROVIDER, model_version=embed.MODEL_VERSION
    )
    if ids is not None:
        rows = rows.filter(object_id__in=list(ids))
    return {
        str(pk): embed.from_bytes(bytes(data))
        for pk, data in rows.values_list("object_id", "vector").iterator(chunk_size=2000)
    }


def enterprise_vector(enterprise: Enterprise) -> Vector | None:
    row = ProfileVector.objects.filter(
        kind=ProfileVector.Kind.ENTERPRISE,
        object_id=enterprise.pk,
        model_version=embed.MODEL_VERSION,
    ).first()
    return None if row is None else embed.from_bytes(bytes(row.vector))
