"""The retention rule: a dry run counts, a real run anonymises only the contacts of enterprises
whose every case closed more than N years ago, and keeps the facts."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from goglobal.cases.models import Case, Outcome
from goglobal.cases.tests.factories import CaseFactory
from goglobal.enterprises.models import Contact
from goglobal.enterprises.tests.factories import ContactFactory
from goglobal.privacy.erasure import ANONYMISED
from goglobal.privacy.models import Erasure
from goglobal.privacy.retention import retention_run

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def _closed(years_ago: float, contacts: int = 2) -> Case:
    case = CaseFactory(closed=True)
    Case.objects.filter(pk=case.pk).update(
        stage_changed_at=NOW - datetime.timedelta(days=365.25 * years_ago)
    )
    for _ in range(contacts):
        ContactFactory(enterprise=case.enterprise)
    return case


@pytest.fixture
def cases():
    old = _closed(4)
    Outcome.objects.create(
        case=old, kind="jobs_created", achieved_on=datetime.date(2021, 5, 1), jobs=12
    )
    recent = _closed(1)
    still_open = CaseFactory()
    ContactFactory(enterprise=still_open.enterprise)
    return {"old": old, "recent": recent, "open": still_open}


def test_a_dry_run_counts_and_changes_nothing(cases, settings):
    settings.GOGLOBAL_RETENTION_CLOSED_CASE_CONTACTS_YEARS = 3
    names = sorted(Contact.objects.values_list("full_name", flat=True))
    out = io.StringIO()
    call_command("privacy", "retention", "--dry-run", stdout=out)
    assert "would anonymise 2 contacts of 1 enterprises" in out.getvalue()
    assert sorted(Contact.objects.values_list("full_name", flat=True)) == names
    assert not Erasure.objects.exists()


def test_a_real_run_anonymises_only_contacts_of_cases_closed_long_ago(cases, settings):
    from goglobal.accounts.tests.factories import UserFactory
    from goglobal.enterprises.models import EnterpriseMembership

    settings.GOGLOBAL_RETENTION_CLOSED_CASE_CONTACTS_YEARS = 3
    first = Contact.objects.filter(enterprise=cases["old"].enterprise).first()
    member = UserFactory(role="enterprise_member", email=first.email)
    EnterpriseMembership.objects.create(user=member, enterprise=cases["old"].enterprise)
    out = io.StringIO()
    call_command("privacy", "retention", stdout=out)
    assert "anonymised 2 contacts of 1 enterprises" in out.getvalue()

    old = Contact.objects.filter(enterprise=cases["old"].enterprise)
    assert {c.full_name for c in old} == {ANONYMISED}
    assert {c.email for c in old} == {""}
    for key in ("recent", "open"):
        assert ANONYMISED not in set(
            Contact.objects.filter(enterprise=cases[key].enterprise).values_list(
                "full_name", flat=True
            )
        )
    erasure = Erasure.objects.get()
    assert (erasure.origin, erasure.kind, erasure.counts["contacts"]) == ("retention", "contact", 2)
    assert Outcome.objects.get(case=cases["old"]).jobs == 12  # the figures keep their facts
    assert retention_run().contacts == 0  # a second run finds nothing left
    member.refresh_from_db()
    assert member.is_active  # the rule clears old case contacts, not live accounts


def test_more_years_leave_everything_and_zero_turns_the_rule_off(cases, settings):
    settings.GOGLOBAL_RETENTION_CLOSED_CASE_CONTACTS_YEARS = 5
    assert retention_run().contacts == 0
    settings.GOGLOBAL_RETENTION_CLOSED_CASE_CONTACTS_YEARS = 0
    out = io.StringIO()
    call_command("privacy", "retention", stdout=out)
    assert "off" in out.getvalue()
    assert not Erasure.objects.exists()


def test_the_task_runs_through_the_tasks_framework(cases, settings):
    from goglobal.privacy.tasks import privacy_retention_task

    settings.GOGLOBAL_RETENTION_CLOSED_CASE_CONTACTS_YEARS = 3
    result = privacy_retention_task.enqueue(dry_run=True)
    assert result.return_value["contacts"] == 2
