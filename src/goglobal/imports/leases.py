"""A running import job holds a lease: a time by which it must have renewed it, or be taken over.

The worker that claims a job (``attempts`` goes up by one: that number is the claim) renews the
lease from a thread while the import runs. If the worker dies (SIGKILL, lost machine), the
lease runs out, ``goglobal imports_resume`` enqueues the job again and the next worker claims
it with the next attempt number. Every write of a claim checks its attempt number, so a worker
that lost its claim can change nothing; its half-done import was one transaction, rolled back
when its connection died.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from types import TracebackType

from django.db import DatabaseError, connection
from django.db.models import QuerySet
from django.utils import timezone

from goglobal.imports.models import ImportJob, ImportStatus

logger = logging.getLogger(__name__)


def lease_running(job_id: int, attempt: int) -> QuerySet[ImportJob]:
    """The job's rows while ``attempt`` still holds it (a queryset filter, for fenced writes)."""
    return ImportJob.objects.filter(pk=job_id, attempts=attempt, status=ImportStatus.RUNNING)


class LeaseKeeper:
    """Renews the lease of ``attempt`` on a job every third of its length, until closed."""

    def __init__(self, *, job_id: int, attempt: int, seconds: int) -> None:
        self.job_id = job_id
        self.attempt = attempt
        self.seconds = seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._renew_until_stopped, daemon=True)

    def __enter__(self) -> LeaseKeeper:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()

    def _renew_until_stopped(self) -> None:
        try:
            while not self._stop.wait(max(1.0, self.seconds / 3)):
                self._renew()
        finally:
            connection.close()  # this thread's own connection

    def _renew(self) -> None:
        until = timezone.now() + timedelta(seconds=self.seconds)
        try:
            lease_running(self.job_id, self.attempt).update(lease_expires_at=until)
        except DatabaseError:
            logger.warning("could not renew the lease of import job %s", self.job_id)
