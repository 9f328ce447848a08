"""The label walk: reference pages in every language show words, never codes."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from goglobal.core.tests.inline_styles import inline_styles
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


# --- every page of the demo, in every language and role -------------------------------------
# One small demo per module (written once, rolled back at the end); pages found from the URL
# conf. The default run walks every page once per role, each role in one of the languages;
# the slow run walks every role in every language.

REPRESENTATIVE = [
    ("officer", "zh-hans"),
    ("enterprise_member", "zh-hant"),
    ("provider_member", "zh-hans"),
    ("organiser", "zh-hant"),
    ("analyst", "en"),
    ("admin", "zh-hant"),
    ("anonymous", "zh-hans"),
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from django.db import transaction

    from goglobal.core.tests import walk

    with django_db_blocker.unblock(), transaction.atomic():
        built = walk.demo_build()
        yield built
        transaction.set_rollback(True)


def _walk(client, demo, role: str, language: str) -> list[str]:
    from goglobal.core.tests import walk
    from goglobal.knowledge.models import Country

    codes = set(NeedCode.objects.values_list("code", flat=True)) | set(ProviderCategory.values)
    iso = set(Country.objects.values_list("code", flat=True))
    if role != "anonymous":
        client.force_login(demo.users[role])
    problems: list[str] = []
    read = 0
    for name, url in walk.pages(demo)[0]:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        if response.status_code >= 500:
            problems.append(f"{url}: {response.status_code}")
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        read += 1
        html = response.content.decode()
        found = walk.findings(html, language=language, codes=codes, iso=iso, names=demo.names)
        # the policy refuses inline styles (``style-src-attr 'none'``): none may be written
        found += inline_styles(html)
        problems += [f"{name} {url}: {finding}" for finding in found]
    assert read >= (3 if role == "anonymous" else 10), (role, read)  # the walk read pages
    return problems


def test_every_pattern_of_the_url_conf_is_walked_or_explained(demo) -> None:
    from goglobal.core.tests import walk

    found, left = walk.pages(demo)

    unknown = [(name, why) for name, why in left if "the demo holds no" not in why]
    assert not unknown, unknown
    names = {name for name, _url in found}
    assert {"cases:detail", "events:run", "roadmaps:detail", "knowledge:stale"} <= names
    assert len(found) > 80


@pytest.mark.parametrize(("role", "language"), REPRESENTATIVE)
def test_demo_pages_show_words_not_codes(client, demo, role, language) -> None:
    problems = _walk(client, demo, role, language)

    assert not problems, "\n".join(problems[:60])


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", [role for role, _language in REPRESENTATIVE])
def test_demo_pages_show_words_not_codes_in_every_language(client, demo, role, language) -> None:
    problems = _walk(client, demo, role, language)

    assert not problems, "\n".join(problems[:60])


def test_the_walk_finds_what_it_is_for() -> None:
    """The checks themselves: each kind of finding the issue names is caught, and words are
    not."""
    from goglobal.core.tests import walk

    def check(html: str, language: str = "zh-hans") -> list[str]:
        return walk.findings(
            f"<html><body>{html}</body></html>",
            language=language,
            codes={"fundraising.ipo"},
            iso={"AE", "AT", "MY"},
            names={"Harbour Law Partners"},
        )

    assert check("<p>上市融资 <span>fundraising.ipo</span></p>")
    assert check("<td>social_credit_code</td>", "en")
    assert check("<td>MY</td>", "en")
    assert check("<p>shared target markets: AE, AT</p>", "en") or check("<td>AE, AT</td>", "en")
    assert check("<p>NY.GDP.MKTP.CD</p>", "en")
    assert check("<p>Experience (sector 36)</p>", "en")
    assert check("<p>by the matcher matching/1</p>", "en")
    assert check("<p>可使用联系人的语言（en,zh）</p>") or check("<p>languages (en,zh)</p>", "en")
    assert check("<p>Entry into force not checked.</p>")
    assert check("<p>马来西亚, 新加坡</p>")
    assert check("<p>下载: CSV</p>")
    assert check("<li>contact:4</li>", "en")
    # what is fine: words, names, quoted text marked with its language, times, file formats
    assert not check("<p>马来西亚、新加坡</p><p>下载：CSV</p><p>09:00–09:20</p>")
    assert not check("<p>Harbour Law Partners 提供服务</p>")
    assert not check('<p><a lang="en">Inland Revenue Department, Government of the HKSAR</a></p>')
    assert not check("<p>Malaysia, Singapore</p><p>Download: CSV</p>", "en")


def test_the_walk_finds_inline_styles_and_not_presentation_attributes() -> None:
    assert inline_styles('<div class="bar" style="--share: 0.5"></div>')
    assert inline_styles("<svg><rect style='fill:red'/></svg>")
    assert inline_styles("<head><style>p{color:red}</style></head>")
    assert not inline_styles(
        '<svg><rect fill="#075a73" width="40" height="12"/></svg><p class="style">style=</p>'
    )


def test_file_columns_are_literal_code_and_not_findings() -> None:
    from goglobal.core.tests import walk

    html = "<p>列：<code>full_name</code>（姓名）、<code>must_meet</code></p>"

    assert not walk.findings(html, language="zh-hans", codes=set(), iso=set(), names=set())
    assert walk.findings(
        "<p>列：full_name（姓名）</p>", language="zh-hans", codes=set(), iso=set(), names=set()
    )


def test_change_history_names_fields_and_needs(client, officer) -> None:
    from goglobal.enterprises import services
    from goglobal.enterprises.tests.factories import EnterpriseFactory

    enterprise = EnterpriseFactory()
    services.enterprise_need_save(
        actor=officer,
        enterprise=enterprise,
        need=services.NeedInput(
            need=NeedCode.objects.get(code="fundraising.ipo"),
            priority="high",
            timeline="0_3m",
            notes="",
        ),
    )
    client.force_login(officer)
    url = reverse("enterprises:detail", args=[enterprise.pk])

    zh = _text(client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode())
    en = _text(client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode())

    assert "需求：上市融资" in zh
    assert "Need: IPO and listing" in en
    for raw in ("need:fundraising.ipo", "fundraising.ipo", "social_credit_code", "name_zh"):
        assert raw not in zh
        assert raw not in en


def test_case_timeline_and_downloads_use_chinese_colons(client, officer) -> None:
    from goglobal.cases.models import Case
    from goglobal.cases.services import case_open
    from goglobal.enterprises.tests.factories import EnterpriseFactory

    case = case_open(actor=officer, enterprise=EnterpriseFactory(), origin="event", owner=officer)
    assert isinstance(case, Case)
    client.force_login(officer)

    page = _text(
        client.get(
            reverse("cases:detail", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="zh-hans"
        ).content.decode()
    )
    impact = _text(
        client.get(reverse("analytics:impact"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    )

    assert not re.search(r"[\u4e00-\u9fff]: ", page), re.findall(r".{20}[\u4e00-\u9fff]: ", page)
    assert "下载: " not in impact
    assert "下载：" in impact
