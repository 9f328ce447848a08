import pytest
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.enterprises.tests.factories import (
    ContactFactory,
    EnterpriseFactory,
    EnterpriseMemberFactory,
    EnterpriseNeedFactory,
)
from goglobal.knowledge.models import Country, MarketGroup, NeedCode, Sector
from goglobal.matching import services
from goglobal.matching.models import MatchSuggestion
from goglobal.matching.reasons import ReasonText
from goglobal.providers.tests.factories import (
    ProviderMarketFactory,
    ProviderMemberFactory,
    ServiceProviderFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    """A battery maker aiming at ASEAN that needs a company set up, and three law firms."""
    enterprise = EnterpriseFactory(
        description="我们是宁波的动力电池制造商，计划在越南设立工厂。",
        sector=Sector.objects.get(code="38"),
    )
    enterprise.target_groups.add(MarketGroup.objects.get(code="asean"))
    need = EnterpriseNeedFactory(
        enterprise=enterprise, need=NeedCode.objects.get(code="legal.setup")
    )
    ContactFactory(enterprise=enterprise, languages=["zh"])
    vietnam = ServiceProviderFactory(
        name_en="Saigon Bridge Legal",
        description="Company incorporation and power battery plants in Vietnam.",
        languages=["zh", "en"],
    )
    vietnam.needs.add(need.need)
    vietnam.sectors.add(Sector.objects.get(code="38"))
    ProviderMarketFactory(provider=vietnam, country=Country.objects.get(code="VN"))
    dubai = ServiceProviderFactory(name_en="Gulf Desk Legal", languages=["en", "ar"])
    dubai.needs.add(need.need)
    ProviderMarketFactory(provider=dubai, country=Country.objects.get(code="AE"))
    bank = ServiceProviderFactory(name_en="Not A Lawyer Bank", category="bank")
    bank.needs.add(NeedCode.objects.get(code="banking.accounts"))
    return enterprise, need, vietnam, dubai, bank


def test_suggestions_rank_market_and_sector_fit_first_and_are_kept_for_audit(scene, officer):
    enterprise, need, vietnam, dubai, _bank = scene

    suggestions = services.match_suggest(enterprise=enterprise, need=need.need, actor=officer)

    assert [s.provider for s in suggestions] == [vietnam, dubai]
    first = suggestions[0]
    codes = [code for code, _params in first.reasons]
    assert "market.targets" in codes
    assert "sector.same" in codes
    assert first.engine_version.startswith("matching/")
    assert first.weights["need_fit"] > 0
    assert MatchSuggestion.objects.filter(batch=first.batch).count() == 2


def test_reasons_read_in_chinese(scene, officer, settings):
    from django.utils import translation

    enterprise, need, *_ = scene
    first = services.match_suggest(enterprise=enterprise, need=need.need, actor=officer)[0]

    with translation.override("zh-hans"):
        texts = [ReasonText().describe(code, params) for code, params in first.reasons]

    assert any("越南" in text for text in texts)


def test_the_specialist_reason_reads_in_each_language():
    from django.utils import translation

    texts = {}
    for language in ("en", "zh-hans", "zh-hant"):
        with translation.override(language):
            texts[language] = [ReasonText().describe("need.specialist", {"count": n})
                               for n in (1, 2)]  # fmt: skip

    assert texts["en"][0] == "A specialist: this is the one service it offers"
    assert texts["zh-hans"][0].startswith("专门机构")
    assert "兩項" in texts["zh-hant"][1]
    assert len({*texts["en"], *texts["zh-hans"], *texts["zh-hant"]}) == 6


def test_officer_sees_and_refreshes_suggestions(client, scene, officer):
    enterprise, need, *_ = scene
    client.force_login(officer)

    refresh = client.post(
        reverse("matching:suggest", args=[enterprise.pk, need.need.code]),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    page = client.get(
        reverse("matching:enterprise", args=[enterprise.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert refresh.status_code == 302
    body = page.content.decode()
    assert "Saigon Bridge Legal" in body
    assert "Own office in" in body or "Covers target markets" in body


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ORGANISER])
def test_other_staff_roles_cannot_match(client, scene, make_user, role):
    enterprise, need, *_ = scene
    client.force_login(make_user(role))

    page = client.get(reverse("matching:enterprise", args=[enterprise.pk]))
    refresh = client.post(reverse("matching:suggest", args=[enterprise.pk, need.need.code]))

    assert page.status_code == 404
    assert refresh.status_code == 404
    assert not MatchSuggestion.objects.exists()


def test_members_cannot_match(client, scene):
    enterprise, need, *_ = scene
    for member in (
        ProviderMemberFactory().user,
        EnterpriseMemberFactory(enterprise=enterprise).user,
    ):
        client.force_login(member)

        response = client.post(reverse("matching:suggest", args=[enterprise.pk, need.need.code]))

        assert response.status_code == 404
    assert not MatchSuggestion.objects.exists()


def test_rotation_spreads_the_top_among_equals(officer):
    enterprise = EnterpriseFactory()
    need = EnterpriseNeedFactory(
        enterprise=enterprise, need=NeedCode.objects.get(code="tax.planning")
    )
    twins = []
    for name in ("Twin One Tax", "Twin Two Tax"):
        provider = ServiceProviderFactory(name_en=name, category="accounting_tax", description="")
        provider.needs.add(need.need)
        twins.append(provider)

    firsts = {
        services.match_suggest(enterprise=enterprise, need=need.need, actor=officer)[0].provider_id
        for _ in range(4)
    }

    assert firsts == {twin.pk for twin in twins}


def test_api_suggests_for_officers_only(client, scene, officer, make_user):
    from goglobal.accounts.services import api_token_issue

    enterprise, need, *_ = scene
    url = f"/api/matching/enterprises/{enterprise.pk}/needs/{need.need.code}/providers"
    _t, officer_token = api_token_issue(user=officer, name="t", scopes=["write"])
    _t, analyst_token = api_token_issue(user=make_user(Role.ANALYST), name="t", scopes=["write"])

    refused = client.post(url, HTTP_AUTHORIZATION=f"Bearer {analyst_token}")
    done = client.post(url, HTTP_AUTHORIZATION=f"Bearer {officer_token}")

    assert refused.status_code == 404
    assert done.status_code == 200
    assert done.json()[0]["name"] == "Saigon Bridge Legal"
    assert done.json()[0]["reasons"][0]["text"]


def test_command_prints_json(scene, capsys):
    import json

    from django.core.management import call_command

    enterprise, *_ = scene

    call_command("match", "--enterprise", str(enterprise.pk))

    printed = json.loads(capsys.readouterr().out)
    assert printed["legal.setup"][0]["name"] == "Saigon Bridge Legal"


def test_the_usual_kind_of_firm_reads_as_its_name_with_no_article_or_letter_before_it(db):
    from django.utils import translation

    with translation.override("en"):
        text = ReasonText().describe("need.category", {"category": "accounting_tax"})
    assert text == "Accounting and tax: the usual kind of firm for this need"
    with translation.override("zh-hans"):
        text = ReasonText().describe("need.category", {"category": "accounting_tax"})
    assert text.startswith("会计")
    assert "：" in text
    assert "A " not in text


def test_outside_the_market_reads_with_the_countrys_name_in_each_language(db):
    from django.utils import translation

    texts = {}
    for language in ("en", "zh-hans", "zh-hant"):
        with translation.override(language):
            texts[language] = ReasonText().describe("market.none", {"country": "KZ"})

    assert texts["en"] == "No office or partner in Kazakhstan stated: ask how it would serve it"
    assert texts["zh-hans"].startswith("资料未列明在哈萨克斯坦设有")
    assert "，" in texts["zh-hans"]
    assert "哈薩克" in texts["zh-hant"]
    assert "KZ" not in "".join(texts.values())


def test_a_provider_marked_down_for_the_kind_names_the_kind_in_each_language(db):
    from django.utils import translation

    texts = {}
    for language in ("en", "zh-hans", "zh-hant"):
        with translation.override(language):
            texts[language] = ReasonText().describe(
                "need.other_kinds", {"kinds": "need.listing_tech,need.listing_dual"}
            )

    assert texts["en"] == "Its profile names other services, not chapter 18c, a+h"
    assert texts["zh-hans"] == "其简介列出的是其他服务，未提及特专科技、两地上市"
    assert texts["zh-hant"] == "其簡介列出的是其他服務，未提及特專科技、兩地上市"
    assert "need." not in "".join(texts.values())
