"""Erasure on request reaches every copy of the personal data (the audit trail, files on disk,
search keys), keeps the facts the figures need, is all or nothing, and only the task force may
do it, after a confirm step with a reason."""

import json
import re
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from goglobal.accounts.models import Role, User
from goglobal.accounts.tests.factories import UserFactory
from goglobal.cases.models import Case, Interaction, Outcome, Referral
from goglobal.core.models import AuditEvent
from goglobal.enterprises.models import (
    Contact,
    Enterprise,
    EnterpriseMembership,
    EnterpriseNeed,
    IdentityKey,
)
from goglobal.enterprises.selectors import EnterpriseFilters, enterprise_list_for
from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.events.models import AgendaBundle, Participant
from goglobal.privacy import erasure
from goglobal.privacy.erasure import ANONYMISED
from goglobal.privacy.models import Erasure
from goglobal.privacy.tests.conftest import EMAIL, NAME, PHONE

pytestmark = pytest.mark.django_db

ROLES = ["admin", "officer", "analyst", "organiser", "enterprise_member", "provider_member"]
PERSONAL = [
    NAME,
    EMAIL,
    PHONE,
    "宁波远帆新材料有限公司",
    "Ningbo Yuanfan",
    "远帆材料",
    "owner@yuanfan.example.cn",
]


