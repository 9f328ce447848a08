"""Background work for personal data: the daily retention run."""

from __future__ import annotations

from django_tasks import task

from goglobal.privacy.retention import retention_run


@task()
def privacy_retention_task(dry_run: bool = False) -> dict[str, object]:
    return retention_run(dry_run=dry_run).as_dict()
