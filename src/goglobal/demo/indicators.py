"""World Bank indicators for the demo's market profiles and route comparator.

The product ships no copy of the World Bank's data. The demo loads it when a World Bank file is
at hand, through the knowledge base's importer (``indicator_file_import``: whole-file check, the
indicator's "checked on" date and an audit row with the file's name), from the first of:

1. the setting or environment variable ``GOGLOBAL_WORLD_BANK_FILE``: one CSV file, a folder of
   them, or several of either separated by the path separator (``:``); empty turns it off;
2. the folder ``../shared/data/wdi/`` beside the project (next to the folder the command runs
   in, or to the source checkout), one long-layout file per indicator (``ny.gdp.mktp.cd.csv``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from goglobal.knowledge.models import IndicatorValue
from goglobal.knowledge.services.indicators import IndicatorFileError, indicator_file_import

SETTING = "GOGLOBAL_WORLD_BANK_FILE"
SIBLING = Path("..") / "shared" / "data" / "wdi"


@dataclass
class IndicatorLoad:
    """What the demo found and loaded; ``origin`` says where the files came from."""

    origin: str = ""
    files: list[Path] = field(default_factory=list)
    loaded: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    values: int = 0
    markets: int = 0

    @property
    def found(self) -> bool:
        return bool(self.files)


def _configured() -> str | None:
    value = getattr(settings, SETTING, None)
    if value is None:
        value = os.environ.get(SETTING)
    return value


def _csv_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(item for item in path.iterdir() if item.suffix.lower() == ".csv")
    return [path] if path.is_file() else []


def _sibling_folders() -> list[Path]:
    checkout = Path(__file__).resolve().parents[3]
    folders = [Path.cwd() / SIBLING, checkout / SIBLING]
    unique: list[Path] = []
    for folder in folders:
        if folder.resolve() not in {item.resolve() for item in unique}:
            unique.append(folder)
    return unique


def world_bank_files() -> tuple[str, list[Path]]:
    """``(where from, the CSV files)``; no files when nothing is configured or found."""
    configured = _configured()
    if configured is not None:
        paths = [Path(part).expanduser() for part in configured.split(os.pathsep) if part.strip()]
        files = [item for path in paths for item in _csv_files(path)]
        return f"{SETTING}={configured}", files
    for folder in _sibling_folders():
        files = _csv_files(folder)
        if files:
            return str(folder.resolve()), files
    return "", []


def demo_indicators_load() -> IndicatorLoad:
    """Import every World Bank file found; a file the importer refuses is named and skipped."""
    origin, files = world_bank_files()
    result = IndicatorLoad(origin=origin, files=files)
    for path in files:
        try:
            imported = indicator_file_import(path=path)
        except IndicatorFileError as error:
            result.refused.append(f"{path.name}: {error.problems[0]}")
        else:
            result.loaded.extend(imported.indicators)
    values = IndicatorValue.objects.filter(country__isnull=False)
    result.values = values.count()
    result.markets = values.values("country").distinct().count()
    return result
