import datetime
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from goglobal.cases import services
from goglobal.cases.models import CaseEvent, Confirmation, Outcome
from goglobal.cases.tests.factories import CaseFactory
from goglobal.core.models import AuditEvent
from goglobal.enterprises.tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def _record(case, officer, **extra):
    values = {"kind": "jobs_created", "achieved_on": datetime.date(2026, 10, 1), "jobs": 12}
    values.update(extra)
    return services.outcome_record(case=case, actor=officer, **values)


def _token(message) -> str:
    return re.search(r"/cases/confirm/(\S+)/", message.body).group(1)


def test_recording_sends_a_signed_link_to_the_consenting_contact(
    officer, mailoutbox, django_capture_on_commit_callbacks
):
    case = CaseFactory(owner=officer)
    ContactFactory(enterprise=case.enterprise, has_consent=False, email="no@example.cn")
    contact = ContactFactory(enterprise=case.enterprise, languages=["zh"])

    with django_capture_on_commit_callbacks(execute=True):
        outcome = _record(case, officer)

    outcome.refresh_from_db()
    assert outcome.confirmation == Confirmation.REQUESTED
    assert outcome.confirmation_contact == contact
    assert outcome.confirmation_sends == 1
    assert [message.to for message in mailoutbox] == [[contact.email]]
    assert "/cases/confirm/" in mailoutbox[0].body
    assert CaseEvent.objects.filter(case=case, kind="confirmation", data__step="sent").exists()
    assert AuditEvent.objects.filter(
        target_type="cases.outcome", target_id=str(outcome.pk)
    ).exists()


def test_without_a_consenting_contact_nothing_is_sent(officer, mailoutbox):
    case = CaseFactory(owner=officer)
    ContactFactory(enterprise=case.enterprise, has_consent=False)

    outcome = _record(case, officer)

    assert outcome.confirmation == Confirmation.NO_CONTACT
    assert mailoutbox == []


def test_the_enterprise_agrees_and_rates(
    client, officer, mailoutbox, django_capture_on_commit_callbacks
):
    case = CaseFactory(owner=officer)
    ContactFactory(enterprise=case.enterprise)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = _record(case, officer)
    url = reverse("cases:outcome_confirm", args=[_token(mailoutbox[0])])

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    response = client.post(url, {"answer": "agree", "rating": "4"}, HTTP_ACCEPT_LANGUAGE="en")

    assert page.status_code == 200
    assert response.status_code == 200
    outcome.refresh_from_db()
    assert outcome.confirmation == Confirmation.CONFIRMED
    assert outcome.confirmation_rating == 4
    assert outcome.confirmation_nonce == ""
    assert client.get(url).status_code == 410  # answered: the link is spent


def test_a_dispute_needs_a_comment(client, officer, mailoutbox, django_capture_on_commit_callbacks):
    case = CaseFactory(owner=officer)
    ContactFactory(enterprise=case.enterprise)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = _record(case, officer)
    url = reverse("cases:outcome_confirm", args=[_token(mailoutbox[0])])

    refused = client.post(url, {"answer": "dispute", "comment": " "}, HTTP_ACCEPT_LANGUAGE="en")
    outcome.refresh_from_db()
    assert refused.status_code == 400
    assert "Tell us what is wrong" in refused.content.decode()
    assert outcome.confirmation == Confirmation.REQUESTED

    client.post(url, {"answer": "dispute", "comment": "只有8个岗位"})
    outcome.refresh_from_db()
    assert outcome.confirmation == Confirmation.DISPUTED
    assert outcome.confirmation_comment == "只有8个岗位"


@pytest.mark.parametrize(
    "data",
    [{"answer": "maybe"}, {"answer": "agree", "rating": "9"}, {"answer": "agree", "rating": "x"}],
)
def test_bad_answers_get_field_errors(
    client, officer, mailoutbox, django_capture_on_commit_callbacks, data
):
    case = CaseFactory(owner=officer)
    ContactFactory(enterprise=case.enterprise)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = _record(case, officer)

    response = client.post(reverse("cases:outcome_confirm", args=[_token(mailoutbox[0])]), data)

    assert response.status_code == 400
    assert response.context["form"].errors
    outcome.refresh_from_db()
    assert outcome.confirmation == Confirmation.REQUESTED


