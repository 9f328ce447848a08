"""Background work: load the job by id and call one service."""

from __future__ import annotations

from django_tasks import task

from goglobal.imports import services
from goglobal.imports.models import ImportJob


@task()
def import_run_task(job_id: int) -> str:
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None:
        return "missing"
    return services.import_run(job=job).status
