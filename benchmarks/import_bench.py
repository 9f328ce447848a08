"""Time the import of a large synthetic enterprise CSV through the import service.

    python benchmarks/import_bench.py [--rows 100000] [--batch-size 1000] [--reimport]

Writes a CSV of ``--rows`` valid enterprises (real GB/T 2260 city codes, GB/T 4754 divisions,
ISO 3166 markets, need codes, Unified Social Credit Codes with correct check characters and
realistic Chinese and English names) into a temporary folder, then imports it with
``goglobal.imports.services.import_file`` against whatever ``DATABASE_URL`` names. Without
``DATABASE_URL`` it uses a fresh SQLite file in the temporary folder, never your own database.
With ``--reimport`` it imports the same file a second time (every row unchanged).

Prints rows/s, seconds and peak memory (the process's maximum resident set size, from
``resource.getrusage``). Results are recorded in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

_CITY_WORDS = [
    "华",
    "中",
    "金",
    "新",
    "恒",
    "瑞",
    "宏",
    "远",
    "盛",
    "安",
    "海",
    "天",
    "鼎",
    "佳",
    "联",
]
_MIDDLE_WORDS = ["创", "科", "达", "泰", "通", "信", "源", "力", "智", "博", "康", "融", "丰", "德"]
_TRADES = [
    ("新能源科技", "New Energy Technology"),
    ("电子", "Electronics"),
    ("生物医药", "Biopharma"),
    ("精密机械", "Precision Machinery"),
    ("智能装备", "Intelligent Equipment"),
    ("供应链管理", "Supply Chain Management"),
    ("食品", "Foods"),
    ("新材料", "Advanced Materials"),
    ("软件", "Software"),
    ("汽车零部件", "Auto Parts"),
]
_PINYIN = ["Hua", "Zhong", "Jin", "Xin", "Heng", "Rui", "Hong", "Yuan", "Sheng", "An", "Hai"]
_BANDS = ["lt50", "50_299", "300_999", "1000_4999", "5000_plus"]
_REVENUE = ["lt20m", "20m_200m", "200m_1b", "1b_10b", "10b_plus"]
_OWNERSHIP = ["state_owned", "private", "foreign_invested", "mixed"]
_LISTING = ["unlisted", "preparing", "listed_mainland", "listed_hk"]
_PRIORITIES = ["high", "medium", "low"]
_TIMELINES = ["0_3m", "3_6m", "6_12m", "12m_plus"]
HEADER = [
    "external_id", "name_zh", "name_en", "social_credit_code", "province", "city", "sector",
    "employee_band", "revenue_band", "ownership", "listing_status", "hs_codes", "description",
    "description_language", "website", "target_markets", "needs", "contact_name",
    "contact_email", "contact_phone", "contact_consent",
]  # fmt: skip


def _setup_django(folder: Path) -> None:
    src = Path(__file__).resolve().parents[1] / "src"
    sys.path.insert(0, str(src))
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder / 'bench.sqlite3'}")
    os.environ.setdefault("GOGLOBAL_MEDIA_ROOT", str(folder / "media"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
    import django

    django.setup()
    from django.core.management import call_command

    from goglobal.knowledge.services import reference_data_load

    call_command("migrate", verbosity=0)
    reference_data_load()


def _write_csv(path: Path, rows: int, seed: int) -> None:
    from goglobal.enterprises.rules import social_credit_check_character
    from goglobal.knowledge.models import AdministrativeArea, Country, MarketGroup, NeedCode, Sector

    rng = random.Random(seed)
    cities = list(
        AdministrativeArea.objects.filter(level="city").values_list(
            "code", "province__code", "name_zh_hans"
        )
    )
    sectors = list(Sector.objects.filter(level="division").values_list("code", flat=True))
    countries = list(Country.objects.values_list("code", flat=True))
    groups = list(MarketGroup.objects.values_list("code", flat=True))
    needs = list(NeedCode.objects.values_list("code", flat=True))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(rows):
            city, province, city_name = rng.choice(cities)
            trade_zh, trade_en = rng.choice(_TRADES)
            brand = rng.choice(_CITY_WORDS) + rng.choice(_MIDDLE_WORDS)
            body = f"91{city}{n:09d}"
            markets = rng.sample(countries, rng.randint(1, 4)) + rng.sample(
                groups, rng.randint(0, 1)
            )
            chosen = rng.sample(needs, rng.randint(1, 3))
            writer.writerow(
                [
                    f"bench-{n:07d}",
                    f"{city_name.removesuffix('市')}{brand}{trade_zh}有限公司",
                    f"{rng.choice(_PINYIN)}{rng.choice(_PINYIN).lower()} {trade_en} Co., Ltd.",
                    body + social_credit_check_character(body),
                    province,
                    city,
                    rng.choice(sectors),
                    rng.choice(_BANDS),
                    rng.choice(_REVENUE),
                    rng.choice(_OWNERSHIP),
                    rng.choice(_LISTING),
                    "8507;850760",
                    f"{city_name}的{trade_zh}企业，计划拓展海外市场。",
                    "zh-hans",
                    f"https://www.example{n}.cn",
                    ";".join(markets),
                    ";".join(
                        f"{code}:{rng.choice(_PRIORITIES)}:{rng.choice(_TIMELINES)}"
                        for code in chosen
                    ),
                    "王" + rng.choice(_MIDDLE_WORDS) + rng.choice(_CITY_WORDS),
                    f"contact{n}@example{n}.cn",
                    f"+86 755 {n:08d}",
                    rng.choice(["yes", "no"]),
                ]
            )


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _import(path: Path, label: str) -> None:
    from django.db import connection

    from goglobal.imports.services import import_file

    started = time.perf_counter()
    counts, errors = import_file(
        kind="enterprises",
        open_file=lambda: path.open("rb"),
        file_format="csv",
        actor=None,
        dry_run=False,
    )
    seconds = time.perf_counter() - started
    if errors:
        raise SystemExit(f"{len(errors)} errors, first: {errors[0]}")
    print(
        f"{label}: {counts.rows} rows in {seconds:.1f} s = {counts.rows / seconds:,.0f} rows/s "
        f"(created {counts.created}, updated {counts.updated}, unchanged {counts.unchanged}); "
        f"peak RSS {_peak_mib():.0f} MiB; database {connection.vendor}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--reimport", action="store_true", help="import the same file again")
    options = parser.parse_args()
    os.environ["GOGLOBAL_IMPORT_BATCH_SIZE"] = str(options.batch_size)
    with tempfile.TemporaryDirectory(prefix="import-bench-") as name:
        folder = Path(name)
        _setup_django(folder)
        path = folder / "enterprises.csv"
        started = time.perf_counter()
        _write_csv(path, options.rows, options.seed)
        size = path.stat().st_size / 1024 / 1024
        seconds = time.perf_counter() - started
        print(f"generated {options.rows} rows ({size:.1f} MiB) in {seconds:.1f} s")
        print(f"peak RSS before import {_peak_mib():.0f} MiB")
        _import(path, "first import")
        if options.reimport:
            _import(path, "re-import")
        with contextlib.suppress(Exception):
            from django.db import connection

            connection.close()


if __name__ == "__main__":
    main()
