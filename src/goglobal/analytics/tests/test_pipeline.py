"""The staff overview leads with the pipeline: open cases by stage, cases with an overdue task,
cases waiting for a provider's answer and outcomes this quarter, each a link to the list it
counts; empty charts say what would fill them."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from goglobal.accounts.models import Role
from goglobal.analytics.selectors import quarter_start
from goglobal.cases.models import Outcome
from goglobal.cases.tests.factories import CaseFactory, ReferralFactory, TaskFactory

pytestmark = pytest.mark.django_db


def _overview(client, user):
    client.force_login(user)
    response = client.get(reverse("analytics:overview"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response, response.content.decode()


def test_pipeline_counts_and_links_to_the_filtered_lists(client, officer):
    CaseFactory()  # lead, nothing late
    late = TaskFactory().case
    waiting = ReferralFactory(sent=True).case
    CaseFactory(closed=True)
    done = CaseFactory(matched=True)
    today = timezone.localdate()
    Outcome.objects.create(case=done, kind="hk_entity_incorporated", achieved_on=today)
    before = quarter_start(today) - datetime.timedelta(days=1)
    Outcome.objects.create(case=done, kind="hk_entity_incorporated", achieved_on=before)

    response, body = _overview(client, officer)

    pipeline = response.context["pipeline"]
    assert pipeline.open_cases == 4  # the closed one is not open
    assert pipeline.tasks_overdue == 1
    assert pipeline.waiting == 1
    assert pipeline.outcomes_quarter == 1
    assert {row.stage: row.count for row in pipeline.stages}["matched"] == 1
    assert body.index('data-testid="pipeline"') < body.index("Enterprises added per week")
    for link in ("?task_overdue=1", "?waiting=1", "?stage=matched"):
        assert f'{reverse("cases:list")}{link}"' in body
    assert f"?start={quarter_start(today):%Y-%m-%d}&amp;end={today:%Y-%m-%d}" in body

    listed = client.get(reverse("cases:list"), {"task_overdue": "1"})
    assert [case.pk for case in listed.context["page_obj"]] == [late.pk]
    listed = client.get(reverse("cases:list"), {"waiting": "1"})
    assert [case.pk for case in listed.context["page_obj"]] == [waiting.pk]


def test_stage_names_are_whole_and_capitalised(client, officer):
    CaseFactory()

    _response, body = _overview(client, officer)

    assert re.search(r'class="bar-label"[^>]*>Landed in Hong Kong<', body)


def test_an_empty_platform_says_what_fills_each_chart(client, officer):
    _response, body = _overview(client, officer)

    for title in ("No open cases yet", "No needs recorded yet", "No enterprises yet"):
        assert f'<p class="empty-state-title">{title}</p>' in body
    assert "No data yet." not in body


def test_an_organiser_sees_no_pipeline_it_could_not_open(client, make_user):
    response, body = _overview(client, make_user(Role.ORGANISER))

    assert response.context["pipeline"] is None
    assert 'data-testid="pipeline"' not in body
