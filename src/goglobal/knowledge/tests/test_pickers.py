"""Pickers choose by name, never by id; long lists sort in the reader's collation."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from goglobal.core import labels

pytestmark = pytest.mark.django_db


def _names_in_table(html: str) -> list[str]:
    return re.findall(r'<td><a href="/markets/[A-Z]{2}/">([^<]+)</a></td>', html)


def test_schemes_page_finds_an_enterprise_by_name(client, officer) -> None:
    from goglobal.enterprises.tests.factories import EnterpriseFactory

    konka = EnterpriseFactory(name_zh="深圳康佳电子科技有限公司", name_en="Konka Electronics")
    EnterpriseFactory(name_zh="深圳康达医疗器械有限公司", name_en="Kangda Medical")
    client.force_login(officer)
    url = reverse("knowledge:schemes")

    form = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    several = client.get(url, {"q": "深圳康"}, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    one = client.get(url, {"q": "konka"}, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    none = client.get(url, {"q": "不存在的公司"}, HTTP_ACCEPT_LANGUAGE="zh-hans")

    assert "企业编号" not in form
    assert 'inputmode="numeric"' not in form
    assert 'name="q"' in form
    # two match: both listed by name to pick from, nothing checked yet
    assert "深圳康佳电子科技有限公司" in several
    assert "深圳康达医疗器械有限公司" in several
    assert 'data-testid="enterprise-matches"' in several
    assert 'data-testid="checked-enterprise"' not in several
    # one match: checked at once, the box shows its name (not its id)
    assert 'data-testid="checked-enterprise"' in one
    assert 'value="深圳康佳电子科技有限公司"' in one
    assert f'value="{konka.pk}"' not in one
    assert none.status_code == 200
    assert "没有名为“不存在的公司”的企业。" in none.content.decode()


def test_schemes_check_by_a_picked_link_and_refuses_other_roles_the_lookup(
    client, officer, make_user
) -> None:
    from goglobal.enterprises.tests.factories import EnterpriseFactory

    enterprise = EnterpriseFactory(name_zh="宁波甬光科技有限公司")
    url = reverse("knowledge:schemes")
    client.force_login(officer)

    picked = client.get(url, {"enterprise": enterprise.pk}).content.decode()
    bad = client.get(url, {"enterprise": "x1"})
    client.force_login(make_user("enterprise_member"))
    member = client.get(url, {"q": "宁波"}).content.decode()

    assert "宁波甬光科技有限公司" in picked
    assert bad.status_code == 404
    # only staff check eligibility: a member's query finds nobody
    assert "宁波甬光科技有限公司" not in member


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_market_index_groups_markets_by_region_with_names_in_the_readers_collation(
    client, officer, language
) -> None:
    from goglobal.knowledge.models import Country

    client.force_login(officer)

    html = client.get(reverse("knowledge:index"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    sections = html.split("<section ")[1:]
    headings = [re.search(r"<h2 id=\"region-[A-Za-z]+\">([^<]+?) <", part)[1] for part in sections]
    groups = [_names_in_table(part) for part in sections]

    assert sum(len(names) for names in groups) == Country.objects.count()
    assert len(groups) >= 5
    regional = headings[:-1] if not Country.objects.filter(region="").exists() else headings[:-2]
    assert regional == sorted(regional, key=lambda name: labels.sort_key(name, language))
    for names in groups:
        assert names == sorted(names, key=lambda name: labels.sort_key(name, language))
    assert "<td>MY</td>" not in html
    assert html.count('href="#region-') == len(sections)
    asia = groups[headings.index({"en": "Asia", "zh-hans": "亚洲", "zh-hant": "亞洲"}[language])]
    assert len(asia) == Country.objects.filter(region="Asia").count()
    if language == "zh-hans":
        # pinyin: 阿富汗 (a) comes before 印度 (y), which comes before 越南 (y, later)
        assert asia.index("阿富汗") < asia.index("印度") < asia.index("越南")


def test_market_index_search_keeps_the_region_of_what_it_finds(client, officer) -> None:
    client.force_login(officer)

    html = client.get(reverse("knowledge:index"), {"q": "malay"}).content.decode()
    none = client.get(reverse("knowledge:index"), {"q": "no such market"}).content.decode()

    assert _names_in_table(html) == ["Malaysia"]
    assert '<h2 id="region-Asia">Asia' in html
    assert "No market matches this search." in none


def test_country_lists_are_searchable_by_any_name_and_pinyin(client, make_user) -> None:
    from goglobal.enterprises.tests.factories import EnterpriseMemberFactory

    member = EnterpriseMemberFactory()
    client.force_login(member.user)

    html = client.get(
        reverse("enterprises:edit", args=[member.enterprise_id]), HTTP_ACCEPT_LANGUAGE="zh-hans"
    ).content.decode()
    select = html[html.index('name="target_countries"') - 200 :]
    select = select[: select.index("</select>")]
    options = re.findall(r'data-search="([^"]*)"[^>]*>([^<]+)</option>', select)

    assert "data-searchable" in select
    assert "js/searchable.js" in html
    malaysia = next(search for search, name in options if name == "马来西亚")
    assert "malaysia" in malaysia
    assert "malaixiya" in malaysia
    assert "馬來西亞" in malaysia
    shown = [name for _search, name in options]
    assert shown == sorted(shown, key=lambda name: labels.sort_key(name, "zh-hans"))
    assert not any(re.match(r"[A-Z]{2} · ", name) for name in shown)
