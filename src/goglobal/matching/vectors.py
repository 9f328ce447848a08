"""Profile vectors: computed once per profile text and model version, stored, reused.

``profile_vector_refresh`` is what the background task calls after a profile is saved; a query
only reads stored vectors (``provider_profiles``, ``enterprise_vector``) and never encodes a
provider.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt
from django.db import transaction

from goglobal.engines.matching import embed, reading
from goglobal.enterprises.models import Enterprise
from goglobal.matching.models import ProfileVector
from goglobal.providers.models import ServiceProvider

Vector = npt.NDArray[np.float32]


def _provider_text(provider: ServiceProvider) -> str:
    names = (provider.name_en, provider.name_zh_hant, provider.name_zh_hans)
    return embed.profile_text(names, provider.description)


def _enterprise_text(enterprise: Enterprise) -> str:
    return embed.profile_text((enterprise.name_zh, enterprise.name_en), enterprise.description)


Reading = tuple[tuple[str, str], ...]


def _hash(kind: str, text: str) -> str:
    """A provider's stored row also holds the needs read in its text, so a new reading of the
    same text (``reading.READING_VERSION``) makes the row stale too."""
    if kind == ProfileVector.Kind.PROVIDER:
        return embed.text_hash(f"{text}\n{reading.READING_VERSION}")
    return embed.text_hash(text)


def profile_vector_refresh(*, kind: str, object_ids: Iterable[int]) -> int:
    """Encode the profiles whose text changed since their stored vector (for providers, read
    the needs their description names, too); return how many."""
    model = ServiceProvider if kind == ProfileVector.Kind.PROVIDER else Enterprise
    rows = list(model.objects.filter(pk__in=list(object_ids)))
    text_of = _provider_text if kind == ProfileVector.Kind.PROVIDER else _enterprise_text
    texts = {row.pk: text_of(row) for row in rows}  # type: ignore[arg-type]
    stored = dict(
        ProfileVector.objects.filter(
            kind=kind, object_id__in=list(texts), model_version=embed.MODEL_VERSION
        ).values_list("object_id", "text_hash")
    )
    stale = [pk for pk, text in texts.items() if stored.get(pk) != _hash(kind, text)]
    if not stale:
        return 0
    vectors = embed.encode([texts[pk] for pk in stale])
    read: list[Reading] = [()] * len(stale)
    if kind == ProfileVector.Kind.PROVIDER:
        descriptions = {row.pk: getattr(row, "description", "") for row in rows}
        read = reading.read_needs([descriptions[pk] for pk in stale])
    with transaction.atomic():
        for pk, vector, needs in zip(stale, vectors, read, strict=True):
            ProfileVector.objects.update_or_create(
                kind=kind,
                object_id=pk,
                model_version=embed.MODEL_VERSION,
                defaults={
                    "text_hash": _hash(kind, texts[pk]),
                    "vector": embed.to_bytes(vector),
                    "read_needs": [list(pair) for pair in needs],
                },
            )
    return len(stale)


def provider_profiles(
    ids: Iterable[int] | None = None,
) -> tuple[dict[str, Vector], dict[str, Reading]]:
    """Stored provider vectors of the current model, by provider id (as the engine's str id),
    and, read in the same statement, the needs read in each description when its vector was
    stored (providers whose reading found nothing are left out of the second)."""
    rows = ProfileVector.objects.filter(
        kind=ProfileVector.Kind.PROVIDER, model_version=embed.MODEL_VERSION
    )
    if ids is not None:
        rows = rows.filter(object_id__in=list(ids))
    vectors: dict[str, Vector] = {}
    read: dict[str, Reading] = {}
    values = rows.values_list("object_id", "vector", "read_needs")
    for pk, data, needs in values.iterator(chunk_size=2000):
        vectors[str(pk)] = embed.from_bytes(bytes(data))
        if needs:
            read[str(pk)] = tuple((str(need), str(clause)) for need, clause in needs)
    return vectors, read


def enterprise_vector(enterprise: Enterprise) -> Vector | None:
    row = ProfileVector.objects.filter(
        kind=ProfileVector.Kind.ENTERPRISE,
        object_id=enterprise.pk,
        model_version=embed.MODEL_VERSION,
    ).first()
    return None if row is None else embed.from_bytes(bytes(row.vector))
