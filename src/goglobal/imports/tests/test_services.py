"""Importing: creation, updates by external id, unchanged rows, dry runs, both formats."""

from decimal import Decimal

import pytest

from goglobal.core.models import AuditEvent
from goglobal.enterprises.models import Contact, Enterprise, EnterpriseNeed
from goglobal.enterprises.services import enterprise_search_text
from goglobal.imports.tests.factories import (
    EnterpriseRowFactory,
    InvestorRowFactory,
    ProviderRowFactory,
    import_rows,
)
from goglobal.providers.models import Investor, ServiceProvider

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_enterprise_file_creates_enterprises_with_everything(officer, file_format):
    row = EnterpriseRowFactory.build(external_id="crm-1")

    job = import_rows(
        "enterprises",
        [row, *EnterpriseRowFactory.build_batch(2)],
        actor=officer,
        file_format=file_format,
    )

    assert (job.status, job.created_count, job.updated_count) == ("succeeded", 3, 0)
    enterprise = Enterprise.objects.get(external_id="crm-1")
    assert enterprise.name_zh == row["name_zh"]
    assert (enterprise.province.code, enterprise.city.code, enterprise.sector.code) == (
        "440000",
        "440300",
        "38",
    )
    assert enterprise.hs_codes == ["8507", "850760"]
    assert sorted(c.code for c in enterprise.target_countries.all()) == ["TH", "VN"]
    assert [g.code for g in enterprise.target_groups.all()] == ["asean"]
    needs = {n.need.code: (n.priority, n.timeline) for n in enterprise.needs.all()}
    assert needs == {"fundraising.ipo": ("high", "0_3m"), "legal.setup": ("medium", "3_6m")}
    contact = enterprise.contacts.get()
    assert (contact.full_name, contact.has_consent) == (row["contact_name"], True)
    assert contact.consent_recorded_at is not None
    assert contact.consent_recorded_by == officer
    assert enterprise.search_text == enterprise_search_text(enterprise)
    assert enterprise.version == 1


def test_each_created_record_has_an_imported_audit_event(officer):
    job = import_rows("enterprises", EnterpriseRowFactory.build_batch(3), actor=officer)

    events = AuditEvent.objects.filter(action="imported", target_type="enterprises.enterprise")
    assert events.count() == 3
    assert {e.changes["import_job"] for e in events} == {job.pk}
    assert {e.actor for e in events} == {officer}


def test_a_csv_with_a_byte_order_mark_imports(officer):
    job = import_rows("enterprises", EnterpriseRowFactory.build_batch(2), actor=officer, bom=True)

    assert (job.status, job.created_count) == ("succeeded", 2)


def test_reimporting_the_same_external_id_updates_and_never_duplicates(officer):
    row = EnterpriseRowFactory.build(external_id="crm-7", needs="legal.setup:low:6_12m")
    import_rows("enterprises", [row], actor=officer)
    enterprise = Enterprise.objects.get()
    EnterpriseNeed.objects.filter(enterprise=enterprise).update(notes="met at the fair")
    changed = {**row, "name_en": "Renamed Co.", "target_markets": "SG", "needs": "legal.setup:high"}

    job = import_rows("enterprises", [changed], actor=officer)

    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 1, 0)
    assert Enterprise.objects.count() == 1
    enterprise.refresh_from_db()
    assert enterprise.name_en == "Renamed Co."
    assert enterprise.version == 2
    assert "renamed co." in enterprise.search_text
    assert [c.code for c in enterprise.target_countries.all()] == ["SG"]
    assert not enterprise.target_groups.exists()
    need = enterprise.needs.get()
    assert (need.priority, need.timeline, need.notes) == ("high", "3_6m", "met at the fair")
    event = AuditEvent.objects.filter(target_id=str(enterprise.pk), changes__result="updated").get()
    assert event.changes["fields"]["name_en"] == [row["name_en"], "Renamed Co."]
    assert event.changes["relations"] == ["needs", "target_countries", "target_groups"]


def test_an_unchanged_row_is_counted_and_not_written(officer):
    rows = EnterpriseRowFactory.build_batch(3)
    import_rows("enterprises", rows, actor=officer)
    before = dict(Enterprise.objects.values_list("pk", "updated_at"))
    rows[1]["contact_phone"] = "+86 755 1234 5678"

    job = import_rows("enterprises", rows, actor=officer)

    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 1, 2)
    after = dict(Enterprise.objects.values_list("pk", "updated_at"))
    assert sum(before[pk] != after[pk] for pk in before) == 1
    assert Contact.objects.count() == 3
    assert Contact.objects.filter(phone="+86 755 1234 5678").count() == 1


def test_withdrawn_consent_records_who_withdrew_it_and_when(officer):
    row = EnterpriseRowFactory.build()
    import_rows("enterprises", [row], actor=officer)

    import_rows("enterprises", [{**row, "contact_consent": "no"}], actor=officer)

    contact = Contact.objects.get()
    assert (contact.has_consent, contact.consent_recorded_by) == (False, officer)
    assert contact.consent_withdrawn
    withdrawn_at = contact.consent_recorded_at
    import_rows("enterprises", [{**row, "contact_consent": "no"}], actor=officer)
    contact.refresh_from_db()
    assert contact.consent_recorded_at == withdrawn_at  # still withdrawn, same date


