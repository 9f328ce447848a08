"""Officers correct an outcome, ask again for its confirmation, or withdraw a link sent."""

import datetime
import re

import pytest
from django.urls import reverse

from goglobal.cases import services
from goglobal.cases.models import CaseEvent, Confirmation
from goglobal.cases.tests.factories import CaseFactory
from goglobal.core.models import AuditEvent
from goglobal.enterprises.tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def _token(message) -> str:
    return re.search(r"/cases/confirm/(\S+)/", message.body).group(1)


@pytest.fixture
def requested(officer, mailoutbox, django_capture_on_commit_callbacks):
    case = CaseFactory(owner=officer)
    ContactFactory(enterprise=case.enterprise, languages=["en"])
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.outcome_record(
            case=case,
            actor=officer,
            kind="jobs_created",
            achieved_on=datetime.date(2026, 10, 1),
            jobs=12,
        )
    return case, outcome, _token(mailoutbox[0])


def _action(case, outcome, action):
    return reverse("cases:outcome_confirmation", args=[case.pk, outcome.pk, action])


def test_withdrawing_a_link_closes_it_and_the_chase_leaves_the_outcome_alone(
    client, officer, requested
):
    case, outcome, token = requested
    client.force_login(officer)

    response = client.post(_action(case, outcome, "withdraw"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    outcome.refresh_from_db()
    assert (outcome.confirmation, outcome.confirmation_nonce) == (Confirmation.NOT_REQUESTED, "")
    assert outcome.confirmation_sends == 0
    closed = client.get(reverse("cases:outcome_confirm", args=[token]), HTTP_ACCEPT_LANGUAGE="en")
    assert closed.status_code == 410
    assert "has been withdrawn" in closed.content.decode()
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=60)
    assert services.outcome_confirmations_chase(now=later) == {"resent": 0, "unconfirmed": 0}
    assert CaseEvent.objects.filter(case=case, data__step="withdrawn", actor=officer).exists()
    assert AuditEvent.objects.filter(
        target_type="cases.outcome", target_id=str(outcome.pk), actor=officer
    ).exists()
    page = client.get(case.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "link withdrawn" in page
    assert "Ask the enterprise to confirm" in page


def test_after_withdrawing_the_officer_asks_again_and_only_the_new_link_opens(
    client, officer, requested, mailoutbox, django_capture_on_commit_callbacks
):
    case, outcome, old = requested
    client.force_login(officer)
    client.post(_action(case, outcome, "withdraw"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_action(case, outcome, "send"))

    assert response.status_code == 302
    outcome.refresh_from_db()
    assert (outcome.confirmation, outcome.confirmation_sends) == (Confirmation.REQUESTED, 1)
    new = _token(mailoutbox[-1])
    assert client.get(reverse("cases:outcome_confirm", args=[old])).status_code == 410
    assert client.get(reverse("cases:outcome_confirm", args=[new])).status_code == 200


def test_withdrawing_twice_says_why_and_changes_nothing(client, officer, requested):
    case, outcome, _token_sent = requested
    client.force_login(officer)
    client.post(_action(case, outcome, "withdraw"))
    before = CaseEvent.objects.filter(case=case).count()

    response = client.post(
        _action(case, outcome, "withdraw"), follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert "No confirmation link is waiting for an answer" in response.content.decode()
    assert CaseEvent.objects.filter(case=case).count() == before


def test_correcting_an_answered_outcome_asks_the_enterprise_again(
    client, officer, requested, mailoutbox, django_capture_on_commit_callbacks
):
    case, outcome, token = requested
    client.post(reverse("cases:outcome_confirm", args=[token]), {"answer": "agree"})
    outcome.refresh_from_db()
    assert outcome.confirmation == Confirmation.CONFIRMED
    client.force_login(officer)
    url = reverse("cases:outcome_correct", args=[case.pk, outcome.pk])
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"achieved_on": "2026-10-01", "jobs": "15"})

    assert response.status_code == 302
    outcome.refresh_from_db()
    assert (outcome.jobs, outcome.confirmation) == (15, Confirmation.REQUESTED)
    assert (
        client.get(reverse("cases:outcome_confirm", args=[_token(mailoutbox[-1])])).status_code
        == 200
    )
    event = CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.OUTCOME).latest("id")
    assert event.data["changes"] == {"jobs": ["12", "15"]}


def test_a_correction_with_a_missing_figure_is_refused_field_by_field(client, officer, requested):
    case, outcome, _token_sent = requested
    client.force_login(officer)

    response = client.post(
        reverse("cases:outcome_correct", args=[case.pk, outcome.pk]),
        {"achieved_on": "2026-10-01", "jobs": ""},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert "Give the number of jobs." in response.content.decode()
    outcome.refresh_from_db()
    assert (outcome.jobs, outcome.confirmation) == (12, Confirmation.REQUESTED)


@pytest.mark.parametrize("role", ["analyst", "member", "organiser"])
def test_only_case_editors_correct_or_withdraw(client, make_user, requested, role):
    case, outcome, _token_sent = requested
    client.force_login(make_user(role))

    assert (
        client.get(reverse("cases:outcome_correct", args=[case.pk, outcome.pk])).status_code == 404
    )
    assert client.post(_action(case, outcome, "withdraw")).status_code == 404
    outcome.refresh_from_db()
    assert outcome.confirmation == Confirmation.REQUESTED


def test_an_outcome_is_reached_only_through_its_own_case(client, officer, requested):
    case, outcome, _token_sent = requested
    other = CaseFactory(owner=officer)
    client.force_login(officer)

    assert (
        client.get(reverse("cases:outcome_correct", args=[other.pk, outcome.pk])).status_code == 404
    )
    assert client.post(_action(other, outcome, "withdraw")).status_code == 404
    assert client.post(_action(case, outcome, "erase")).status_code == 404
    assert client.get(_action(case, outcome, "withdraw")).status_code == 405
