"""Roadmap steps as case tasks: one action turns the open steps into dated tasks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from goglobal.accounts.models import User
from goglobal.cases.models import Case, CaseEvent, Task
from goglobal.cases.services.interactions import case_work_refresh
from goglobal.core.audit import audit_record
from goglobal.roadmaps import timeline
from goglobal.roadmaps.models import Roadmap


@dataclass(frozen=True)
class RoadmapProgress:
    steps: int
    with_tasks: int
    done: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.steps) if self.steps else 0


def _titles(roadmap: Roadmap) -> dict[str, str]:
    from goglobal.roadmaps.presenters import step_titles

    return step_titles(roadmap.result)


@transaction.atomic
def roadmap_steps_to_tasks(
    *, case: Case, roadmap: Roadmap, actor: User, start: datetime.date | None = None
) -> list[Task]:
    """A task for every roadmap step that has none yet on ``case``, due when the step's
    fastest course ends counted from ``start`` (today by default). Idempotent."""
    begin = start or timezone.localdate()
    existing = set(
        Task.objects.filter(case=case)
        .exclude(roadmap_step="")
        .values_list("roadmap_step", flat=True)
    )
    titles = _titles(roadmap)
    created = []
    for span in timeline.spans(roadmap.result.get("steps", []), titles):
        if span.step_id in existing:
            continue
        task = Task(
            case=case,
            title=span.title[:200],
            due_on=begin + datetime.timedelta(weeks=max(1, span.end_fast)),
            assignee=case.owner or actor,
            roadmap_step=span.step_id,
        )
        task.full_clean()
        task.save()
        created.append(task)
    if created:
        case_work_refresh(case_ids=[case.pk])
        data: dict[str, Any] = {"roadmap": roadmap.number, "tasks": len(created)}
        CaseEvent.objects.create(
            case=case, actor=actor, kind=CaseEvent.Kind.ROADMAP_TASKS, data=data
        )
        audit_record(actor=actor, record=case, action="updated", changes={"roadmap_tasks": data})
    return created


def roadmap_progress(*, case: Case, roadmap: Roadmap | None) -> RoadmapProgress | None:
    """How far the case has carried out the roadmap's steps (tasks done per step)."""
    if roadmap is None:
        return None
    step_ids = {step["id"] for step in roadmap.result.get("steps", [])}
    tasks = Task.objects.filter(case=case, roadmap_step__in=step_ids)
    with_tasks = set(tasks.values_list("roadmap_step", flat=True))
    done = set(tasks.filter(done_at__isnull=False).values_list("roadmap_step", flat=True))
    return RoadmapProgress(steps=len(step_ids), with_tasks=len(with_tasks), done=len(done))
