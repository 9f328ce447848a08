"""Background work: take ids, call one service."""

from __future__ import annotations

from django_tasks import task

from goglobal.matching import vectors


@task()
def profile_vector_task(kind: str, object_ids: list[int]) -> int:
    """Encode the profiles whose text changed (idempotent: unchanged texts are skipped)."""
    return vectors.profile_vector_refresh(kind=kind, object_ids=object_ids)
