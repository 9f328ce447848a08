import datetime

import pytest
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.cases.models import Outcome
from goglobal.cases.tests.factories import CaseFactory
from goglobal.enterprises.tests.factories import (
    EnterpriseFactory,
    EnterpriseMemberFactory,
    EnterpriseNeedFactory,
)
from goglobal.knowledge.models import Country, MarketGroup, NeedCode, Sector
from goglobal.matching import connector, services
from goglobal.matching.models import ConnectorSuggestion
from goglobal.providers.tests.factories import InvestorFactory

pytestmark = pytest.mark.django_db


def _enterprise(code="38", **kwargs):
    enterprise = EnterpriseFactory(sector=Sector.objects.get(code=code), **kwargs)
    enterprise.target_countries.add(Country.objects.get(code="VN"))
    return enterprise


def _entered_vn(other):
    Outcome.objects.create(
        case=CaseFactory(enterprise=other), kind="market_entered",
        achieved_on=datetime.date(2026, 5, 1), country=Country.objects.get(code="VN"),
    )  # fmt: skip


def test_the_portal_shows_only_peers_that_agreed(client):
    enterprise = _enterprise()
    shown = EnterpriseFactory(name_zh="愿意展示有限公司", shown_as_peer=True)
    quiet = EnterpriseFactory(name_zh="不愿展示有限公司")
    _entered_vn(shown)
    _entered_vn(quiet)
    client.force_login(EnterpriseMemberFactory(enterprise=enterprise).user)

    body = client.get(reverse("matching:portal", args=[enterprise.pk])).content.decode()

    assert "愿意展示有限公司" in body
    assert "不愿展示有限公司" not in body
    assert {p.enterprise for p in connector.peers_for(enterprise=enterprise)} == {shown, quiet}


def test_the_task_force_sees_every_peer(client, officer):
    enterprise = _enterprise()
    quiet = EnterpriseFactory(name_zh="不愿展示有限公司")
    _entered_vn(quiet)
    client.force_login(officer)

    body = client.get(reverse("matching:enterprise", args=[enterprise.pk])).content.decode()

    assert "不愿展示有限公司" in body


def test_complementary_sectors_come_from_the_table():
    roles = connector.complementary_sectors("38")

    assert roles["32"] == connector.SUPPLIES
    assert roles["36"] == connector.BUYS
    assert "38" not in roles
    assert connector.complementary_sectors("14")["52"] == connector.BUYS


def test_partners_share_a_target_market_and_a_supply_chain():
    enterprise = _enterprise("38")
    buyer = _enterprise("36", name_zh="整车厂")
    supplier = EnterpriseFactory(sector=Sector.objects.get(code="32"))
    supplier.target_groups.add(MarketGroup.objects.get(code="asean"))
    _enterprise("38")  # same sector: a peer or competitor, not a partner
    elsewhere = EnterpriseFactory(sector=Sector.objects.get(code="36"))
    elsewhere.target_countries.add(Country.objects.get(code="DE"))

    partners = {p.enterprise: p for p in connector.partners_for(enterprise=enterprise)}

    assert set(partners) == {buyer, supplier}
    assert partners[buyer].role == connector.BUYS
    assert partners[buyer].markets == ("VN",)
    assert partners[supplier].role == connector.SUPPLIES


def test_partners_appear_on_the_staff_page_with_reasons(client, officer):
    enterprise = _enterprise("38")
    _enterprise("36", name_zh="整车厂")
    client.force_login(officer)

    body = client.get(
        reverse("matching:enterprise", args=[enterprise.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "整车厂" in body
    assert "a possible buyer in Manufacture of Automobiles" in body
    assert "shared target markets: Vietnam" in body


def test_suggest_again_stores_market_and_investor_rankings(client, officer):
    enterprise = _enterprise(revenue_band="200m_1b")
    EnterpriseNeedFactory(
        enterprise=enterprise, need=NeedCode.objects.get(code="fundraising.private_capital")
    )
    InvestorFactory(name_en="Any Growth", stages=["growth"])
    client.force_login(officer)
    url = reverse("matching:enterprise", args=[enterprise.pk])

    first = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert not ConnectorSuggestion.objects.exists()
    assert "not stored" in first
    for kind in ("market", "investor"):
        response = client.post(reverse("matching:connector_suggest", args=[enterprise.pk, kind]))
        assert response.status_code == 302

    markets = ConnectorSuggestion.objects.filter(kind="market")
    investors = ConnectorSuggestion.objects.filter(kind="investor")
    assert markets.filter(rank=1, market="VN").exists()
    assert markets.first().engine_version
    assert markets.first().weights
    assert investors.get(rank=1).investor.name_en == "Any Growth"
    assert investors.get(rank=1).need.code == "fundraising.private_capital"
    assert investors.get(rank=1).created_by == officer
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Any Growth" in page
    assert "by the matcher" in page


def test_the_page_shows_the_latest_stored_ranking(client, officer):
    enterprise = _enterprise()
    services.connector_suggest(enterprise=enterprise, kind="market", actor=officer)
    ConnectorSuggestion.objects.filter(market="VN").update(market="ZZ")
    client.force_login(officer)

    body = client.get(reverse("matching:enterprise", args=[enterprise.pk])).content.decode()

    assert "ZZ" in body


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ORGANISER])
def test_suggest_again_is_for_the_task_force(client, make_user, role):
    enterprise = _enterprise()
    client.force_login(make_user(role))

    response = client.post(reverse("matching:connector_suggest", args=[enterprise.pk, "market"]))

    assert response.status_code == 404
    assert not ConnectorSuggestion.objects.exists()


def test_unknown_kind_is_404(client, officer):
    client.force_login(officer)

    url = reverse("matching:connector_suggest", args=[_enterprise().pk, "peer"])

    assert client.post(url).status_code == 404
