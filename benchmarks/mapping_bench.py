"""The import mapping's suggestions, without a database: header suggestions for a 40-column
file, and value suggestions for a city column against the mainland's provinces and
prefecture-level cities (Chinese short names and their romanisations, from the identity
engine's tables), with each name written five ways (深圳, 深圳市, 深圳市 in Traditional script,
Shenzhen, "Shenzhen City") and as many names that are no city.

Usage: .venv/bin/python benchmarks/mapping_bench.py [--repeat N]

Prints the time to build the index, the time per value looked up, and how many written-out
names were given their city (recall), how many non-names were given one (false suggestions).
"""

from __future__ import annotations

import argparse
import time

import opencc

from goglobal.engines.identity.regions import _romanise, tables
from goglobal.engines.mapping import SYNONYMS, Option, ValueIndex, suggest_columns

SUFFIXES = ("省", "市", "自治区", "地区", "city", "province", "shi")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    by_zh, _ = tables()
    options = [
        Option(f"{number:06d}", (name, _romanise(name).title()))
        for number, name in enumerate(sorted(by_zh))
    ]
    code_of = {option.labels[0]: option.code for option in options}
    to_traditional = opencc.OpenCC("s2t")
    written: list[tuple[str, str]] = []
    for name, code in code_of.items():
        roman = _romanise(name).title()
        written += [
            (name, code),
            (name + "市", code),
            (to_traditional.convert(name + "市"), code),
            (roman, code),
            (roman + " City", code),
        ]
    others = [f"不存在的地方{n}" for n in range(len(written) // 2)]
    others += [f"Nowhere {n}" for n in range(len(written) // 2)]

    start = time.perf_counter()
    for _ in range(args.repeat):
        index = ValueIndex(options, SUFFIXES)
    build = (time.perf_counter() - start) / args.repeat

    start = time.perf_counter()
    for _ in range(args.repeat):
        got = [index.suggest(value) for value, _code in written]
        wrong = [index.suggest(value) for value in others]
    lookups = (len(written) + len(others)) * args.repeat
    per_value = (time.perf_counter() - start) / lookups

    right = sum(1 for (_v, code), found in zip(written, got, strict=True) if found == code)
    ambiguous = sum(1 for found in got if found is None)
    mistaken = len(written) - right - ambiguous
    false = sum(1 for found in wrong if found is not None)

    columns = sorted(SYNONYMS)
    headers = [words[-1] for words in SYNONYMS.values()]  # a Traditional or Chinese synonym
    start = time.perf_counter()
    for _ in range(args.repeat):
        suggestions = suggest_columns(headers, columns)
    header_time = (time.perf_counter() - start) / args.repeat
    header_right = sum(
        1 for s, column in zip(suggestions, SYNONYMS, strict=True) if s.column == column
    )

    print(f"options: {len(options)} areas, {sum(len(o.labels) for o in options)} labels")
    print(f"index built in {build * 1000:.1f} ms")
    print(f"lookup: {per_value * 1e6:.1f} µs per value ({lookups} values)")
    print(
        f"written names: {len(written)}; right {right} ({right / len(written):.1%}), "
        f"no suggestion {ambiguous}, wrong {mistaken}"
    )
    print(f"non-names: {len(others)}; given a city {false}")
    print(
        f"headers: {len(headers)} columns suggested in {header_time * 1000:.1f} ms; "
        f"right {header_right}/{len(headers)}"
    )


if __name__ == "__main__":
    main()
