"""Background work: load the run by id and call the scheduling service."""

from __future__ import annotations

from django_tasks import task

from goglobal.delegations.models import DelegationRun
from goglobal.delegations.services import scheduling


@task()
def delegation_run_task(run_id: int) -> str:
    run = DelegationRun.objects.filter(pk=run_id).first()
    if run is None:
        return "missing"
    return scheduling.delegation_run_execute(run=run).status
