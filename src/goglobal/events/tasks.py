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


@task()
def agendas_email_task(event_id: int, actor_id: int | None = None) -> str:
    from goglobal.accounts.models import User
    from goglobal.events.models import Event

    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return "missing"
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    return f"sent {agendas.agendas_email_send(event=event, actor=actor)}"
