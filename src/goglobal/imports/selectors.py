"""Reads of the imports app: the jobs a user may see and the rows of an export."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from goglobal.accounts.rules import can
from goglobal.imports.codes import ReferenceCodes
from goglobal.imports.kinds import KINDS
from goglobal.imports.models import ImportJob


def import_job_list_for(*, user: Any) -> QuerySet[ImportJob]:
    """Every job for people who may import (the task force shares its work), else none."""
    if not can(user, "data.import"):
        return ImportJob.objects.none()
    return ImportJob.objects.select_related("created_by").order_by("-created_at", "-id")


def import_job_get_for(*, user: Any, job_id: int) -> ImportJob:
    return get_object_or_404(import_job_list_for(user=user), pk=job_id)


def export_rows(*, kind: str) -> tuple[list[str], Iterator[list[str]]]:
    """The header and, lazily, one row per live record, in the import format of ``kind``."""
    spec = KINDS[kind]
    codes = ReferenceCodes.load().reverse()
    size = settings.GOGLOBAL_IMPORT_BATCH_SIZE

    def rows() -> Iterator[list[str]]:
        for batch in spec.export_records(spec.model.objects.all(), size):  # type: ignore[attr-defined]
            pks = [record.pk for record in batch]
            states = {name: relation.load(pks) for name, relation in spec.relations.items()}
            for record in batch:
                yield spec.export_row(
                    record,
                    {
                        name: states[name].get(record.pk, relation.empty)
                        for name, relation in spec.relations.items()
                    },
                    codes,
                )

    return list(spec.columns), rows()
