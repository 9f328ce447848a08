import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from goglobal.accounts.models import Role
from goglobal.cases.tests.factories import CaseFactory, ReferralFactory
from goglobal.enterprises.tests.factories import EnterpriseFactory, EnterpriseNeedFactory
from goglobal.knowledge.models import Country, MarketGroup, NeedCode, Sector
from goglobal.matching import connector, services
from goglobal.providers.tests.factories import (
    InvestorFactory,
    ProviderMarketFactory,
    ServiceProviderFactory,
)

pytestmark = pytest.mark.django_db


def _enterprise(**kwargs):
    enterprise = EnterpriseFactory(sector=Sector.objects.get(code="38"), **kwargs)
    enterprise.target_groups.add(MarketGroup.objects.get(code="asean"))
    return enterprise


def _tax_twins(need):
    twins = []
    for name in ("Alpha Tax", "Beta Tax"):
        provider = ServiceProviderFactory(name_en=name, category="accounting_tax", description="")
        provider.needs.add(need)
        twins.append(provider)
    return twins


def test_completed_referrals_in_the_same_sector_lift_a_provider(officer):
    need = NeedCode.objects.get(code="tax.planning")
    enterprise = _enterprise()
    EnterpriseNeedFactory(enterprise=enterprise, need=need)
    _alpha, beta = _tax_twins(need)
    for _ in range(3):
        peer_case = CaseFactory(enterprise=EnterpriseFactory(sector=enterprise.sector))
        ReferralFactory(case=peer_case, need=need, provider=beta, status="completed")

    first = services.match_suggest(enterprise=enterprise, need=need, actor=officer)[0]

    assert first.provider == beta
    assert ["track_record.completed", {"count": 3, "sector": "38"}] in first.reasons
    assert first.parts["track_record"] > 0


def test_a_provider_at_capacity_drops_down_with_a_reason(officer):
    need = NeedCode.objects.get(code="tax.planning")
    enterprise = _enterprise()
    alpha, beta = _tax_twins(need)
    alpha.capacity_per_month = 2
    alpha.save()
    for _ in range(2):
        ReferralFactory(need=need, provider=alpha, sent=True)
    ReferralFactory(
        need=need,
        provider=beta,
        sent=True,
        sent_at=timezone.now() - datetime.timedelta(days=62),
    )

    suggestions = services.match_suggest(enterprise=enterprise, need=need, actor=officer)

    assert [s.provider for s in suggestions] == [beta, alpha]
    assert suggestions[1].at_capacity
    assert suggestions[1].reasons[-1] == ["capacity.full", {"capacity": 2, "open": 2}]


def test_markets_rank_targets_with_reasons_in_chinese(officer):
    from django.utils import translation

    from goglobal.matching.reasons import ReasonText

    enterprise = _enterprise()
    enterprise.target_countries.add(Country.objects.get(code="VN"))
    provider = ServiceProviderFactory()
    provider.sectors.add(enterprise.sector)
    ProviderMarketFactory(provider=provider, country=Country.objects.get(code="VN"))

    ranked = connector.markets_rank(enterprise=enterprise)

    assert ranked[0].code == "VN"
    codes = [code for code, _ in ranked[0].reasons]
    assert codes[:2] == ["market.stated", "market.sector_providers"]
    with translation.override("zh-hans"):
        texts = [ReasonText().describe(c, p) for c, p in ranked[0].reasons]
    assert all(not text.startswith("market.") for text in texts)


def test_investors_use_the_amount_in_the_notes_or_say_it_is_a_proxy(officer):
    enterprise = _enterprise(revenue_band="200m_1b")
    need = NeedCode.objects.get(code="fundraising.private_capital")
    row = EnterpriseNeedFactory(enterprise=enterprise, need=need, notes="计划融资2亿元人民币")
    InvestorFactory(name_en="Fit Growth", stages=["growth"], ticket_min=10_000_000,
                    ticket_max=50_000_000, currency="USD")  # fmt: skip
    InvestorFactory(name_en="Seed Only", stages=["seed"], ticket_min=100_000,
                    ticket_max=1_000_000, currency="USD")  # fmt: skip

    ranked = connector.investors_rank(enterprise=enterprise)
    row.notes = ""
    row.save()
    proxied = connector.investors_rank(enterprise=enterprise)

    assert ranked[0].investor.name_en == "Fit Growth"
    assert ("investor.ticket_fits", {"millions": 28.0, "source": "notes"}) in ranked[
        0
    ].match.reasons
    assert any(p.get("source") == "revenue_band" for _, p in proxied[0].match.reasons)


