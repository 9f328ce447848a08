"""The generators on their own: deterministic, valid, varied; no rows written."""

from __future__ import annotations

from collections import Counter

from goglobal.demo.codes import social_credit_code
from goglobal.demo.enterprises import enterprise_specs
from goglobal.demo.investors import investor_specs
from goglobal.demo.providers import provider_specs
from goglobal.demo.words_directory import CATEGORIES, CATEGORIES_BY_KEY
from goglobal.engines.text import detect_language
from goglobal.enterprises.rules import hs_code_is_valid, social_credit_problem
from goglobal.providers.models import ProviderCategory


def test_same_seed_gives_the_same_enterprises_and_providers(available):
    first = list(enterprise_specs(seed=5, count=25, available=available))
    second = list(enterprise_specs(seed=5, count=25, available=available))
    providers = list(provider_specs(seed=5, count=15, available=available))

    assert first == second
    assert providers == list(provider_specs(seed=5, count=15, available=available))
    assert list(investor_specs(seed=5, count=6, available=available)) == list(
        investor_specs(seed=5, count=6, available=available)
    )


def test_another_seed_gives_other_enterprises(available):
    names = [spec.name_zh for spec in enterprise_specs(seed=5, count=10, available=available)]
    other = [spec.name_zh for spec in enterprise_specs(seed=6, count=10, available=available)]

    assert names != other


def test_a_row_does_not_depend_on_how_many_are_made(available):
    few = list(enterprise_specs(seed=9, count=5, available=available))
    many = list(enterprise_specs(seed=9, count=40, available=available))

    assert many[:5] == few


def test_demo_sized_enterprises_are_valid_and_varied(available):
    specs = list(enterprise_specs(seed=2026, count=300, available=available))

    codes = [spec.social_credit_code for spec in specs]
    assert all(social_credit_problem(code) is None for code in codes)
    assert len(set(codes)) == len(codes)
    assert all(spec.social_credit_code[2:8] == spec.city_code for spec in specs)
    assert len({spec.name_zh for spec in specs}) == 300
    assert len({spec.city_code for spec in specs}) >= 15
    assert len({spec.sector_code for spec in specs}) >= 20
    assert all(spec.province_code == available.province_of[spec.city_code] for spec in specs)
    assert all(hs_code_is_valid(code) for spec in specs for code in spec.hs_codes)
    assert all(1 <= len(spec.needs) <= 4 and 1 <= len(spec.contacts) <= 3 for spec in specs)
    assert len(Counter(spec.ownership for spec in specs)) == 4
    assert len(Counter(spec.listing_status for spec in specs)) >= 5


def test_enterprise_text_is_mostly_simplified_chinese_with_some_english(available):
    specs = list(enterprise_specs(seed=2026, count=300, available=available))

    languages = Counter(detect_language(spec.description) for spec in specs)
    assert languages["zh-hans"] > languages["en"] > 20
    assert all(detect_language(spec.description) == spec.description_language for spec in specs)
    assert all(spec.name_en.isascii() for spec in specs)


def test_the_first_demo_enterprise_is_the_showcase(available):
    first = next(enterprise_specs(seed=2026, count=1, available=available))

    assert first.name_zh == "上海凌澜新能源科技有限公司"
    assert first.name_en == "Shanghai Linglan New Energy Technology Co., Ltd."
    assert first.city_code == first.province_code == "310000"


def test_providers_cover_every_category_and_serve_its_needs(available):
    specs = list(provider_specs(seed=2026, count=200, available=available))

    assert Counter(spec.category for spec in specs) == {c.key: c.share for c in CATEGORIES}
    assert {c.key for c in CATEGORIES} == set(ProviderCategory.values)
    assert {spec.category for spec in specs[:12]} == set(ProviderCategory.values)
    for spec in specs:
        assert set(CATEGORIES_BY_KEY[spec.category].core_needs) <= set(spec.needs)
        assert {"yue", "en", "zh"} <= set(spec.languages)
        assert spec.markets[0].country == "HK"
        assert len({market.country for market in spec.markets}) == len(spec.markets)
    assert len({spec.name_en for spec in specs}) == 200
    assert Counter(spec.description_language for spec in specs).keys() == {"en", "zh-hant"}


def test_provider_names_in_three_languages(available):
    spec = next(provider_specs(seed=1, count=1, available=available))

    assert spec.name_en.isascii()
    assert detect_language(spec.name_zh_hant + "律師事務所") == "zh-hant"
    assert spec.name_zh_hans != spec.name_zh_hant


def test_investor_tickets_are_ordered(available):
    specs = list(investor_specs(seed=2026, count=30, available=available))

    assert all(spec.ticket_min < spec.ticket_max for spec in specs)
    assert {spec.investor_type for spec in specs} == {
        "vc",
        "pe",
        "family_office",
        "sovereign",
        "bank",
    }


def test_social_credit_codes_are_unique_and_valid_by_construction():
    codes = [
        social_credit_code(area_code="440300", serial=serial, newer=serial % 3 == 0)
        for serial in range(20_000)
    ]

    assert len(set(codes)) == len(codes)
    assert all(social_credit_problem(code) is None for code in codes)
    assert all(code.startswith("91440300") for code in codes)
