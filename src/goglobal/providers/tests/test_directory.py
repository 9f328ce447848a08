import pytest
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.accounts.services import api_token_issue
from goglobal.knowledge.models import NeedCode
from goglobal.providers.models import ServiceProvider
from goglobal.providers.tests.factories import (
    InvestorFactory,
    ProviderMarketFactory,
    ProviderMemberFactory,
    ServiceProviderFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["滙豐", "汇丰", "HUIFENG", "ｈｕｉｆｅｎｇ", "Huifeng Bank"])
def test_search_finds_a_name_in_any_script(client, officer, query):
    ServiceProviderFactory(
        name_en="Huifeng Bank (Asia)", name_zh_hant="滙豐亞洲銀行", name_zh_hans="", category="bank"
    )
    ServiceProviderFactory(name_en="Other Law Firm")
    from goglobal.providers.services import organisation_search_text

    for provider in ServiceProvider.objects.all():
        ServiceProvider.objects.filter(pk=provider.pk).update(
            search_text=organisation_search_text(provider)
        )
    client.force_login(officer)

    response = client.get(reverse("providers:directory"), {"q": query})

    body = response.content.decode()
    assert "Huifeng Bank (Asia)" in body or "滙豐亞洲銀行" in body
    assert "Other Law Firm" not in body


def test_filters_combine(client, officer):
    wanted = ServiceProviderFactory(name_en="Vietnam Desk LLP", languages=["vi", "en"])
    wanted.needs.add(NeedCode.objects.get(code="legal.setup"))
    ProviderMarketFactory(provider=wanted)
    other = ServiceProviderFactory(name_en="Dubai Desk LLP", languages=["ar", "en"])
    other.needs.add(NeedCode.objects.get(code="legal.setup"))
    client.force_login(officer)

    response = client.get(
        reverse("providers:directory"),
        {"need": "legal.setup", "market": "VN", "language": "vi", "category": "law_firm"},
    )

    body = response.content.decode()
    assert "Vietnam Desk LLP" in body
    assert "Dubai Desk LLP" not in body


@pytest.mark.parametrize("rows", [3, 30])
def test_directory_query_count_is_fixed(client, officer, django_assert_max_num_queries, rows):
    for _ in range(rows):
        provider = ServiceProviderFactory()
        ProviderMarketFactory(provider=provider)
        provider.needs.add(*NeedCode.objects.all()[:3])
    client.force_login(officer)

    # 11: one of them loads the officer's verified second-factor device (django-otp).
    with django_assert_max_num_queries(11):
        response = client.get(reverse("providers:directory"))

    assert response.status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("providers:directory"))

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_provider_member_edits_its_own_profile_only(client):
    member = ProviderMemberFactory()
    other = ServiceProviderFactory(name_en="Someone Else")
    client.force_login(member.user)

    assert (
        client.get(reverse("providers:provider_edit", args=[member.provider.pk])).status_code == 200
    )
    response = client.post(
        reverse("providers:provider_edit", args=[other.pk]),
        {"version": other.version, "name_en": "Hijacked", "category": "bank"},
    )

    assert response.status_code == 404
    assert ServiceProvider.objects.get(pk=other.pk).name_en == "Someone Else"


def test_provider_member_saves_its_profile(client):
    member = ProviderMemberFactory()
    provider = member.provider
    client.force_login(member.user)

    response = client.post(
        reverse("providers:provider_edit", args=[provider.pk]),
        {
            "version": provider.version,
            "name_en": "Renamed Partners",
            "name_zh_hant": provider.name_zh_hant,
            "category": "law_firm",
            "languages": ["en", "yue"],
            "licences": "Law Society of Hong Kong",
            "office_markets": ["SG", "VN"],
            "network_markets": ["AE", "SG"],
            "capacity_per_month": 8,
        },
    )

    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.name_en == "Renamed Partners"
    assert provider.version == 2
    assert {(m.country.code, m.presence) for m in provider.markets.all()} == {
        ("SG", "office"),
        ("VN", "office"),
        ("AE", "network"),
    }


