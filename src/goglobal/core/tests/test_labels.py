"""Dates, lists and sort order in the reader's language."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from goglobal.core import labels


def test_month_year_in_three_languages() -> None:
    day = datetime.date(2022, 1, 5)
    assert labels.month_year(day, "zh-hans") == "2022年1月"
    assert labels.month_year(day, "zh-hant") == "2022年1月"
    assert labels.month_year(day, "en") == "January 2022"
    assert labels.full_date(day, "zh-hans") == "2022年1月5日"
    assert labels.full_date(day, "en") == "5 January 2022"
    assert labels.month_year(None) == ""


def test_as_of_reads_jiezhi_in_chinese() -> None:
    day = datetime.date(2025, 9, 30)
    assert labels.as_of(day, "zh-hans") == "截至2025年9月"
    assert labels.as_of(day, "zh-hant") == "截至2025年9月"
    assert labels.as_of(day, "en") == "as of September 2025"


def test_lists_use_the_enumeration_comma_in_chinese() -> None:
    assert labels.join_list(["香港", "新加坡", ""], "zh-hans") == "香港、新加坡"
    assert labels.join_list(["Hong Kong", "Singapore"], "en") == "Hong Kong, Singapore"
    assert labels.labelled("市场", "香港", "zh-hant") == "市场：香港"
    assert labels.labelled("Market", "Hong Kong", "en") == "Market: Hong Kong"


def test_simplified_chinese_sorts_by_pinyin() -> None:
    names = ["越南", "阿联酋", "新加坡", "巴西", "德国"]
    assert labels.sorted_by_name(names, str, "zh-hans") == [
        "阿联酋",
        "巴西",
        "德国",
        "新加坡",
        "越南",
    ]


def test_traditional_chinese_sorts_by_radical_and_stroke() -> None:
    # 一 (radical 1) before 人 (radical 9) before 日 (radical 72), whatever their pinyin.
    names = ["日本", "人", "一"]
    assert labels.sorted_by_name(names, str, "zh-hant") == ["一", "人", "日本"]


def test_english_sorts_without_case_or_accents() -> None:
    names = ["türkiye", "Thailand", "Austria", "Åland"]
    assert labels.sorted_by_name(names, str, "en") == ["Åland", "Austria", "Thailand", "türkiye"]


def test_template_filters_follow_the_active_language() -> None:
    rows = [
        SimpleNamespace(name_en="Viet Nam", name_zh_hans="越南", name_zh_hant="越南"),
        SimpleNamespace(name_en="Brazil", name_zh_hans="巴西", name_zh_hant="巴西"),
    ]
    template = Template("{% load goglobal %}{{ rows|sorted_loc|join_list:'name' }} {{ day|as_of }}")
    context = Context({"rows": rows, "day": datetime.date(2025, 9, 1)})
    with translation.override("zh-hans"):
        assert template.render(context) == "巴西、越南 截至2025年9月"
    with translation.override("en"):
        assert template.render(context) == "Brazil, Viet Nam as of September 2025"


@pytest.mark.django_db
def test_registered_codes_read_as_words_in_every_app() -> None:
    with translation.override("zh-hans"):
        assert labels.label("provider_category", "law_firm") == "律师事务所"
        assert labels.label("market", "SG") == "新加坡"
        assert "、" in Template("{% load goglobal %}{{ codes|code_labels:'market' }}").render(
            Context({"codes": ["SG", "MY"]})
        )
    with translation.override("en"):
        assert labels.label("provider_category", "law_firm") == "law firm"
    # An unknown code stays visible as a code, so the label-walk test can find it.
    assert labels.label("provider_category", "no_such_kind") == "no_such_kind"
    assert labels.label("no-such-registry", "x") == "x"


@pytest.mark.django_db
def test_function_page_names_needs_and_provider_categories(client, officer) -> None:
    client.force_login(officer)
    url = reverse("knowledge:function", args=["listing-main-board"])

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert "律师事务所" in page or "会计" in page
    for raw in ("law_firm", "securities_sponsor", "accounting_tax", "fundraising.ipo"):
        assert raw not in page


@pytest.mark.django_db
def test_market_page_dates_an_accession_in_chinese(client, officer) -> None:
    client.force_login(officer)
    url = reverse("knowledge:detail", args=["MY"])

    zh = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    en = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "2022年1月" in zh
    assert "截至2025年9月" in zh
    assert "January 2022" not in zh  # the English-only note is not shown on Chinese pages
    assert "January 2022" in en
    assert "as of September 2025" in en


@pytest.mark.django_db
def test_change_keys_read_as_field_and_need_names() -> None:
    from goglobal.enterprises.models import Enterprise

    with translation.override("zh-hans"):
        assert labels.change_label(Enterprise, "social_credit_code") == "统一社会信用代码"
        assert labels.change_label(Enterprise, "need:legal.setup") == "需求：公司设立与法律架构"
        assert labels.change_label(Enterprise, "contact:4") == "联系人"
        assert labels.change_label(Enterprise, "member") == "成员账户"
    with translation.override("en"):
        assert labels.change_label(Enterprise, "shown_as_peer").startswith("The enterprise agrees")
        assert labels.change_label(Enterprise, "need:legal.setup") == (
            "Need: Company formation and legal structure"
        )
        assert labels.change_label(Enterprise, "contact:4") == "Contact"
        # a key that is no field is still words, not snake_case
        assert labels.change_label(Enterprise, "some_old_field") == "Some old field"


def test_search_text_holds_every_name_and_its_pinyin() -> None:
    text = labels.search_text("Malaysia", "马来西亚", "馬來西亞")

    assert "malaysia" in text
    assert "马来西亚" in text
    assert "malaixiya" in text
    assert "mlxy" in text


@pytest.mark.django_db
def test_languages_groupings_and_fact_kinds_are_registered() -> None:
    with translation.override("zh-hans"):
        assert labels.label("language", "yue") == "粤语"
        assert labels.label("language", "en") == "英语"
        assert labels.label("market_group", "asean") == "东南亚国家联盟（东盟）"
        assert labels.label("fact_kind", "agreement_party") == "协定覆盖的市场"
    with translation.override("en"):
        assert labels.label("fact_kind", "agreement_party") == "Market covered by an agreement"


def test_colon_and_text_lang_tags() -> None:
    rendered = Template(
        "{% load i18n goglobal %}{% translate 'Download' %}{% colon %}CSV {{ a|text_lang }} "
        "{{ b|text_lang }}"
    )
    context = Context({"a": "Inland Revenue Department", "b": "香港交易所"})
    with translation.override("zh-hans"):
        assert rendered.render(context) == "下载：CSV en zh"
    with translation.override("en"):
        assert rendered.render(context) == "Download: CSV en zh"


@pytest.mark.django_db
def test_counted_providers_never_run_into_the_next_word() -> None:
    from goglobal.matching.reasons import ReasonText

    params = {"count": 4, "sector": "29"}
    for language, counter in (("zh-hans", "家"), ("zh-hant", "間")):
        with translation.override(language):
            text = ReasonText().describe("market.sector_providers", params)
        # the counter is followed by the noun it counts, never by the sector's name
        assert f"4 {counter}香港" in text, text
        assert f"{counter}具" not in text, text


@pytest.mark.django_db
def test_matcher_reasons_name_languages_and_groupings() -> None:
    from goglobal.matching.reasons import ReasonText

    with translation.override("zh-hans"):
        writer = ReasonText()
        languages = writer.describe("language.shared", {"languages": "en,zh"})
        group = writer.describe("market.in_group", {"group": "asean"})
        record = writer.describe("track_record.accepted", {"count": 2, "sector": "36"})
    assert "en" not in languages
    assert "zh" not in languages
    assert "英语、普通话" in languages
    assert "东盟" in group
    assert "ASEAN" not in group
    assert "汽车制造业" in record
    assert "referral" not in record
