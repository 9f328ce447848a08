"""Every write of the imports app: creating an import job and running it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import timedelta
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.errors import DomainError
from goglobal.imports.cells import RowError
from goglobal.imports.codes import ReferenceCodes
from goglobal.imports.forms import upload_too_large_message
from goglobal.imports.importing import Counts, Source, Spool, rows_check, rows_write
from goglobal.imports.kinds import KINDS
from goglobal.imports.leases import LeaseKeeper, lease_running
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
    link_duplicates: bool = False,
    links: dict[int, int] | None = None,
) -> ImportJob:
    """Store the uploaded file as a queued job and, once committed, hand it to a worker.

    ``links`` (row number → enterprise id) are the rows a person chose, in the wizard, to
    update an enterprise on file instead of creating one."""
    if kind not in KINDS:
        raise DomainError(_("Unknown kind of import “%(kind)s”.") % {"kind": kind}, field="kind")
    name = Path(upload.name or "upload").name
    if (upload.size or 0) > settings.GOGLOBAL_UPLOAD_MAX_BYTES:
        raise DomainError(upload_too_large_message(), field="file")
    job = ImportJob(
        kind=kind,
        original_name=name[:255],
        file_format=file_format_of(name),
        dry_run=dry_run,
        link_duplicates=link_duplicates,
        links={str(row): int(pk) for row, pk in (links or {}).items()},
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
    on_written: Callable[[Counts], None] | None = None,
    link_duplicates: bool = False,
    links: dict[int, int] | None = None,
) -> tuple[Counts, list[RowError]]:
    """Check a whole file and, if it has no error, import it in one transaction.

    ``open_file()`` returns a context manager giving the file in binary mode; it is called once
    per pass. With errors nothing is written and the counts hold only the rows read.
    ``on_written(counts)`` runs inside the import's transaction, so that what it records (the
    job's result) is committed together with the rows, or not at all.
    """
    source = Source(
        kind=KINDS[kind],
        open=open_file,
        file_format=file_format,
        codes=ReferenceCodes.load(),
        batch_size=settings.GOGLOBAL_IMPORT_BATCH_SIZE,
        link_duplicates=link_duplicates,
        links=dict(links or {}),
    )
    spool = Spool()
    try:
        rows, errors = rows_check(source, spool)
        if errors:
            return Counts(rows=rows, errors_total=errors.total), errors
        if dry_run:
            return rows_write(source.kind, spool, actor=actor, job_id=job_id, dry_run=True), []
        with transaction.atomic():
            counts = rows_write(source.kind, spool, actor=actor, job_id=job_id, dry_run=False)
            if on_written is not None:
                on_written(counts)
            return counts, []
    finally:
        spool.close()


def _opener(job: ImportJob) -> AbstractContextManager[IO[bytes]]:
    return job.file.open("rb")


class LeaseLostError(Exception):
    """Another worker took the job over: this attempt's writes must be rolled back."""


def _claim(job: ImportJob) -> int | None:
    """Take a queued job, or a running one whose lease ran out: the attempt number, or None."""
    now = timezone.now()
    claimable = Q(status=ImportStatus.QUEUED) | Q(
        status=ImportStatus.RUNNING, lease_expires_at__lt=now
    )
    lease = timedelta(seconds=settings.GOGLOBAL_IMPORT_LEASE_SECONDS)
    claimed = ImportJob.objects.filter(claimable, pk=job.pk).update(
        status=ImportStatus.RUNNING,
        started_at=Coalesce("started_at", Value(now)),
        attempts=F("attempts") + 1,
        lease_expires_at=now + lease,
    )
    job.refresh_from_db()
    return job.attempts if claimed else None


def import_run(*, job: ImportJob) -> ImportJob:
    """Run a queued job, or take over one whose worker died; any other job is left as it is.

    The rows and the job's result are committed together, so a job finishes exactly once.
    """
    attempt = _claim(job)
    if attempt is None:
        return job
    language = getattr(job.created_by, "preferred_language", None) or settings.LANGUAGE_CODE
    seconds = settings.GOGLOBAL_IMPORT_LEASE_SECONDS
    with (
        LeaseKeeper(job_id=job.pk, attempt=attempt, seconds=seconds),
        translation.override(language),
    ):
        _run(job, attempt)
    job.refresh_from_db()
    return job


def _run(job: ImportJob, attempt: int) -> None:
    def record_success(counts: Counts) -> None:
        if not _finish(job, attempt, ImportStatus.SUCCEEDED, counts, []):
            raise LeaseLostError(job.pk)

    try:
        counts, errors = import_file(
            kind=job.kind,
            open_file=lambda: _opener(job),
            file_format=job.file_format,
            actor=job.created_by,
            dry_run=job.dry_run,
            job_id=job.pk,
            on_written=record_success,
            link_duplicates=job.link_duplicates,
            links={int(row): int(pk) for row, pk in (job.links or {}).items()},
        )
    except LeaseLostError:
        logger.warning("Import job %s was taken over by another worker", job.pk)
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        message = _("The import stopped unexpectedly and nothing was changed. Try again later.")
        _finish(job, attempt, ImportStatus.FAILED, Counts(), [RowError(None, "", message)])
    else:
        if errors or job.dry_run:
            status = ImportStatus.REJECTED if errors else ImportStatus.SUCCEEDED
            _finish(job, attempt, status, counts, errors)


def import_jobs_resume(*, max_attempts: int = 3) -> list[int]:
    """Enqueue again every running job whose lease ran out (its worker died); give up on a job
    that already took ``max_attempts`` workers down. Returns the ids enqueued."""
    from goglobal.imports.tasks import import_run_task

    stale = ImportJob.objects.filter(
        status=ImportStatus.RUNNING, lease_expires_at__lt=timezone.now()
    )
    message = _("The import stopped unexpectedly and nothing was changed. Try again later.")
    for job in stale.filter(attempts__gte=max_attempts):
        _finish(job, job.attempts, ImportStatus.FAILED, Counts(), [RowError(None, "", message)])
    ids = list(stale.filter(attempts__lt=max_attempts).values_list("pk", flat=True))
    for job_id in ids:
        import_run_task.enqueue(job_id=job_id)
    return ids


def _finish(
    job: ImportJob, attempt: int, status: str, counts: Counts, errors: list[RowError]
) -> bool:
    """Record the result, only while ``attempt`` still holds the job; whether it did."""
    return bool(
        lease_running(job.pk, attempt).update(
            status=status,
            row_count=counts.rows,
            created_count=counts.created,
            updated_count=counts.updated,
            unchanged_count=counts.unchanged,
            errors=[error.as_dict() for error in errors],
            error_total=max(counts.errors_total, len(errors)),
            warnings=[warning.as_dict() for warning in counts.warnings],
            finished_at=timezone.now(),
            updated_at=timezone.now(),
            lease_expires_at=None,
        )
    )
