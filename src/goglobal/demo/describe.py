"""Descriptions of demo enterprises, in Simplified Chinese or English."""

from __future__ import annotations

import random
from typing import Protocol

from goglobal.demo.words_places import COUNTRY_NAMES, City
from goglobal.demo.words_text import CLOSINGS, NEED_PLANS, REGIONS

EMPLOYEE_TEXT = (
    ("不足50人", "fewer than 50"),
    ("约200人", "about 200"),
    ("约600人", "about 600"),
    ("约2,500人", "about 2,500"),
    ("逾8,000人", "over 8,000"),
)
LISTING_TEXT = {
    "unlisted": ("", ""),
    "preparing": ("目前正在筹备上市，", "It is preparing to list and "),
    "listed_mainland": ("已在{exchange}上市，", "It is listed on the {exchange} and "),
    "listed_hk": ("已在香港联交所主板上市，", "It is listed on the Main Board in Hong Kong and "),
    "listed_dual": ("已实现A股和H股两地上市，", "It has A shares and H shares listed and "),
    "listed_overseas": ("已在美国纳斯达克上市，", "It is listed on Nasdaq and "),
}
EXCHANGES = (
    ("上海证券交易所科创板", "STAR Market in Shanghai"),
    ("上海证券交易所主板", "Shanghai Stock Exchange"),
    ("深圳证券交易所创业板", "ChiNext board in Shenzhen"),
    ("深圳证券交易所主板", "Shenzhen Stock Exchange"),
)
AMOUNTS = (
    ("5,000万元人民币", "RMB 50 million"),
    ("2亿元人民币", "RMB 200 million"),
    ("3,000万美元", "USD 30 million"),
    ("1亿美元", "USD 100 million"),
)
COUNTRY_REGION = {
    **dict.fromkeys(("SG", "MY", "TH", "VN", "ID", "PH", "KH", "LA", "MM", "BN"), "asean"),
    **dict.fromkeys(("AE", "SA", "QA", "KW", "OM", "BH", "EG", "MA"), "gcc"),
    **dict.fromkeys(("DE", "FR", "GB", "IT", "ES", "NL", "HU", "PL", "RS"), "europe"),
    **dict.fromkeys(("US", "MX", "BR", "CL", "AR"), "americas"),
    **dict.fromkeys(("KZ", "UZ", "PK", "TR", "KE", "NG", "ZA", "MN", "RU", "BD"), "bri"),
}


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


class Described(Protocol):
    @property
    def city(self) -> City: ...
    @property
    def size(self) -> int: ...
    @property
    def listing(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def countries(self) -> tuple[str, ...]: ...


def _slots(rng: random.Random, profile: Described, field: str, chinese: bool) -> dict[str, str]:
    index = 0 if chinese else 1
    countries = profile.countries or ("SG",)
    region = COUNTRY_REGION.get(countries[0], "asia")
    return {
        "market": COUNTRY_NAMES.get(countries[0], ("新加坡", "Singapore"))[index],
        "region": REGIONS[region][index],
        "year": str(2026 + rng.randint(0, 2)),
        "field": field,
        "amount": rng.choice(AMOUNTS)[index],
    }


def describe(
    rng: random.Random,
    profile: Described,
    *,
    name: str,
    products: tuple[tuple[str, str], ...],
    goods: bool,
    need_codes: list[str],
    chinese: bool,
) -> str:
    """A short profile paragraph in the style of an intake form."""
    index = 0 if chinese else 1
    items = [product[index] for product in products]
    employees = EMPLOYEE_TEXT[profile.size][index]
    exchange = rng.choice(EXCHANGES)[index]
    listing = LISTING_TEXT[profile.listing][index].format(exchange=exchange)
    names = [COUNTRY_NAMES[code][index] for code in profile.countries if code in COUNTRY_NAMES]
    slots = _slots(rng, profile, items[0], chinese)
    plans = [
        NEED_PLANS[code][index].format(**slots) for code in need_codes[:2] if code in NEED_PLANS
    ]
    closing = rng.choice(CLOSINGS)[index]
    if chinese:
        return "".join(
            [
                f"{name}成立于{profile.year}年，总部位于{profile.city.name_zh}，",
                f"专注于{'和'.join(items)}的研发、生产与销售。"
                if goods
                else f"主要提供{'和'.join(items)}服务。",
                f"公司{listing}现有员工{employees}。",
                f"业务已拓展至{'、'.join(names)}等市场。" if names else "",
                *plans,
                closing,
            ]
        )
    lead = f"Founded in {profile.year} and based in {profile.city.name_en}, {name} " + (
        f"designs and makes {' and '.join(items)}. "
        if goods
        else f"provides {' and '.join(items)}. "
    )
    staff = (
        f"{listing}employs {employees} people. " if listing else f"It employs {employees} people. "
    )
    reach = f"It already sells to {_and(names)}. " if names else ""
    return (lead + staff + reach + " ".join(plans) + (" " + closing if closing else "")).strip()
