"""Entity resolution speed: index 100,000 records, check one new record, scan the whole table.

Run: PYTHONPATH=src .venv/bin/python benchmarks/identity_bench.py [--records 100000]
     [--queries 500] [--no-scan] [--database /tmp/identity_bench.sqlite3]
Records are synthetic registered-style names (seeded): region + a two- or three-character trade
name drawn from common trade-name characters + an industry word + a legal form, a third with an
English name and a code, so trade names repeat as they do in a real register. Queries are
variants of indexed records (Traditional, English, short names) and unseen names.
Prints Markdown rows for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time

import opencc

from goglobal.engines.identity import IdentityIndex, Record
from goglobal.engines.identity.romanise import romanised
from goglobal.engines.identity.tests.pairs import make_code

TRADE = "瑞晟华兴盛达源泰宏鑫通海天金利德康安新明光中东方永嘉恒信诚和美荣昌隆丰正宇航博远"
REGIONS = [
    ("浙江", "Zhejiang"), ("江苏", "Jiangsu"), ("广东", "Guangdong"), ("深圳市", "Shenzhen"),
    ("上海", "Shanghai"), ("北京", "Beijing"), ("山东", "Shandong"), ("四川", "Sichuan"),
    ("福建", "Fujian"), ("湖北", "Hubei"), ("安徽", "Anhui"), ("河南", "Henan"),
]  # fmt: skip
INDUSTRIES = [
    ("电子科技", "Electronic Technology"), ("化工", "Chemical"), ("机械", "Machinery"),
    ("生物医药", "Biopharmaceutical"), ("新材料", "New Materials"), ("物流", "Logistics"),
    ("食品", "Food"), ("纺织", "Textile"), ("软件", "Software"), ("汽车部件", "Auto Parts"),
    ("环保科技", "Environmental Technology"), ("能源", "Energy"),
]  # fmt: skip
FORMS = ["有限公司", "股份有限公司", "有限责任公司"]


def records(count: int, seed: int) -> list[tuple[int, Record, tuple[str, str, str]]]:
    rng = random.Random(seed)
    made = []
    for number in range(count):
        trade = "".join(rng.choice(TRADE) for _ in range(rng.choice((2, 2, 3))))
        region, region_en = rng.choice(REGIONS)
        industry, industry_en = rng.choice(INDUSTRIES)
        name = f"{region}{trade}{industry}{rng.choice(FORMS)}"
        names = [name]
        code = ""
        if number % 3 == 0:
            names.append(f"{region_en} {romanised(trade).capitalize()} {industry_en} Co., Ltd.")
            code = make_code(rng)
        made.append((number, Record.of(names, code), (name, trade, industry_en)))
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--no-scan", action="store_true")
    parser.add_argument(
        "--database", metavar="FILE", help="check through Django and a fresh SQLite FILE instead"
    )
    parser.add_argument("--reuse", action="store_true", help="with --database: keep FILE's rows")
    options = parser.parse_args()
    if options.database:
        return database(options.records, options.queries, options.database, options.reuse)
    made = records(options.records, seed=17)
    started = time.perf_counter()
    index: IdentityIndex[int] = IdentityIndex()
    for key, record, _ in made:
        index.add(key, record)
    built = time.perf_counter() - started
    to_traditional = opencc.OpenCC("s2t")
    rng = random.Random(5)
    timings: list[float] = []
    found = 0
    for number in range(options.queries):
        _, _, (name, trade, industry_en) = rng.choice(made)
        kind = number % 4
        if kind == 0:
            query = Record.of([to_traditional.convert(name)])
        elif kind == 1:
            query = Record.of([f"{romanised(trade).capitalize()} {industry_en}"])
        elif kind == 2:
            query = Record.of([name.replace("有限公司", "").replace("股份", "")[2:]])
        else:
            query = Record.of([f"湖南{trade}陶瓷有限公司"])
        tick = time.perf_counter()
        matches = index.matches(query)
        timings.append((time.perf_counter() - tick) * 1000)
        found += bool(matches)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| records | index build s | check median ms | p95 ms | max ms | peak RSS MiB |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {options.records:,} | {built:.1f} | {statistics.median(timings):.2f} | {p95:.2f} "
        f"| {timings[-1]:.2f} | {rss:.0f} |"
    )
    print(f"\n{found} of {options.queries} queries had a candidate at or above the review score")
    if not options.no_scan:
        tick = time.perf_counter()
        pairs = same = 0
        for _, _, comparison in index.scan():
            pairs += 1
            same += comparison.same
        scanned = time.perf_counter() - tick
        print(f"\nfull scan: {scanned:.1f} s, {pairs:,} candidate pairs, {same:,} judged same")
    return 0


def database(count: int, queries: int, path: str, reuse: bool = False) -> int:
    """The same check through the database: ``enterprises.identity.duplicates_of`` against
    ``count`` enterprises in a fresh SQLite file (IdentityKey index), as the doors run it."""
    import os

    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
    import django

    django.setup()
    from django.core.management import call_command

    from goglobal.enterprises import identity
    from goglobal.enterprises.models import Enterprise
    from goglobal.knowledge.models import AdministrativeArea, Sector
    from goglobal.knowledge.services import reference_data_load

    made = records(count, seed=17)
    if reuse and os.path.exists(path):
        return _database_checks(made, queries, 0.0)
    if os.path.exists(path):
        os.remove(path)
    call_command("migrate", verbosity=0)
    reference_data_load()
    cities = list(AdministrativeArea.objects.filter(level="city").select_related("province")[:40])
    sector = Sector.objects.get(code="39")
    tick = time.perf_counter()
    batch = []
    for number, record, _ in made:
        city = cities[number % len(cities)]
        batch.append(
            Enterprise(
                name_zh=record.names[0],
                name_en=record.names[1] if len(record.names) > 1 else "",
                social_credit_code=record.code or make_code(random.Random(number + 10**6)),
                province=city.province,
                city=city,
                sector=sector,
                employee_band="50_299",
                revenue_band="20m_200m",
                ownership="private",
            )
        )
    Enterprise.objects.bulk_create(batch, batch_size=2000, ignore_conflicts=True)
    identity.identity_keys_refresh(list(Enterprise.objects.values_list("pk", flat=True)))
    return _database_checks(made, queries, time.perf_counter() - tick)


def _database_checks(
    made: list[tuple[int, Record, tuple[str, str, str]]], queries: int, loaded: float
) -> int:
    from goglobal.enterprises import identity
    from goglobal.enterprises.models import Enterprise

    total = Enterprise.objects.count()
    identity.duplicates_of(Record.of(["预热"]))  # first query loads the dictionaries
    rng = random.Random(5)
    timings = []
    for number in range(queries):
        _, _, (name, trade, industry_en) = rng.choice(made)
        names = [name] if number % 2 else [f"{romanised(trade).capitalize()} {industry_en}"]
        started = time.perf_counter()
        identity.duplicates_of(Record.of(names))
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    print("| records (SQLite) | load + keys s | check median ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    print(
        f"| {total:,} | {loaded:.0f} | {statistics.median(timings):.1f} | "
        f"{timings[int(len(timings) * 0.95) - 1]:.1f} | {timings[-1]:.1f} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
