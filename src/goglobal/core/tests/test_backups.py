"""A backup restored holds every row of every table, and the uploaded files, on both databases."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from goglobal.core.backups import backup_restore, backup_write, table_counts
from goglobal.enterprises.models import Enterprise
from goglobal.imports import services
from goglobal.imports.models import ImportJob
from goglobal.imports.tests.factories import EnterpriseRowFactory, csv_bytes, upload


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_a_restored_backup_holds_every_row_and_every_uploaded_file(
    transactional_db, officer, media, tmp_path
):
    content = csv_bytes("enterprises", EnterpriseRowFactory.build_batch(4))
    job = services.import_job_create(
        actor=officer, kind="enterprises", upload=upload(content), dry_run=False
    )
    stored = Path(ImportJob.objects.get(pk=job.pk).file.path)
    before = table_counts()
    archive = tmp_path / "backups" / "goglobal.tar.gz"

    call_command("backup", str(archive))
    Enterprise.objects.all().delete()
    ImportJob.objects.all().delete()
    stored.unlink()
    (media / "stray.txt").write_text("written after the backup")
    manifest = backup_restore(path=archive)

    assert table_counts() == before == manifest["tables"]
    assert sum(before.values()) > 1000  # reference data, users, the import and its rows
    assert Enterprise.objects.count() == 4
    assert stored.read_bytes() == content
    assert not (media / "stray.txt").exists()


def test_restore_refuses_an_archive_of_another_database(transactional_db, media, tmp_path):
    import json
    import tarfile

    archive = tmp_path / "other.tar.gz"
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"format": 1, "vendor": "oracle", "tables": {}}))
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(manifest, arcname="manifest.json")

    with pytest.raises(CommandError, match="oracle"):
        call_command("restore", str(archive), "--noinput")


def test_the_backup_command_names_what_it_wrote(transactional_db, media, tmp_path, capsys):
    manifest = backup_write(path=tmp_path / "b.tar.gz")

    assert manifest["vendor"] in {"sqlite", "postgresql"}
    assert manifest["tables"]["django_migrations"] > 0
