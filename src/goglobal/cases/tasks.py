"""Background work for cases: the officers' daily digest."""

from __future__ import annotations

from django_tasks import task

from goglobal.cases import services


@task()
def case_digest_send_task() -> int:
    return services.digest_send()


@task()
def outcome_confirmations_chase_task() -> dict[str, int]:
    return services.outcome_confirmations_chase()