def test_unknown_market_code_is_a_field_error(client):
    member = ProviderMemberFactory()
    client.force_login(member.user)

    response = client.post(
        reverse("providers:provider_edit", args=[member.provider.pk]),
        {
            "version": 1,
            "name_en": "X",
            "category": "law_firm",
            "office_markets": ["ZZ"],
            "capacity_per_month": 3,
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Select a valid choice. ZZ is not one of the available choices." in page


def test_investors_filter_by_stage(client, officer):
    InvestorFactory(name_en="Seed Fund", stages=["seed"])
    InvestorFactory(name_en="Buyout Fund", stages=["buyout"])
    client.force_login(officer)

    response = client.get(reverse("providers:investors"), {"stage": "seed"})

    body = response.content.decode()
    assert "Seed Fund" in body
    assert "Buyout Fund" not in body


@pytest.mark.parametrize("role", list(Role.values))
def test_every_role_reads_the_directory_through_the_api(client, make_user, role):
    provider = ServiceProviderFactory()
    _token, raw = api_token_issue(user=make_user(role), name="t")

    response = client.get(
        f"/api/directory/providers/{provider.pk}", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )

    assert response.status_code == 200


def test_api_provider_update_by_other_member_is_404(client):
    member = ProviderMemberFactory()
    other = ServiceProviderFactory(name_en="Untouched")
    _token, raw = api_token_issue(user=member.user, name="t", scopes=["read", "write"])

    response = client.put(
        f"/api/directory/providers/{other.pk}",
        {"version": 1, "name_en": "Taken", "category": "bank"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )

    assert response.status_code == 404
    assert ServiceProvider.objects.get(pk=other.pk).name_en == "Untouched"


@pytest.mark.parametrize(("role", "status"), [(Role.OFFICER, 302), (Role.PROVIDER_MEMBER, 404)])
def test_who_may_edit_an_investor(client, make_user, role, status):
    investor = InvestorFactory(name_en="Old Name Capital")
    client.force_login(make_user(role))

    response = client.post(
        reverse("providers:investor_edit", args=[investor.pk]),
        {
            "version": investor.version,
            "name_en": "New Name Capital",
            "investor_type": "pe",
            "stages": ["growth", "pre_ipo"],
            "ticket_min": 5_000_000,
            "ticket_max": 50_000_000,
            "currency": "hkd",
        },
    )

    assert response.status_code == status
    investor.refresh_from_db()
    if status == 302:
        assert (investor.name_en, investor.currency, investor.version) == (
            "New Name Capital",
            "HKD",
            2,
        )
        assert investor.stages == ["growth", "pre_ipo"]
    else:
        assert investor.name_en == "Old Name Capital"


def test_a_ticket_range_upside_down_is_refused(client, officer):
    investor = InvestorFactory()
    client.force_login(officer)

    response = client.post(
        reverse("providers:investor_edit", args=[investor.pk]),
        {
            "version": investor.version,
            "name_en": "X",
            "investor_type": "vc",
            "ticket_min": 9,
            "ticket_max": 1,
            "currency": "USD",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    investor.refresh_from_db()
    assert investor.ticket_min == 1_000_000


def test_an_edit_through_the_page_is_audited(client):
    from goglobal.core.models import AuditEvent

    member = ProviderMemberFactory()
    provider = member.provider
    client.force_login(member.user)

    client.post(
        reverse("providers:provider_edit", args=[provider.pk]),
        {
            "version": provider.version,
            "name_en": "Audited Partners",
            "name_zh_hant": provider.name_zh_hant,
            "category": "law_firm",
            "capacity_per_month": 5,
        },
    )

    event = AuditEvent.objects.filter(target_id=str(provider.pk), action="updated").get()
    assert event.changes["name_en"][1] == "Audited Partners"


def test_edit_page_offers_staff_the_codes_the_profile_text_states(client, officer):
    provider = ServiceProviderFactory(
        name_en="Bosphorus Counsel",
        description="我們在伊斯坦堡設有辦事處，為動力電池企業註冊公司。",
    )
    client.force_login(officer)

    url = reverse("providers:provider_edit", args=[provider.pk])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    from goglobal.knowledge.models import Country, NeedCode, Sector

    stated = page[page.index('id="suggested-heading"') :]
    stated = stated[: stated.index("</section>")]
    office = Country.objects.get(code="TR").name_zh_hans
    sector = Sector.objects.get(code="38").name_zh_hans
    need = NeedCode.objects.get(code="legal.setup").name_zh_hans
    assert office in stated
    assert sector in stated
    assert need in stated
    for code in ("TR", "38", "legal.setup", "<code>"):
        assert code not in stated, code
