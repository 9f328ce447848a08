"""Build ``src/goglobal/knowledge/data/countries.csv`` from CLDR (via Babel) and ISO 3166-1.

Names come from the CLDR data shipped with Babel: ``en`` for English, ``zh_Hans_CN`` for
Simplified Chinese and ``zh_Hant_HK`` for Traditional Chinese (our readers are in Hong Kong).
The list of codes and the alpha-3 codes come from ``pycountry`` when it is installed; otherwise
from the ``country-codes.csv`` research file. The UN M49 region (Africa, Americas, Asia,
Europe, Oceania; empty for Antarctica) always comes from that research file, which is read only
here: the generated CSV is committed, so the product never needs ``/work/shared`` at run time.

Usage::

    .venv/bin/python scripts/build_countries_csv.py [--shared PATH] [--checked-on YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_cldr_version

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO_ROOT.parent / "shared"
OUTPUT = REPO_ROOT / "src" / "goglobal" / "knowledge" / "data" / "countries.csv"
HEADER = [
    "code",
    "alpha3",
    "region",
    "name_en",
    "name_zh_hans",
    "name_zh_hant",
    "source",
    "checked_on",
]
SOURCE_KEY = "cldr"
DEFAULT_CHECKED_ON = "2026-11-23"
REGIONS = {"Africa", "Americas", "Asia", "Europe", "Oceania", ""}
EXPECTED_COUNT = 249


def read_research_file(shared: Path) -> dict[str, dict[str, str]]:
    """Alpha-2 → {"alpha3": …, "region": …} from datasets/country-codes (UN M49 regions)."""
    path = shared / "data" / "country-codes" / "country-codes.csv"
    if not path.is_file():
        sys.exit(f"missing {path}: pass --shared pointing at the shared research folder")
    out: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = row["ISO3166-1-Alpha-2"].strip()
            if len(code) == 2 and code.isalpha() and code.isupper():
                out[code] = {
                    "alpha3": row["ISO3166-1-Alpha-3"].strip(),
                    "region": row["Region Name"].strip(),
                }
    return out


def iso_codes(research: dict[str, dict[str, str]]) -> dict[str, str]:
    """Alpha-2 → alpha-3 for every ISO 3166-1 country or territory."""
    try:
        import pycountry
    except ImportError:
        return {code: info["alpha3"] for code, info in research.items()}
    return {country.alpha_2: country.alpha_3 for country in pycountry.countries}


def build_rows(shared: Path, checked_on: str) -> list[list[str]]:
    research = read_research_file(shared)
    codes = iso_codes(research)
    english = Locale.parse("en").territories
    simplified = Locale.parse("zh_Hans_CN").territories
    traditional = Locale.parse("zh_Hant_HK").territories
    rows: list[list[str]] = []
    problems: list[str] = []
    for code in sorted(codes):
        names = [english.get(code), simplified.get(code), traditional.get(code)]
        if not all(names):
            problems.append(f"{code}: CLDR has no name in every locale")
            continue
        info = research.get(code)
        if info is None:
            problems.append(f"{code}: not in country-codes.csv (no region)")
            continue
        if info["alpha3"] != codes[code]:
            problems.append(f"{code}: alpha-3 {codes[code]} != research file {info['alpha3']}")
        if info["region"] not in REGIONS:
            problems.append(f"{code}: unexpected region {info['region']!r}")
        rows.append([code, codes[code], info["region"], *names, SOURCE_KEY, checked_on])
    if problems:
        sys.exit("\n".join(problems))
    if len(rows) != EXPECTED_COUNT:
        sys.exit(f"expected {EXPECTED_COUNT} countries and territories, built {len(rows)}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--checked-on", default=DEFAULT_CHECKED_ON)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    dt.date.fromisoformat(args.checked_on)  # reject anything but YYYY-MM-DD
    rows = build_rows(args.shared, args.checked_on)
    with args.output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(
        f"wrote {len(rows)} rows to {args.output} "
        f"(CLDR {get_cldr_version()} via Babel {babel.__version__})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
