"""My tasks: grouped by when they are due (overdue, today, the next seven days, later), soonest
first, paged; an empty list says what would fill it."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from goglobal.cases.tests.factories import CaseFactory, TaskFactory

pytestmark = pytest.mark.django_db


def test_tasks_are_grouped_by_when_they_are_due(client, officer):
    case = CaseFactory(owner=officer)
    today = timezone.localdate()
    for days, title in [(-3, "late"), (0, "today"), (4, "soon"), (30, "later")]:
        TaskFactory(
            case=case, assignee=officer, title=title, due_on=today + datetime.timedelta(days)
        )
    client.force_login(officer)

    response = client.get(reverse("cases:tasks"), HTTP_ACCEPT_LANGUAGE="en")

    groups = [(str(title), [t.title for t in rows]) for title, rows in response.context["groups"]]
    assert groups == [
        ("Overdue", ["late"]),
        ("Due today", ["today"]),
        ("Due in the next seven days", ["soon"]),
        ("Later", ["later"]),
    ]
    assert "4 open tasks, soonest first." in response.content.decode()


@override_settings(GOGLOBAL_PAGE_SIZE=2)
def test_a_long_list_is_paged(client, officer):
    case = CaseFactory(owner=officer)
    for days in range(5):
        TaskFactory(
            case=case, assignee=officer, due_on=timezone.localdate() + datetime.timedelta(days)
        )
    client.force_login(officer)

    first = client.get(reverse("cases:tasks"))
    last = client.get(reverse("cases:tasks"), {"page": 3})

    assert len(first.context["tasks"]) == 2
    assert len(last.context["tasks"]) == 1
    assert 'rel="next"' in first.content.decode() or "?page=2" in first.content.decode()


def test_no_tasks_says_what_would_fill_the_list(client, officer):
    client.force_login(officer)

    body = client.get(reverse("cases:tasks"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert '<p class="empty-state-title">No open tasks</p>' in body
    assert "log an interaction with a follow-up" in body
