"""Entity resolution speed: index 100,000 records, check one new record, scan the whole table.

Run: PYTHONPATH=src .venv/bin/python benchmarks/identity_bench.py [--records 100000]
     [--queries 500] [--no-scan]
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
    options = parser.parse_args()
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


if __name__ == "__main__":
    raise SystemExit(main())
