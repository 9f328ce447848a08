"""Market pages and the knowledge API: login required, every role, the facts and their sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from goglobal.knowledge.models import Office
from goglobal.knowledge.services.indicators import indicator_file_import

pytestmark = pytest.mark.django_db
ROLES = ["admin", "officer", "organiser", "analyst", "enterprise_member", "provider_member"]
WIDE = Path(__file__).resolve().parent / "fixtures" / "wide_sample.csv"


def test_pages_require_login(client) -> None:
    for url in (reverse("knowledge:index"), reverse("knowledge:detail", args=["HK"])):
        response = client.get(url)
        assert response.status_code == 302


@pytest.mark.parametrize("role", ROLES)
def test_every_role_sees_a_market_profile(client, make_user, role) -> None:
    indicator_file_import(path=WIDE)
    client.force_login(make_user(role))

    response = client.get(reverse("knowledge:detail", args=["kr"]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Hong Kong–South Korea comprehensive double taxation agreement" in page
    assert "Regional Comprehensive Economic Partnership" in page
    assert "/directory/?market=KR" in page
    assert "<svg" in page
    assert "ird.gov.hk" in page


def test_profile_in_traditional_chinese_shows_offices(client, officer) -> None:
    client.force_login(officer)

    with translation.override("zh-hant"):
        response = client.get(
            reverse("knowledge:detail", args=["MY"]), HTTP_ACCEPT_LANGUAGE="zh-hant"
        )

    page = response.content.decode()
    assert "香港駐吉隆坡經濟貿易辦事處" in page
    assert "東盟" in page


def test_unknown_market_is_404(client, officer) -> None:
    client.force_login(officer)

    assert client.get(reverse("knowledge:detail", args=["ZZ"])).status_code == 404


def test_index_searches_any_language(client, officer, django_assert_max_num_queries) -> None:
    client.force_login(officer)

    # 13: one loads the officer's verified second-factor device (django-otp).
    with django_assert_max_num_queries(13):
        response = client.get(reverse("knowledge:index"), {"q": "秘鲁"})

    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("knowledge:detail", args=["PE"]) in page
    assert reverse("knowledge:detail", args=["JP"]) not in page


def test_compare_shows_up_to_five_markets(client, officer) -> None:
    client.force_login(officer)
    codes = ["AE", "SA", "GB", "TH", "PE", "BR"]

    response = client.get(reverse("knowledge:compare"), {"market": codes, "sector": "C"})

    assert [profile.country.code for profile in response.context["profiles"]] == codes[:5]
    page = response.content.decode()
    assert "/directory/?market=PE&amp;sector=C" in page
    assert "What going via Hong Kong adds" in page


def test_stale_report_for_staff_only(client, make_user, settings) -> None:
    settings.GOGLOBAL_STALE_MONTHS = 1
    client.force_login(make_user("provider_member"))
    assert client.get(reverse("knowledge:stale")).status_code == 403
    client.force_login(make_user("officer"))

    Office.objects.filter(code="eto-tokyo").update(checked_on=dt.date(2024, 1, 31))

    response = client.get(reverse("knowledge:stale"), {"kind": "office"})

    assert response.status_code == 200
    assert [fact.record.code for fact in response.context["facts"]] == ["eto-tokyo"]


def test_api_markets_agreements_indicators(client, officer) -> None:
    indicator_file_import(path=WIDE)
    client.force_login(officer)

    market = client.get("/api/reference/markets/HK").json()
    agreements = client.get("/api/reference/agreements", {"kind": "fta"}).json()
    counts = client.get("/api/reference/agreements/counts").json()
    series = client.get("/api/reference/indicators/SP.POP.TOTL/HK").json()
    stale = client.get("/api/reference/staleness", {"months": 1}).json()

    assert market["directory_url"] == "/directory/?market=HK"
    assert {item["indicator"] for item in market["indicators"]} == {"SP.POP.TOTL", "NY.GDP.MKTP.CD"}
    assert len(agreements) == 9
    assert next(a for a in agreements if a["code"] == "fta-efta")["markets"] == [
        "CH",
        "IS",
        "LI",
        "NO",
    ]
    assert counts["cdta"] == {"agreements": 51, "markets": 51}
    assert series["points"][0] == [2020, 7481000.0]
    assert stale == []


def test_api_requires_login(client) -> None:
    assert client.get("/api/reference/agreements").status_code == 401


def test_every_fact_can_be_browsed_and_searched(client, officer, django_assert_max_num_queries):
    client.force_login(officer)

    with django_assert_max_num_queries(25):
        everything = client.get("/markets/stale/", {"all": "1"}, HTTP_ACCEPT_LANGUAGE="en")
    searched = client.get("/markets/stale/", {"all": "1", "q": "越南"}, HTTP_ACCEPT_LANGUAGE="en")

    assert everything.context["total"] > 100  # paged: the count is the whole list's
    assert 0 < searched.context["total"] < everything.context["total"]


def test_staleness_months_out_of_range_is_a_field_error_not_a_crash(client, officer) -> None:
    client.force_login(officer)

    for months in (-4784204, 99_999_999):
        response = client.get("/api/reference/staleness", {"months": months})
        assert response.status_code == 422
        assert "months" in response.content.decode()
    assert client.get("/api/reference/staleness", {"months": 1200}).status_code == 200
    page = client.get(reverse("knowledge:stale"), {"months": "99999999999"})
    assert page.status_code == 200