def _everything_stored() -> str:
    """Every row of every table of the database, as text."""
    out = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - our own table names
            out.extend(repr(row) for row in cursor.fetchall())
    text = "\n".join(out)
    # JSON columns hold non-ASCII text as \\u escapes on SQLite: read them as characters too.
    return text + re.sub(r"\\\\+u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)


def _stored_json_text() -> str:
    rows = AuditEvent.objects.values_list("changes", flat=True)
    return json.dumps(list(rows), ensure_ascii=False)


def test_erasing_an_enterprise_reaches_every_copy_and_keeps_the_facts(officer, subject):
    enterprise = subject["enterprise"]
    job_path = Path(subject["job"].file.path)
    bundle_path = Path(subject["bundle"].file.path)
    before = _everything_stored()
    for value in PERSONAL:
        assert value in before, value  # the check below can fail
    assert NAME in job_path.read_text(encoding="utf-8")

    with_commit = erasure.enterprise_erase
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        done = with_commit(actor=officer, enterprise=enterprise, reason="请求编号 2026-118")

    stored = _everything_stored() + _stored_json_text()
    for value in PERSONAL:
        assert value not in stored, value
    # Files on disk: the import file rewritten without the names, the agenda bundle deleted.
    rewritten = job_path.read_text(encoding="utf-8")
    assert NAME not in rewritten
    assert EMAIL not in rewritten
    assert "王五" in rewritten  # another enterprise's row is left alone
    assert not bundle_path.exists()
    assert AgendaBundle.objects.get(pk=subject["bundle"].pk).file.name == ""
    # Search keys: neither the old names nor the alias find it any more.
    for query in ("远帆", "yuanfan", "远帆材料"):
        found = enterprise_list_for(user=officer, filters=EnterpriseFilters(query=query))
        assert enterprise.pk not in {e.pk for e in found}
    assert not IdentityKey.objects.filter(enterprise=enterprise, key__contains="远帆").exists()
    assert Case.objects.get(pk=subject["case"].pk).enterprise_name == ANONYMISED
    # Facts kept.
    kept = Enterprise.objects.get(pk=enterprise.pk)
    assert (kept.sector_id, kept.city_id, kept.employee_band) == (
        enterprise.sector_id,
        enterprise.city_id,
        enterprise.employee_band,
    )
    outcome = Outcome.objects.get(pk=subject["outcome"].pk)
    assert (outcome.kind, outcome.amount, outcome.currency) == ("funds_raised", 50_000_000, "HKD")
    assert Case.objects.get(pk=subject["case"].pk).stage == subject["case"].stage
    referral = Referral.objects.get(pk=subject["referral"].pk)
    assert (referral.provider_id, referral.status) == (subject["referral"].provider_id, "accepted")
    assert EnterpriseNeed.objects.filter(enterprise=enterprise).count() == 1
    # The members' account is closed.
    member = User.objects.get(pk=subject["member"].pk)
    assert not member.is_active
    assert not member.has_usable_password()
    # Audited, without the personal data.
    record = AuditEvent.objects.get(action="erased", target_id=str(enterprise.pk))
    assert record.changes["erasure"] == done.pk
    assert record.changes["counts"]["contacts"] == 2
    assert done.reason == "请求编号 2026-118"


def test_erasing_one_contact_leaves_the_others_and_the_enterprise(officer, subject, caplog):
    from django.test import TestCase

    with (
        caplog.at_level("INFO", logger="goglobal.privacy"),
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        erasure.contact_erase(actor=officer, contact=subject["contact"], reason="本人来函")
    [line] = [r for r in caplog.records if r.name == "goglobal.privacy"]
    assert (line.getMessage(), line.kind, line.subject_id) == (
        "personal data erased",
        "contact",
        subject["contact"].pk,
    )
    assert NAME not in caplog.text

    stored = _everything_stored() + _stored_json_text()
    for value in (NAME, EMAIL, PHONE):
        assert value not in stored, value
    assert "周静" in stored
    assert Enterprise.objects.get(pk=subject["enterprise"].pk).name_zh == "宁波远帆新材料有限公司"
    contact = Contact.objects.get(pk=subject["contact"].pk)
    assert (contact.full_name, contact.email, contact.phone, contact.has_consent) == (
        ANONYMISED,
        "",
        "",
        False,
    )
    assert Interaction.objects.get(pk=subject["interaction"].pk).summary == f"与{ANONYMISED}通话"
    assert Participant.objects.get(pk=subject["participant"].pk).full_name == ANONYMISED
    assert NAME not in Path(subject["job"].file.path).read_text(encoding="utf-8")
    assert Erasure.objects.get().kind == "contact"


def test_a_failure_leaves_the_database_and_the_files_as_they_were(officer, subject, monkeypatch):
    job_path = Path(subject["job"].file.path)
    before_file = job_path.read_bytes()
    before_rows = sorted(Contact.objects.values_list("full_name", flat=True))

    def broken(enterprise):
        raise RuntimeError("disk full")

    monkeypatch.setattr(erasure, "_refresh_keys", broken)
    with pytest.raises(RuntimeError):
        erasure.enterprise_erase(actor=officer, enterprise=subject["enterprise"], reason="x")

    assert sorted(Contact.objects.values_list("full_name", flat=True)) == before_rows
    assert NAME in _stored_json_text()
    assert Enterprise.objects.get(pk=subject["enterprise"].pk).name_zh == "宁波远帆新材料有限公司"
    assert job_path.read_bytes() == before_file
    assert Path(subject["bundle"].file.path).exists()
    assert not Erasure.objects.exists()


def test_the_erasure_page_asks_for_a_reason_and_a_confirmation(client, officer, subject):
    client.force_login(officer)
    enterprise = subject["enterprise"]
    url = reverse("privacy:enterprise_erase", args=[enterprise.pk])

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert 'data-testid="erase-form"' in page.content.decode()
    refused = client.post(url, {"reason": "", "confirm": ""}, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 400
    assert Enterprise.objects.get(pk=enterprise.pk).name_zh == "宁波远帆新材料有限公司"
    unconfirmed = client.post(url, {"reason": "请求"})
    assert unconfirmed.status_code == 400
    assert not Erasure.objects.exists()

    done = client.post(url, {"reason": "请求编号 7", "confirm": "on"})
    assert done.status_code == 302
    assert Enterprise.objects.get(pk=enterprise.pk).name_zh == ANONYMISED


@pytest.mark.parametrize("role", ROLES)
def test_only_officers_and_administrators_may_erase(client, role, subject):
    user = UserFactory(role=role)
    if role == Role.ENTERPRISE_MEMBER:
        user = subject["member"]
    client.force_login(user)
    urls = [
        reverse("privacy:enterprise_erase", args=[subject["enterprise"].pk]),
        reverse("privacy:contact_erase", args=[subject["contact"].pk]),
    ]
    expected = 200 if role in {"admin", "officer"} else 404
    assert [client.get(url).status_code for url in urls] == [expected, expected]
    for url in urls:
        response = client.post(url, {"reason": "x", "confirm": "on"})
        assert response.status_code == (302 if expected == 200 else 404)
    erased = Enterprise.objects.get(pk=subject["enterprise"].pk).name_zh == ANONYMISED
    assert erased == (expected == 200)


def test_a_placeholder_code_is_well_formed_and_unique():
    from goglobal.enterprises.rules import social_credit_problem

    codes = {erasure.placeholder_code(pk) for pk in (1, 2, 999_999_999)}
    assert len(codes) == 3
    assert all(social_credit_problem(code) is None for code in codes)


def test_an_erased_enterprise_can_still_be_edited(client, officer, subject):
    """The anonymised values pass the model's own validation."""
    erasure.enterprise_erase(actor=officer, enterprise=subject["enterprise"], reason="x")
    enterprise = Enterprise.objects.get(pk=subject["enterprise"].pk)
    enterprise.full_clean()
    other = EnterpriseFactory()
    other.full_clean()
    assert EnterpriseMembership.objects.filter(enterprise=enterprise).exists()


def test_erasing_the_contact_who_registered_also_closes_their_account(officer, subject):
    member = subject["member"]
    contact = subject["contact"]
    Contact.objects.filter(pk=contact.pk).update(email=member.email)
    contact.refresh_from_db()

    erasure.contact_erase(actor=officer, contact=contact, reason="本人来函")

    member.refresh_from_db()
    assert member.email != "owner@yuanfan.example.cn"
    assert not member.is_active
    assert "owner@yuanfan.example.cn" not in _everything_stored()
