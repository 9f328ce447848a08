"""Background work: load the record by id and call one service."""

from __future__ import annotations

from django_tasks import task

from goglobal.events.models import AgendaBundle, ScheduleRun
from goglobal.events.services import agendas, scheduling


@task()
def schedule_run_task(run_id: int) -> str:
    run = ScheduleRun.objects.filter(pk=run_id).first()
    if run is None:
        return "missing"
    return scheduling.schedule_run_execute(run=run).status


@task()
def agenda_bundle_task(bundle_id: int) -> str:
    bundle = AgendaBundle.objects.filter(pk=bundle_id).first()
    if bundle is None:
        return "missing"
    return agendas.agenda_bundle_build(bundle=bundle).status
