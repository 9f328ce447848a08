"""Background work: load the run by id and call one service."""

from __future__ import annotations

from django_tasks import task

from goglobal.events.models import ScheduleRun
from goglobal.events.services import scheduling


@task()
def schedule_run_task(run_id: int) -> str:
    run = ScheduleRun.objects.filter(pk=run_id).first()
    if run is None:
        return "missing"
    return scheduling.schedule_run_execute(run=run).status
