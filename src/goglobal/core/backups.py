"""Backup and restore: the database and the uploaded files in one archive.

An archive (``.tar.gz``) holds ``manifest.json`` (format, database vendor, time, the number of
rows in every table), the database (``database.pgdump``: ``pg_dump`` custom format on
PostgreSQL; ``database.sqlite3``: SQLite's online backup, safe while the platform runs) and
``media/``, the uploaded files. A restore replaces the database and the uploaded files, then
counts every table again and fails if any count differs from the manifest.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.core.errors import DomainError

FORMAT = 1
MANIFEST = "manifest.json"
DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


def table_counts() -> dict[str, int]:
    """Rows in every table of the default database, by table name."""
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from the database itself
            counts[table] = int(cursor.fetchone()[0])
    return counts


def backup_write(*, path: Path) -> dict[str, Any]:
    """Write an archive of the database and the uploaded files to ``path``; its manifest."""
    vendor = _vendor()
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP_NAMES[vendor]
        manifest = {
            "format": FORMAT,
            "vendor": vendor,
            "created_at": timezone.now().isoformat(),
            "tables": table_counts(),
        }
        if vendor == "postgresql":
            _run(
                [
                    _pg_tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    "--file",
                    str(dump),
                    *_pg_target(),
                ]
            )
        else:
            _sqlite_copy(source=Path(connection.settings_dict["NAME"]), target=dump)
        (Path(work) / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(Path(work) / MANIFEST, arcname=MANIFEST)
            archive.add(dump, arcname=dump.name)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                archive.add(media, arcname="media")
        partial.replace(path)
    return manifest


def backup_restore(*, path: Path) -> dict[str, Any]:
    """Replace the database and the uploaded files with the archive's; its manifest.

    Raises ``DomainError`` when the archive is of another database vendor or when, after the
    restore, a table holds a different number of rows than the archive recorded.
    """
    vendor = _vendor()
    with tempfile.TemporaryDirectory() as work:
        with tarfile.open(path, "r:gz") as archive:
            archive.extractall(work, filter="data")
        manifest = json.loads((Path(work) / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT or manifest.get("vendor") != vendor:
            raise DomainError(
                _("This archive holds a %(archived)s database; this platform runs on %(vendor)s.")
                % {"archived": manifest.get("vendor"), "vendor": vendor}
            )
        dump = Path(work) / DUMP_NAMES[vendor]
        connection.close()
        if vendor == "postgresql":
            _run(
                [
                    _pg_tool("pg_restore"),
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    *_pg_target("--dbname"),
                    str(dump),
                ]
            )
        else:
            _sqlite_copy(source=dump, target=Path(connection.settings_dict["NAME"]))
        _media_replace(Path(work) / "media")
    _check_counts(manifest["tables"])
    return dict(manifest)


def _check_counts(expected: dict[str, int]) -> None:
    found = table_counts()
    differing = sorted(table for table in expected if found.get(table) != expected[table])
    if differing:
        raise DomainError(
            _("The restored database differs from the archive in: %(tables)s")
            % {"tables": ", ".join(differing)}
        )


def _vendor() -> str:
    vendor = connection.vendor
    if vendor not in DUMP_NAMES:
        raise DomainError(_("Backups cover PostgreSQL and SQLite only."))
    return vendor


def _sqlite_copy(*, source: Path, target: Path) -> None:
    """SQLite's online backup API: a consistent copy even while other processes write."""
    with sqlite3.connect(source) as reader, sqlite3.connect(target) as writer:
        reader.backup(writer)
    reader.close()
    writer.close()


def _media_replace(archived: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    for entry in media.iterdir():
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    if archived.is_dir():
        shutil.copytree(archived, media, dirs_exist_ok=True)


def _pg_tool(name: str) -> str:
    """The newest installed PostgreSQL client (Debian's versioned folders), else ``PATH``'s."""
    versioned = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version_key)
    found = versioned[-1] if versioned else shutil.which(name)
    if not found:
        raise DomainError(_("%(tool)s is not installed.") % {"tool": name})
    return found


def _version_key(path: str) -> tuple[int, ...]:
    version = Path(path).parents[1].name
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def _pg_target(database_flag: str = "") -> list[str]:
    db = connection.settings_dict
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [flag, str(db[key])]
    name = str(db["NAME"])
    return [*args, f"{database_flag}={name}" if database_flag else name]


def _run(command: list[str]) -> None:
    env = {**os.environ}
    password = connection.settings_dict.get("PASSWORD")
    if password:
        env["PGPASSWORD"] = str(password)
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603 - PostgreSQL's own tools
    if result.returncode != 0:
        raise DomainError(
            _("%(tool)s failed: %(message)s")
            % {"tool": Path(command[0]).name, "message": result.stderr.strip()[-2000:]}
        )
