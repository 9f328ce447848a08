"""Every write of the imports app: creating an import job and running it."""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.errors import DomainError
from goglobal.imports.cells import RowError
from goglobal.imports.codes import ReferenceCodes
from goglobal.imports.importing import Counts, Source, Spool, rows_check, rows_write
from goglobal.imports.kinds import KINDS
from goglobal.imports.models import FileFormat, ImportJob, ImportStatus

logger = logging.getLogger(__name__)


def file_format_of(name: str) -> str:
    """``"csv"`` or ``"xlsx"`` from a file name; anything else is refused."""
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix not in FileFormat.values:
        raise DomainError(
            _("Upload a .csv or .xlsx file, not “%(name)s”.") % {"name": name}, field="file"
        )
    return suffix


@transaction.atomic
def import_job_create(
    *,
    actor: User | None,
    kind: str,
    upload: File[Any],
    dry_run: bool,
    run_in_background: bool = True,
) -> ImportJob:
    """Store the uploaded file as a queued job and, once committed, hand it to a worker."""
    if kind not in KINDS:
        raise DomainError(_("Unknown kind of import “%(kind)s”.") % {"kind": kind}, field="kind")
    name = Path(upload.name or "upload").name
    job = ImportJob(
        kind=kind,
        original_name=name[:255],
        file_format=file_format_of(name),
        dry_run=dry_run,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    job.file.save(name, upload, save=False)
    job.save()
    if run_in_background:
        from goglobal.imports.tasks import import_run_task

        transaction.on_commit(lambda: import_run_task.enqueue(job_id=job.pk))
    return job


def import_file(
    *,
    kind: str,
    open_file: Any,
    file_format: str,
    actor: User | None,
    dry_run: bool,
    job_id: int | None = None,
) -> tuple[Counts, list[RowError]]:
    """Check a whole file and, if it has no error, import it in one transaction.

    ``open_file()`` returns a context manager giving the file in binary mode; it is called once
    per pass. With errors nothing is written and the counts hold only the rows read.
    """
    source = Source(
        kind=KINDS[kind],
        open=open_file,
        file_format=file_format,
        codes=ReferenceCodes.load(),
        batch_size=settings.GOGLOBAL_IMPORT_BATCH_SIZE,
    )
    spool = Spool()
    try:
        rows, errors = rows_check(source, spool)
        if errors:
            return Counts(rows=rows), errors
        if dry_run:
            return rows_write(source.kind, spool, actor=actor, job_id=job_id, dry_run=True), []
        with transaction.atomic():
            return rows_write(source.kind, spool, actor=actor, job_id=job_id, dry_run=False), []
    finally:
        spool.close()


def _opener(job: ImportJob) -> AbstractContextManager[IO[bytes]]:
    return job.file.open("rb")


def import_run(*, job: ImportJob) -> ImportJob:
    """Run a queued job once; a job that already ran (or is running) is left as it is."""
    claimed = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.QUEUED).update(
        status=ImportStatus.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        job.refresh_from_db()
        return job
    language = getattr(job.created_by, "preferred_language", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        _run(job)
    job.refresh_from_db()
    return job


def _run(job: ImportJob) -> None:
    try:
        counts, errors = import_file(
            kind=job.kind,
            open_file=lambda: _opener(job),
            file_format=job.file_format,
            actor=job.created_by,
            dry_run=job.dry_run,
            job_id=job.pk,
        )
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        message = _("The import stopped unexpectedly and nothing was changed. Try again later.")
        _finish(job, ImportStatus.FAILED, Counts(), [RowError(None, "", message)])
    else:
        status = ImportStatus.REJECTED if errors else ImportStatus.SUCCEEDED
        _finish(job, status, counts, errors)


def _finish(job: ImportJob, status: str, counts: Counts, errors: list[RowError]) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        status=status,
        row_count=counts.rows,
        created_count=counts.created,
        updated_count=counts.updated,
        unchanged_count=counts.unchanged,
        errors=[error.as_dict() for error in errors],
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
