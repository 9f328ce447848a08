"""The console: ``goglobal import`` and ``goglobal export`` call the same services."""

import pytest
from django.core.management import CommandError, call_command

from goglobal.enterprises.models import Enterprise
from goglobal.imports.models import ImportJob
from goglobal.imports.tests.factories import EnterpriseRowFactory, csv_bytes, import_rows

pytestmark = pytest.mark.django_db


def test_import_prints_the_counts(tmp_path, capsys):
    path = tmp_path / "enterprises.csv"
    path.write_bytes(csv_bytes("enterprises", EnterpriseRowFactory.build_batch(3)))

    call_command("import", "enterprises", str(path))

    assert "3 rows: 3 created, 0 updated, 0 unchanged" in capsys.readouterr().out
    assert Enterprise.objects.count() == 3
    assert ImportJob.objects.get().original_name == "enterprises.csv"


def test_a_dry_run_import_changes_nothing(tmp_path, capsys):
    path = tmp_path / "enterprises.csv"
    path.write_bytes(csv_bytes("enterprises", EnterpriseRowFactory.build_batch(2)))

    call_command("import", "enterprises", str(path), "--dry-run")

    assert "Dry run" in capsys.readouterr().out
    assert not Enterprise.objects.exists()


def test_a_rejected_file_prints_every_error_and_exits_with_status_1(tmp_path, capsys):
    rows = EnterpriseRowFactory.build_batch(3)
    rows[0]["sector"] = "99"
    rows[2]["needs"] = "legal.setup:whenever"
    path = tmp_path / "enterprises.csv"
    path.write_bytes(csv_bytes("enterprises", rows))

    with pytest.raises(CommandError) as raised:
        call_command("import", "enterprises", str(path))

    assert raised.value.returncode == 1
    errors = capsys.readouterr().err
    assert "row 2, column sector: Unknown code “99”." in errors
    assert "row 4, column needs: Unknown priority" in errors
    assert not Enterprise.objects.exists()


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_writes_a_file_that_imports_unchanged(tmp_path, officer, capsys, suffix):
    import_rows("enterprises", EnterpriseRowFactory.build_batch(2), actor=officer)
    path = tmp_path / f"out.{suffix}"

    call_command("export", "enterprises", "-o", str(path))
    call_command("import", "enterprises", str(path))

    output = capsys.readouterr().out
    assert f"2 enterprises written to {path}" in output
    assert "2 rows: 0 created, 0 updated, 2 unchanged" in output