def test_peers_are_enterprises_that_entered_a_target_market(officer):
    from goglobal.cases.models import Outcome

    enterprise = _enterprise()
    other = EnterpriseFactory(sector=enterprise.sector)
    case = CaseFactory(enterprise=other)
    Outcome.objects.create(
        case=case, kind="market_entered", achieved_on=datetime.date(2026, 5, 1),
        country=Country.objects.get(code="VN"),
    )  # fmt: skip

    peers = connector.peers_for(enterprise=enterprise)

    assert [p.enterprise for p in peers] == [other]
    assert peers[0].markets == ("VN",)
    assert peers[0].same_sector


def test_page_and_api_show_markets_investors_peers_to_officers_only(client, officer, make_user):
    from goglobal.accounts.services import api_token_issue

    enterprise = _enterprise()
    EnterpriseNeedFactory(
        enterprise=enterprise, need=NeedCode.objects.get(code="fundraising.private_capital")
    )
    InvestorFactory(name_en="Any Growth", stages=["growth"])
    client.force_login(officer)
    _t, token = api_token_issue(user=officer, name="t")
    _t, analyst = api_token_issue(user=make_user(Role.ANALYST), name="t")

    page = client.get(
        reverse("matching:enterprise", args=[enterprise.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    markets = client.get(f"/api/matching/enterprises/{enterprise.pk}/markets",
                         HTTP_AUTHORIZATION=f"Bearer {token}")  # fmt: skip
    investors = client.get(f"/api/matching/enterprises/{enterprise.pk}/investors",
                           HTTP_AUTHORIZATION=f"Bearer {token}")  # fmt: skip
    refused = client.get(f"/api/matching/enterprises/{enterprise.pk}/markets",
                         HTTP_AUTHORIZATION=f"Bearer {analyst}")  # fmt: skip

    body = page.content.decode()
    assert "Markets" in body
    assert "Any Growth" in body
    assert "task force only" in body
    assert markets.status_code == 200
    assert markets.json()[0]["reasons"][0]["text"]
    assert investors.json()[0]["name"] == "Any Growth"
    assert refused.status_code == 404


def test_portal_names_only_providers_that_agreed(client):
    from goglobal.enterprises.tests.factories import EnterpriseMemberFactory

    enterprise = _enterprise()
    need = NeedCode.objects.get(code="tax.planning")
    EnterpriseNeedFactory(enterprise=enterprise, need=need)
    shown = ServiceProviderFactory(name_en="Open Tax", category="accounting_tax")
    hidden = ServiceProviderFactory(name_en="Quiet Tax", category="accounting_tax")
    shown.shown_to_enterprises = True
    shown.save()
    shown.needs.add(need)
    hidden.needs.add(need)
    client.force_login(EnterpriseMemberFactory(enterprise=enterprise).user)
    outsider = EnterpriseMemberFactory().user

    page = client.get(reverse("matching:portal", args=[enterprise.pk]), HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(outsider)
    refused = client.get(reverse("matching:portal", args=[enterprise.pk]))

    body = page.content.decode()
    assert page.status_code == 200
    assert "Open Tax" in body
    assert "Quiet Tax" not in body
    assert "accounting and tax" in body
    assert refused.status_code == 404


def test_a_track_record_is_the_same_divisions_else_the_same_sections():
    """Referrals for enterprises of the same division (38) count as such; a provider with none
    there but some in the section (C: 39) gets the section's; other sections (A: 01) count not."""
    from goglobal.matching.outcomes import track_records

    need = NeedCode.objects.get(code="tax.planning")
    division, other_division, other_section = (
        ServiceProviderFactory(name_en=name) for name in ("Division", "Section", "Elsewhere")
    )
    for sector, provider, status in (
        ("38", division, "completed"), ("38", division, "declined"), ("39", division, "completed"),
        ("39", other_division, "completed"), ("39", other_division, "accepted"),
        ("01", other_section, "completed"),
    ):  # fmt: skip
        case = CaseFactory(enterprise=EnterpriseFactory(sector=Sector.objects.get(code=sector)))
        ReferralFactory(case=case, need=need, provider=provider, status=status)

    records = dict(track_records(Sector.objects.get(code="38")))

    assert set(records) == {str(division.pk), str(other_division.pk)}
    mine = records[str(division.pk)]
    assert (mine.completed, mine.declined, mine.accepted, mine.sector) == (1, 1, 0, "38")
    section = records[str(other_division.pk)]
    assert (section.completed, section.accepted, section.sector) == (1, 1, "C")
    assert track_records(None) == ()
