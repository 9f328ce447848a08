"""Exports use the import formats: exporting and importing again changes nothing."""

import io

import pytest
from openpyxl import load_workbook

from goglobal.imports import selectors
from goglobal.imports.kinds import KINDS
from goglobal.imports.tables import csv_lines, xlsx_write
from goglobal.imports.tests.factories import (
    EnterpriseRowFactory,
    InvestorRowFactory,
    ProviderRowFactory,
    import_rows,
    upload,
)

pytestmark = pytest.mark.django_db

ROWS = {
    "enterprises": lambda: [
        *EnterpriseRowFactory.build_batch(3),
        EnterpriseRowFactory.build(
            name_en="",
            hs_codes="",
            description="",
            website="",
            target_markets="",
            needs="",
            contact_name="",
            contact_email="",
            contact_phone="",
            contact_consent="",
            listing_status="",
        ),
        EnterpriseRowFactory.build(
            description="一家在香港上市的深圳企業，計劃拓展中東市場。",
            description_language="",
            target_markets="gcc;bri;AE",
        ),
    ],
    "providers": lambda: [
        *ProviderRowFactory.build_batch(2),
        ProviderRowFactory.build(name_en="", markets="", languages="", licences="", needs=""),
    ],
    "investors": lambda: [
        *InvestorRowFactory.build_batch(2),
        InvestorRowFactory.build(ticket_min="", ticket_max="", stages="", currency="hkd"),
    ],
}


def _exported(kind, file_format):
    header, rows = selectors.export_rows(kind=kind)
    if file_format == "csv":
        return "".join(csv_lines(header, rows)).encode()
    handle = io.BytesIO()
    xlsx_write(handle, header, rows)
    return handle.getvalue()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_export_then_import_leaves_every_row_unchanged(officer, kind, file_format):
    from goglobal.imports import services

    first = import_rows(kind, ROWS[kind](), actor=officer)
    assert first.status == "succeeded", first.errors
    content = _exported(kind, file_format)
    job = services.import_job_create(
        actor=officer,
        kind=kind,
        upload=upload(content, f"export.{file_format}"),
        dry_run=False,
        run_in_background=False,
    )

    job = services.import_run(job=job)

    assert job.status == "succeeded", job.errors
    assert (job.created_count, job.updated_count) == (0, 0)
    assert job.unchanged_count == first.created_count


def test_the_export_header_names_every_column():
    header, rows = selectors.export_rows(kind="enterprises")

    assert header == KINDS["enterprises"].columns
    assert list(rows) == []


def test_an_xlsx_export_keeps_codes_as_text(officer):
    import_rows("enterprises", [EnterpriseRowFactory.build(sector="01")], actor=officer)

    sheet = load_workbook(io.BytesIO(_exported("enterprises", "xlsx"))).worksheets[0]

    values = [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert values[KINDS["enterprises"].columns.index("sector")] == "01"
    assert values[KINDS["enterprises"].columns.index("province")] == "440000"


def test_deleted_records_are_not_exported(officer):
    from goglobal.enterprises.models import Enterprise

    import_rows("enterprises", EnterpriseRowFactory.build_batch(2), actor=officer)
    Enterprise.objects.filter(pk=Enterprise.objects.first().pk).update(
        deleted_at="2026-01-01T00:00Z"
    )

    _header, rows = selectors.export_rows(kind="enterprises")

    assert len(list(rows)) == 1


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_never_writes_a_live_formula_and_imports_back_unchanged(
    client, officer, file_format
):
    from django.urls import reverse

    from goglobal.imports import services

    name = '=HYPERLINK("http://evil.example","click")'
    first = import_rows(
        "enterprises",
        [EnterpriseRowFactory.build(name_en=name, contact_name="@SUM(A1)")],
        actor=officer,
    )
    assert first.status == "succeeded", first.errors
    client.force_login(officer)

    response = client.get(reverse("imports:export", args=["enterprises", file_format]))

    content = b"".join(response.streaming_content)
    if file_format == "csv":
        text = content.decode("utf-8-sig")
        assert '"\'=HYPERLINK(""http://evil.example"",""click"")"' in text
        assert ",'@SUM(A1)," in text
        assert ",'+86 755 5555 0000," in text
    else:
        import zipfile

        sheet_xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml")
        assert b"<f>" not in sheet_xml
        cells = {
            cell.value: cell
            for row in load_workbook(io.BytesIO(content)).active.iter_rows()
            for cell in row
        }
        assert cells[name].data_type == "s"
        assert cells[name].quotePrefix
    job = services.import_job_create(
        actor=officer,
        kind="enterprises",
        upload=upload(content, f"export.{file_format}"),
        dry_run=False,
        run_in_background=False,
    )
    job = services.import_run(job=job)
    assert job.status == "succeeded", job.errors
    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 0, 1)
