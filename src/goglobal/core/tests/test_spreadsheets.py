"""Formula neutralisation: the one helper every CSV and XLSX export goes through."""

import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from goglobal.core.spreadsheets import csv_cell, csv_cell_read, is_formula_like, xlsx_cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+cmd", "'+cmd"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("+852 2123 4567", "'+852 2123 4567"),
        ("-12", "-12"),
        ("-1.5e3", "-1.5e3"),
        ("-inf", "'-inf"),
        (-3, "-3"),
        ("深圳", "深圳"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
    ],
)
def test_csv_cell(value, expected):
    assert csv_cell(value) == expected


@pytest.mark.parametrize("text", ["=1+1", "+852 2123 4567", "-x", "@a", "\tx", "'plain", "深圳"])
def test_a_csv_cell_reads_back_as_written(text):
    assert csv_cell_read(csv_cell(text)) == text


def test_an_xlsx_cell_that_looks_like_a_formula_is_text():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    values = ['=HYPERLINK("http://evil","x")', "+cmd", "@SUM(A1)", "-12", 7, "深圳"]
    sheet.append([xlsx_cell(sheet, value) for value in values])
    buffer = io.BytesIO()

    workbook.save(buffer)

    xml = zipfile.ZipFile(buffer).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    assert "<f " not in xml
    cells = next(load_workbook(buffer).active.iter_rows())
    assert [cell.value for cell in cells] == values
    assert [cell.data_type for cell in cells[:3]] == ["s", "s", "s"]
    assert all(cell.quotePrefix for cell in cells[:3])
    assert is_formula_like(values[0])
    assert not is_formula_like(values[3])
