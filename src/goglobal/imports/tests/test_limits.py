"""Upload limits: crafted files are refused quickly, in little memory, with a short record."""
# ruff: noqa: E501 - the XML parts of a workbook, written out as they are

import io
import time
import tracemalloc
import zipfile

import pytest
from django.urls import reverse

from goglobal.imports import services
from goglobal.imports.kinds import KINDS
from goglobal.imports.models import ImportJob
from goglobal.imports.tables import TableError, table_rows
from goglobal.imports.tests.factories import (
    EnterpriseRowFactory,
    csv_bytes,
    import_rows,
    upload,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
SHEET_START = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def _header_row() -> str:
    cells = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{name}</t></is></c>'
        for i, name in enumerate(KINDS["enterprises"].columns[:20])
    )
    return f'<row r="1">{cells}</row>'


def _workbook(sheet_body: str, *, dimension: str = "", shared_strings_repeat: int = 0) -> bytes:
    """A real XLSX package written part by part, so that a test can make it as hostile as an
    attacker would: a declared size of a million rows, cells at the far corner, text that
    unpacks to far more than the file's size."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        sheet = SHEET_START + (f'<dimension ref="{dimension}"/>' if dimension else "")
        archive.writestr(
            "xl/worksheets/sheet1.xml", f"{sheet}<sheetData>{sheet_body}</sheetData></worksheet>"
        )
        with archive.open("xl/sharedStrings.xml", "w") as strings:
            strings.write(
                b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
            )
            chunk = b"A" * (1024 * 1024)
            for _ in range(shared_strings_repeat):
                strings.write(chunk)
            strings.write(b"</t></si></sst>")
    return buffer.getvalue()


def _import(content: bytes, name: str = "enterprises.xlsx"):
    job = services.import_job_create(
        actor=None,
        kind="enterprises",
        upload=upload(content, name),
        dry_run=True,
        run_in_background=False,
    )
    started = time.perf_counter()
    tracemalloc.start()
    try:
        job = services.import_run(job=job)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return job, time.perf_counter() - started, peak


def _messages(job):
    return " ".join(error["message"] for error in job.errors)


def test_a_workbook_declaring_the_whole_grid_is_refused_at_once():
    corner = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    content = _workbook(_header_row() + corner, dimension="A1:XFD1048576")

    job, _seconds, peak = _import(content)

    assert job.status == "rejected"
    assert "more than 200,000 data rows" in _messages(job)
    assert len(content) < 10_000
    assert peak < 50 * 1024 * 1024
    assert len(str(job.errors)) < 2000


def test_a_workbook_hiding_its_size_is_read_only_as_far_as_the_limits():
    rows = "".join(
        f'<row r="{number}"><c r="XFD{number}" t="inlineStr"><is><t>x</t></is></c></row>'
        for number in range(2, 5000)
    )
    far = '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    content = _workbook(_header_row() + rows + far)

    job, _seconds, peak = _import(content)

    assert job.status == "rejected"
    assert "more than 100 columns" in _messages(job) or "data rows" in _messages(job)
    assert peak < 50 * 1024 * 1024
    assert len(str(job.errors)) < 2000


def test_a_workbook_whose_text_unpacks_to_gigabytes_is_refused_before_it_is_opened():
    content = _workbook(_header_row(), shared_strings_repeat=80)

    job, _seconds, peak = _import(content)

    assert len(content) < 400_000  # 80 MB of text in a file of a few hundred kilobytes
    assert job.status == "rejected"
    assert "text unpacks to more than 67 MB" in _messages(job)
    assert peak < 20 * 1024 * 1024


def test_a_workbook_unpacking_past_the_total_limit_is_refused(settings):
    settings.GOGLOBAL_XLSX_MAX_UNCOMPRESSED_BYTES = 5 * 1024 * 1024
    content = _workbook(_header_row(), shared_strings_repeat=6)

    job, _seconds, _peak = _import(content)

    assert job.status == "rejected"
    assert "unpacks to more than 5 MB" in _messages(job)


def test_a_file_that_is_not_a_workbook_is_refused():
    job, _seconds, _peak = _import(b"PK\x03\x04 not really a zip")

    assert job.status == "rejected"
    assert "not an Excel workbook" in _messages(job)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_more_rows_than_allowed_are_refused(settings, officer, file_format):
    settings.GOGLOBAL_IMPORT_MAX_ROWS = 3

    job = import_rows(
        "enterprises", EnterpriseRowFactory.build_batch(4), file_format=file_format, actor=officer
    )

    assert job.status == "rejected"
    assert "more than 3 data rows" in _messages(job)
    assert (
        import_rows(
            "enterprises",
            EnterpriseRowFactory.build_batch(3),
            file_format=file_format,
            actor=officer,
        ).status
        == "succeeded"
    )


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_more_columns_than_allowed_are_refused(settings, file_format):
    settings.GOGLOBAL_IMPORT_MAX_COLUMNS = 5
    make = csv_bytes if file_format == "csv" else xlsx_bytes
    content = make("enterprises", EnterpriseRowFactory.build_batch(1))

    with pytest.raises(TableError, match="more than 5 columns"):
        list(table_rows(io.BytesIO(content), file_format))


def test_a_cell_longer_than_allowed_is_refused(settings):
    settings.GOGLOBAL_IMPORT_MAX_CELL_CHARACTERS = 50
    content = csv_bytes("enterprises", [EnterpriseRowFactory.build(description="长" * 51)])

    with pytest.raises(TableError, match="more than 50 characters"):
        list(table_rows(io.BytesIO(content), "csv"))


def test_only_the_first_errors_are_kept_and_all_are_counted(settings, client, officer):
    settings.GOGLOBAL_IMPORT_MAX_ERRORS = 10
    long_name = "重" * 5000
    rows = [
        EnterpriseRowFactory.build(external_id="same", name_zh=long_name, province="99")
        for _ in range(40)
    ]

    job = import_rows("enterprises", rows, actor=officer)

    assert job.status == "rejected"
    assert len(job.errors) == 10
    assert job.error_total >= 40
    assert job.error_count == job.error_total
    assert all(len(error["message"]) <= 300 for error in job.errors)
    client.force_login(officer)
    page = client.get(reverse("imports:detail", args=[job.pk])).content.decode()
    assert f"{job.error_total - 10} more errors are not listed" in page


def test_a_file_larger_than_allowed_is_refused_by_the_form(settings, client, officer):
    settings.GOGLOBAL_UPLOAD_MAX_BYTES = 1000
    client.force_login(officer)
    content = csv_bytes("enterprises", EnterpriseRowFactory.build_batch(10))

    response = client.post(
        reverse("imports:upload"), {"kind": "enterprises", "file": upload(content)}
    )

    assert response.status_code == 200
    assert "The file is larger than 0 MB" in response.content.decode() or (
        "larger than" in response.content.decode()
    )
    assert not ImportJob.objects.exists()
