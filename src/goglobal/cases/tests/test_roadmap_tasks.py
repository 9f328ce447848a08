"""Roadmap steps become case tasks in one action, and the case shows the roadmap's progress."""

import pytest
from django.test import Client
from django.urls import reverse

from goglobal.cases.models import CaseEvent, Task
from goglobal.cases.services.roadmap_tasks import roadmap_progress, roadmap_steps_to_tasks
from goglobal.cases.tests.factories import CaseFactory
from goglobal.enterprises.tests.factories import EnterpriseNeedFactory
from goglobal.knowledge.models import NeedCode
from goglobal.roadmaps import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(officer):
    case = CaseFactory(owner=officer)
    for code in ("fundraising.ipo", "treasury.centre"):
        EnterpriseNeedFactory(enterprise=case.enterprise, need=NeedCode.objects.get(code=code))
    return case


def test_each_step_becomes_one_task_once(case, officer):
    roadmap = services.roadmap_generate(actor=officer, enterprise=case.enterprise)
    steps = roadmap.result["steps"]
    assert steps, "a roadmap with a listing and a treasury centre has steps"
    created = roadmap_steps_to_tasks(case=case, roadmap=roadmap, actor=officer)
    assert len(created) == len(steps)
    assert {t.roadmap_step for t in created} == {s["id"] for s in steps}
    assert all(t.due_on > t.created_at.date() for t in created)
    assert roadmap_steps_to_tasks(case=case, roadmap=roadmap, actor=officer) == []
    assert CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.ROADMAP_TASKS).count() == 1


def test_progress_counts_steps_whose_task_is_done(case, officer):
    roadmap = services.roadmap_generate(actor=officer, enterprise=case.enterprise)
    tasks = roadmap_steps_to_tasks(case=case, roadmap=roadmap, actor=officer)
    Task.objects.filter(pk=tasks[0].pk).update(done_at=tasks[0].created_at)
    progress = roadmap_progress(case=case, roadmap=roadmap)
    assert progress.steps == len(tasks)
    assert progress.done == 1
    assert progress.with_tasks == len(tasks)


def test_the_case_page_offers_the_action_and_an_analyst_cannot_use_it(case, officer, make_user):
    services.roadmap_generate(actor=officer, enterprise=case.enterprise)
    client = Client()
    client.force_login(officer)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Make tasks from the roadmap" in page
    assert client.post(reverse("cases:roadmap_tasks", args=[case.pk])).status_code == 302
    assert Task.objects.filter(case=case).exclude(roadmap_step="").exists()
    analyst = Client()
    analyst.force_login(make_user("analyst"))
    assert analyst.post(reverse("cases:roadmap_tasks", args=[case.pk])).status_code == 404
