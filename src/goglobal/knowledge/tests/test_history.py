"""Every change to a fact is kept; staleness; the admin's “mark re-checked” action."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from goglobal.core.models import AuditEvent
from goglobal.knowledge import selectors
from goglobal.knowledge.models import Agreement, Office, Source
from goglobal.knowledge.services.facts import fact_recheck, fact_save

pytestmark = pytest.mark.django_db


def test_fact_save_records_the_change(officer) -> None:
    agreement = Agreement.objects.get(code="fta-peru")
    agreement.status = Agreement.Status.IN_FORCE
    agreement.in_force_on = dt.date(2025, 11, 1)

    fact_save(record=agreement, actor=officer)

    event = AuditEvent.objects.get(target_type="knowledge.agreement", target_id=str(agreement.pk))
    assert event.actor == officer
    assert event.changes["status"] == ["signed", "in_force"]
    assert event.changes["in_force_on"] == [None, "2025-11-01"]


def test_fact_save_refuses_an_invalid_fact(officer) -> None:
    agreement = Agreement.objects.get(code="fta-peru")
    agreement.status = "ratified"

    with pytest.raises(Exception, match="ratified"):
        fact_save(record=agreement, actor=officer)

    assert not AuditEvent.objects.filter(target_type="knowledge.agreement").exists()


def test_stale_facts_use_the_setting(settings) -> None:
    Office.objects.filter(code="eto-london").update(checked_on=dt.date(2025, 1, 1))
    today = dt.date(2026, 6, 1)

    settings.GOGLOBAL_STALE_MONTHS = 12
    twelve = selectors.stale_fact_list(today=today)
    settings.GOGLOBAL_STALE_MONTHS = 18
    eighteen = selectors.stale_fact_list(today=today)

    assert [fact.record.code for fact in twelve] == ["eto-london"]
    assert eighteen == []


def test_recheck_stamps_date_and_source(officer) -> None:
    office = Office.objects.get(code="eto-tokyo")
    source = office.source
    Office.objects.filter(pk=office.pk).update(checked_on=dt.date(2024, 1, 1))
    office.refresh_from_db()

    fact_recheck(records=[office], source=source, actor=officer, checked_on=dt.date(2026, 11, 1))

    office.refresh_from_db()
    assert office.checked_on == dt.date(2026, 11, 1)
    event = AuditEvent.objects.get(target_type="knowledge.office", target_id=str(office.pk))
    assert event.changes == {"checked_on": ["2024-01-01", "2026-11-01"]}


def test_admin_action_marks_rechecked_with_new_source(client, make_user) -> None:
    admin = make_user("admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    office = Office.objects.get(code="eto-tokyo")
    Office.objects.filter(pk=office.pk).update(checked_on=dt.date(2024, 1, 1))
    source = Source.objects.get(key="eto-wikipedia")

    response = client.post(
        reverse("admin:knowledge_office_changelist"),
        {"action": "mark_rechecked", "_selected_action": [office.pk], "source": source.pk},
    )

    assert response.status_code == 302
    office.refresh_from_db()
    assert office.source == source
    assert office.checked_on > dt.date(2024, 1, 1)
    assert AuditEvent.objects.filter(target_type="knowledge.office", actor=admin).count() == 1
