"""Background work of the enterprises app: take ids, call one service."""

from __future__ import annotations

from django_tasks import task

from goglobal.enterprises import identity


@task()
def duplicates_scan_task() -> dict[str, int]:
    """The whole table compared for duplicates (goglobal duplicates_scan runs it inline)."""
    result = identity.duplicates_scan()
    return {
        "enterprises": result.enterprises,
        "pairs": result.pairs,
        "opened": result.opened,
        "closed": result.closed,
    }