@pytest.mark.parametrize("token", ["nonsense", "1:abc:xyz", ""])
def test_forged_links_are_refused(client, token):
    response = client.get(f"/cases/confirm/{token}x/")

    assert response.status_code in {404, 410}


def test_an_expired_link_is_refused(
    client, officer, mailoutbox, django_capture_on_commit_callbacks
):
    case = CaseFactory(owner=officer)
    ContactFactory(enterprise=case.enterprise)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = _record(case, officer)
    url = reverse("cases:outcome_confirm", args=[_token(mailoutbox[0])])

    with override_settings(GOGLOBAL_OUTCOME_CONFIRM_DAYS=0):
        response = client.post(url, {"answer": "agree"})

    assert response.status_code == 410
    outcome.refresh_from_db()
    assert outcome.confirmation == Confirmation.REQUESTED


def test_unanswered_requests_are_sent_once_more_then_unconfirmed(
    officer, mailoutbox, django_capture_on_commit_callbacks
):
    case = CaseFactory(owner=officer)
    ContactFactory(enterprise=case.enterprise)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = _record(case, officer)
    first = _token(mailoutbox[0])
    later = timezone.now() + datetime.timedelta(days=15)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.outcome_confirmations_chase(now=later) == {"resent": 1, "unconfirmed": 0}
    outcome.refresh_from_db()
    assert outcome.confirmation_sends == 2
    assert len(mailoutbox) == 2
    assert "reminder" in mailoutbox[1].body or "提醒" in mailoutbox[1].body
    assert services.confirmations.outcome_for_token(first) is None  # replaced by the second link
    assert services.outcome_confirmations_chase(now=later) == {"resent": 0, "unconfirmed": 0}

    result = services.outcome_confirmations_chase(now=later + datetime.timedelta(days=15))

    assert result == {"resent": 0, "unconfirmed": 1}
    outcome.refresh_from_db()
    assert outcome.confirmation == Confirmation.UNCONFIRMED
    assert CaseEvent.objects.filter(case=case, data__step="unconfirmed").count() == 1


def test_the_scheduled_command_runs_the_chase(officer, capsys):
    case = CaseFactory(owner=officer)
    ContactFactory(enterprise=case.enterprise)
    outcome = _record(case, officer)
    Outcome.objects.filter(pk=outcome.pk).update(
        confirmation_sent_at=timezone.now() - datetime.timedelta(days=30), confirmation_sends=2
    )

    call_command("cases_confirmations")

    outcome.refresh_from_db()
    assert outcome.confirmation == Confirmation.UNCONFIRMED
    assert "confirmations enqueued" in capsys.readouterr().out


def test_editing_a_confirmed_outcome_starts_over(
    client, officer, mailoutbox, django_capture_on_commit_callbacks
):
    case = CaseFactory(owner=officer)
    ContactFactory(enterprise=case.enterprise)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = _record(
            case,
            officer,
            kind="funds_raised",
            jobs=None,
            amount=Decimal(100),
            currency="usd",
            route="private",
        )
    client.post(reverse("cases:outcome_confirm", args=[_token(mailoutbox[0])]), {"answer": "agree"})
    outcome.refresh_from_db()
    assert outcome.confirmation == Confirmation.CONFIRMED

    with django_capture_on_commit_callbacks(execute=True):
        services.outcome_update(
            outcome=outcome,
            actor=officer,
            changes=services.OutcomeChanges(
                achieved_on=outcome.achieved_on,
                amount=Decimal(120),
                currency="USD",
                route="private",
            ),
        )

    outcome.refresh_from_db()
    assert outcome.amount == 120
    assert outcome.confirmation == Confirmation.REQUESTED
    assert outcome.confirmation_rating is None
    assert len(mailoutbox) == 2
    event = CaseEvent.objects.filter(case=case, kind="outcome", data__confirmation_was="confirmed")
    assert event.exists()


def test_an_unchanged_edit_keeps_the_confirmation(officer, django_capture_on_commit_callbacks):
    case = CaseFactory(owner=officer)
    outcome = _record(case, officer)
    Outcome.objects.filter(pk=outcome.pk).update(confirmation=Confirmation.CONFIRMED)
    outcome.refresh_from_db()

    services.outcome_update(
        outcome=outcome,
        actor=officer,
        changes=services.OutcomeChanges(achieved_on=outcome.achieved_on, jobs=12),
    )

    outcome.refresh_from_db()
    assert outcome.confirmation == Confirmation.CONFIRMED
