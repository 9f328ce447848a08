"""Every validation rule: the file is rejected whole and each error names its row and column."""

import pytest

from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.imports.tests.factories import (
    EnterpriseRowFactory,
    InvestorRowFactory,
    ProviderRowFactory,
    csv_bytes,
    import_rows,
    social_credit_code,
)
from goglobal.providers.models import Investor, ServiceProvider


def _rejected_with(job, *, row, column, text):
    assert job.status == "rejected"
    assert {"row": row, "column": column} in [
        {"row": error["row"], "column": error["column"]} for error in job.errors
    ], job.errors
    messages = [e["message"] for e in job.errors if e["row"] == row and e["column"] == column]
    assert any(text in message for message in messages), messages


ENTERPRISE_CASES = [
    ("external_id", "", "is required"),
    ("external_id", "has space", "at most 64 characters"),
    ("name_zh", "", "is required"),
    ("social_credit_code", "91440300000000001", "18 characters"),
    ("social_credit_code", social_credit_code(5)[:17] + "0", "check character"),
    ("social_credit_code", "", "is required"),
    ("province", "999999", "Unknown code"),
    ("province", "440300", "not a province-level code"),
    ("city", "320100", "not in province"),
    ("sector", "A", "Unknown code"),
    ("sector", "99", "Unknown code"),
    ("employee_band", "huge", "is not one of"),
    ("revenue_band", "", "is required"),
    ("ownership", "public", "is not one of"),
    ("listing_status", "listed_moon", "is not one of"),
    ("hs_codes", "8507;12345", "not an HS code"),
    ("description_language", "fr", "is not one of"),
    ("website", "not a web address", "is not a web address"),
    ("target_markets", "VN;XX", "Unknown market code “XX”"),
    ("needs", "fundraising.moonshot", "Unknown need code"),
    ("needs", "legal.setup:urgent", "Unknown priority"),
    ("needs", "legal.setup:high:someday", "Unknown timeline"),
    ("needs", "legal.setup;legal.setup:high", "listed twice"),
    ("contact_email", "not-an-email", "is not an email address"),
    ("contact_consent", "maybe", "“yes” or “no”"),
    ("name_en", "x" * 201, "longer than 200"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("column", "value", "text"), ENTERPRISE_CASES)
def test_a_bad_enterprise_cell_rejects_the_whole_file(officer, column, value, text):
    rows = EnterpriseRowFactory.build_batch(4)
    rows[2][column] = value

    job = import_rows("enterprises", rows, actor=officer)

    _rejected_with(job, row=4, column=column, text=text)
    assert job.created_count == 0
    assert not Enterprise.objects.exists()


@pytest.mark.django_db
def test_a_contact_without_a_name_is_an_error(officer):
    row = EnterpriseRowFactory.build(contact_name="")

    job = import_rows("enterprises", [row], actor=officer)

    _rejected_with(job, row=2, column="contact_name", text="contact's name")


@pytest.mark.django_db
def test_every_error_in_the_file_is_listed(officer):
    rows = EnterpriseRowFactory.build_batch(5)
    rows[0]["sector"] = "99"
    rows[3]["province"] = "000000"
    rows[3]["needs"] = "nothing.here"

    job = import_rows("enterprises", rows, actor=officer)

    assert [(e["row"], e["column"]) for e in job.errors] == [
        (2, "sector"),
        (5, "province"),
        (5, "needs"),
    ]


@pytest.mark.django_db
def test_duplicate_external_ids_and_credit_codes_within_the_file(officer):
    rows = EnterpriseRowFactory.build_batch(3)
    rows[2]["external_id"] = rows[0]["external_id"]
    rows[1]["social_credit_code"] = rows[0]["social_credit_code"]

    job = import_rows("enterprises", rows, actor=officer)

    _rejected_with(job, row=4, column="external_id", text="already used in row 2")
    _rejected_with(job, row=3, column="social_credit_code", text="already used in row 2")


@pytest.mark.django_db
def test_a_credit_code_of_another_enterprise_is_refused(officer):
    other = EnterpriseFactory(external_id="crm-other")
    row = EnterpriseRowFactory.build(social_credit_code=other.social_credit_code)

    job = import_rows("enterprises", [row], actor=officer)

    _rejected_with(job, row=2, column="social_credit_code", text="crm-other")
    assert Enterprise.objects.count() == 1


@pytest.mark.django_db
def test_a_deleted_record_is_not_brought_back_by_an_import(officer):
    EnterpriseFactory(external_id="crm-gone", deleted_at="2026-01-01T00:00:00Z")
    row = EnterpriseRowFactory.build(external_id="crm-gone")

    job = import_rows("enterprises", [row], actor=officer)

    _rejected_with(job, row=2, column="external_id", text="was deleted")


@pytest.mark.django_db
def test_header_problems_are_reported_on_row_one(officer):
    rows = [{**EnterpriseRowFactory.build(), "colour": "blue"}]
    columns = [c for c in [*EnterpriseRowFactory.build(), "colour"] if c != "sector"]

    job = import_rows("enterprises", rows, actor=officer, columns=columns)

    _rejected_with(job, row=1, column="colour", text="Unknown column")
    _rejected_with(job, row=1, column="sector", text="is missing")
    assert len(job.errors) == 2


@pytest.mark.django_db
def test_a_file_that_is_not_utf8_is_rejected(officer):
    from goglobal.imports import services
    from goglobal.imports.tests.factories import upload

    content = csv_bytes("enterprises", [EnterpriseRowFactory.build()]).decode().encode("gb18030")
    job = services.import_job_create(
        actor=officer,
        kind="enterprises",
        upload=upload(content),
        dry_run=False,
        run_in_background=False,
    )

    job = services.import_run(job=job)

    assert job.status == "rejected"
    assert "UTF-8" in job.errors[0]["message"]


@pytest.mark.django_db
def test_a_file_that_is_not_a_workbook_is_rejected(officer):
    from goglobal.imports import services
    from goglobal.imports.tests.factories import upload

    job = services.import_job_create(
        actor=officer,
        kind="providers",
        upload=upload(b"just text", "providers.xlsx"),
        dry_run=False,
        run_in_background=False,
    )

    job = services.import_run(job=job)

    assert job.status == "rejected"
    assert "Excel" in job.errors[0]["message"]


PROVIDER_CASES = [
    ("category", "bakery", "is not one of"),
    ("markets", "VN:shop", "“office” or “network”"),
    ("markets", "ZZ:office", "Unknown country code"),
    ("markets", "VN;VN:network", "listed twice"),
    ("languages", "Chinese!", "not a valid entry"),
    ("capacity_per_month", "many", "whole number"),
    ("capacity_per_month", "-3", "whole number"),
    ("needs", "legal.nothing", "Unknown code"),
    ("sectors", "38;X1", "Unknown code"),
    ("email", "hello at law", "is not an email address"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("column", "value", "text"), PROVIDER_CASES)
def test_a_bad_provider_cell_rejects_the_file(officer, column, value, text):
    rows = ProviderRowFactory.build_batch(2)
    rows[1][column] = value

    job = import_rows("providers", rows, actor=officer)

    _rejected_with(job, row=3, column=column, text=text)
    assert not ServiceProvider.objects.exists()


@pytest.mark.django_db
def test_a_provider_needs_a_name_in_one_language(officer):
    row = ProviderRowFactory.build(name_en="", name_zh_hans="", name_zh_hant="")

    job = import_rows("providers", [row], actor=officer)

    _rejected_with(job, row=2, column="name_en", text="at least one language")


INVESTOR_CASES = [
    ("investor_type", "angel", "is not one of"),
    ("stages", "growth;late", "is not one of"),
    ("ticket_min", "lots", "whole number"),
    ("ticket_max", "1000", "smaller than the smallest"),
    ("currency", "dollars", "ISO 4217"),
    ("markets", "HK;XX", "Unknown code"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("column", "value", "text"), INVESTOR_CASES)
def test_a_bad_investor_cell_rejects_the_file(officer, column, value, text):
    rows = InvestorRowFactory.build_batch(2)
    rows[0][column] = value

    job = import_rows("investors", rows, actor=officer)

    _rejected_with(job, row=2, column=column, text=text)
    assert not Investor.objects.exists()
