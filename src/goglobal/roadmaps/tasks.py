"""Background jobs of the roadmaps app: regenerate every roadmap after a knowledge change."""

from __future__ import annotations

from django_tasks import task

from goglobal.roadmaps import services


@task()
def roadmaps_regenerate_task(only_if_changed: bool = True) -> dict[str, int]:
    """Regenerate the roadmap of every enterprise that has one; returns the counts."""
    return services.roadmaps_regenerate_all(only_if_changed=only_if_changed)
