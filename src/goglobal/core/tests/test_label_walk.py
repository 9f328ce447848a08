"""The label walk: reference pages in every language show words, never codes."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from goglobal.knowledge.models import HongKongFunction, NeedCode
from goglobal.providers.models import ProviderCategory

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "zh-hans", "zh-hant"]
TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S)
CHINESE_LIST_COMMA = re.compile(r"[\u4e00-\u9fff], [\u4e00-\u9fff]")


def _text(html: str) -> str:
    return TAG.sub(" ", html)


def _raw_codes() -> list[str]:
    codes = [code for code in ProviderCategory.values if "_" in code]
    codes += [code for code in NeedCode.objects.values_list("code", flat=True) if "." in code]
    return codes


@pytest.mark.parametrize("language", LANGUAGES)
def test_function_pages_show_no_codes(client, officer, language) -> None:
    client.force_login(officer)
    codes = _raw_codes()
    assert "law_firm" in codes
    assert len(codes) > 10
    urls = [reverse("knowledge:functions")] + [
        reverse("knowledge:function", args=[code])
        for code in HongKongFunction.objects.values_list("code", flat=True)
    ]
    for url in urls:
        text = _text(client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode())
        found = [
            code for code in codes if re.search(rf"(?<![\w.-]){re.escape(code)}(?![\w-])", text)
        ]
        assert not found, (url, language, found)
        if language != "en":
            assert not CHINESE_LIST_COMMA.search(text), (url, CHINESE_LIST_COMMA.search(text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_market_and_mechanism_pages_show_no_codes(client, officer, language) -> None:
    client.force_login(officer)
    codes = _raw_codes()
    urls = [reverse("knowledge:mechanisms"), reverse("knowledge:index")] + [
        reverse("knowledge:detail", args=[code]) for code in ("MY", "SG", "AE", "DE", "BR")
    ]
    urls.append(reverse("knowledge:compare") + "?market=MY&market=TH&market=VN&market=SG")
    for url in urls:
        text = _text(client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode())
        found = [
            code for code in codes if re.search(rf"(?<![\w.-]){re.escape(code)}(?![\w-])", text)
        ]
        assert not found, (url, language, found)
        if language != "en":
            assert not CHINESE_LIST_COMMA.search(text), (url, CHINESE_LIST_COMMA.search(text))


def test_compare_names_groupings_in_chinese(client, officer) -> None:
    client.force_login(officer)
    url = reverse("knowledge:compare") + "?market=MY&market=TH"

    text = _text(client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode())

    assert "东盟" in text
    assert "ASEAN" not in text


def test_enterprise_aliases_are_listed_in_chinese(client, officer) -> None:
    from goglobal.enterprises.tests.factories import EnterpriseFactory

    enterprise = EnterpriseFactory(aliases=["深康佳", "康佳集团"])
    client.force_login(officer)
    url = reverse("enterprises:detail", args=[enterprise.pk])

    zh = _text(client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode())
    en = _text(client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode())

    assert "又称：深康佳、康佳集团" in zh
    assert "Also known as: 深康佳, 康佳集团" in en