def test_a_column_left_out_leaves_the_field_alone(officer):
    row = EnterpriseRowFactory.build()
    import_rows("enterprises", [row], actor=officer)
    columns = [c for c in row if c not in {"website", "needs", "target_markets"}]

    job = import_rows(
        "enterprises", [{**row, "name_en": "Only The Name"}], actor=officer, columns=columns
    )

    assert job.updated_count == 1
    enterprise = Enterprise.objects.get()
    assert enterprise.website == row["website"]
    assert enterprise.needs.count() == 2
    assert enterprise.target_countries.count() == 2


def test_a_rejected_file_leaves_the_database_as_it_was(officer):
    rows = EnterpriseRowFactory.build_batch(3)
    import_rows("enterprises", rows, actor=officer)
    events = AuditEvent.objects.count()
    snapshot = list(Enterprise.objects.order_by("pk").values())
    new_rows = [{**rows[0], "name_en": "Changed"}, *EnterpriseRowFactory.build_batch(2)]
    new_rows[2]["city"] = "999999"

    job = import_rows("enterprises", new_rows, actor=officer)

    assert job.status == "rejected"
    assert list(Enterprise.objects.order_by("pk").values()) == snapshot
    assert AuditEvent.objects.count() == events


def test_a_dry_run_counts_but_writes_nothing(officer):
    rows = EnterpriseRowFactory.build_batch(3)
    import_rows("enterprises", rows[:2], actor=officer)
    events = AuditEvent.objects.count()
    rows[0]["name_en"] = "Would Change"

    job = import_rows("enterprises", rows, actor=officer, dry_run=True)

    assert (job.status, job.dry_run) == ("succeeded", True)
    assert (job.created_count, job.updated_count, job.unchanged_count) == (1, 1, 1)
    assert Enterprise.objects.count() == 2
    assert not Enterprise.objects.filter(name_en="Would Change").exists()
    assert AuditEvent.objects.count() == events


def test_imports_run_in_batches(officer, settings):
    settings.GOGLOBAL_IMPORT_BATCH_SIZE = 2
    rows = EnterpriseRowFactory.build_batch(5)
    import_rows("enterprises", rows[:3], actor=officer)

    job = import_rows("enterprises", rows, actor=officer)

    assert (job.row_count, job.created_count, job.unchanged_count) == (5, 2, 3)
    assert Enterprise.objects.count() == 5


def test_a_duplicate_across_batches_is_still_found(officer, settings):
    settings.GOGLOBAL_IMPORT_BATCH_SIZE = 2
    rows = EnterpriseRowFactory.build_batch(5)
    rows[4]["external_id"] = rows[0]["external_id"]

    job = import_rows("enterprises", rows, actor=officer)

    assert [(e["row"], e["column"]) for e in job.errors] == [(6, "external_id")]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_provider_file_creates_and_updates_providers(officer, file_format):
    row = ProviderRowFactory.build(external_id="hk-law-1")

    created = import_rows("providers", [row], actor=officer, file_format=file_format)
    updated = import_rows(
        "providers",
        [{**row, "markets": "SG:network", "capacity_per_month": "12"}],
        actor=officer,
        file_format=file_format,
    )

    assert (created.created_count, updated.updated_count) == (1, 1)
    provider = ServiceProvider.objects.get()
    assert provider.name_zh_hant == row["name_zh_hant"]
    assert provider.languages == ["zh", "yue", "en"]
    assert provider.licences == ["Law Society of Hong Kong"]
    assert provider.capacity_per_month == 12
    assert sorted(n.code for n in provider.needs.all()) == ["ip.protection", "legal.setup"]
    assert [(m.country.code, m.presence) for m in provider.markets.all()] == [("SG", "network")]
    assert "維港" not in provider.search_text  # Traditional is folded to Simplified
    assert "维港律师行" in provider.search_text


def test_provider_markets_keep_presence_and_city(officer):
    import_rows("providers", [ProviderRowFactory.build()], actor=officer)

    markets = {
        (m.country.code, m.presence, m.city) for m in ServiceProvider.objects.get().markets.all()
    }

    assert markets == {("VN", "office", "Ho Chi Minh City"), ("TH", "network", "")}


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_investor_file_creates_investors(officer, file_format):
    row = InvestorRowFactory.build(ticket_min="5,000,000")

    job = import_rows("investors", [row], actor=officer, file_format=file_format)

    assert job.created_count == 1
    investor = Investor.objects.get()
    assert (investor.ticket_min, investor.ticket_max) == (Decimal(5_000_000), Decimal(50_000_000))
    assert investor.stages == ["growth", "pre_ipo"]
    assert sorted(c.code for c in investor.markets.all()) == ["HK", "SG"]
    assert sorted(s.code for s in investor.sectors.all()) == ["38", "39"]


def test_a_job_runs_only_once(officer):
    from goglobal.imports import services

    job = import_rows("enterprises", EnterpriseRowFactory.build_batch(1), actor=officer)

    again = services.import_run(job=job)

    assert again.status == "succeeded"
    assert Enterprise.objects.count() == 1
