# ruff: noqa: F811 - ``scene`` is a fixture imported from test_matching
"""What a match request asks the database: few statements, and never a stale profile.

The caps are counts of statements, not timings. Inside a test each ``match_suggest`` is also
wrapped in a savepoint and its release (two more statements, not sent outside a transaction).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from goglobal.accounts.tests.factories import UserFactory
from goglobal.cases.tests.factories import CaseFactory, ReferralFactory
from goglobal.enterprises import services as enterprise_services
from goglobal.enterprises.models import Contact
from goglobal.enterprises.services import EnterpriseInput, NeedInput
from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.knowledge.models import Country, MarketGroup, MarketGroupMembership, NeedCode, Sector
from goglobal.matching import freshness, index_cache, outcomes, profiles, services
from goglobal.matching.tests.test_matching import scene  # noqa: F401 - a fixture
from goglobal.providers.tests.factories import ServiceProviderFactory

pytestmark = pytest.mark.django_db

REPEATED = 4  # stamps, the needs taxonomy, referral counts, the rows written
FIRST = REPEATED + 2  # and the enterprise's profile: the enterprise, then all it lists
SAVEPOINT = 2


def _statements(enterprise, need, officer, **kwargs) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        services.match_suggest(enterprise=enterprise, need=need, actor=officer, **kwargs)
    return [query["sql"] for query in queries.captured_queries]


@pytest.fixture
def warm(scene, officer, settings):
    """A process whose index is current and counted (the live count due once a minute)."""
    settings.GOGLOBAL_MATCH_INDEX_RECOUNT_SECONDS = 60
    index_cache.reset()
    profiles.reset()
    enterprise, need, *_ = scene
    services.match_suggest(enterprise=enterprise, need=need.need, actor=officer)
    return scene


def test_a_repeated_match_request_takes_four_statements(warm, officer):
    enterprise, need, *_ = warm

    statements = _statements(enterprise, need.need, officer, market="VN")

    assert len(statements) <= REPEATED + SAVEPOINT, "\n".join(statements)


def test_the_first_request_for_an_enterprise_reads_its_profile_in_two_more(warm, officer):
    _enterprise, need, *_ = warm
    other = EnterpriseFactory(sector=Sector.objects.get(code="38"))

    first = _statements(other, need.need, officer)
    again = _statements(other, need.need, officer)

    assert len(first) <= FIRST + SAVEPOINT, "\n".join(first)
    assert len(again) <= REPEATED + SAVEPOINT, "\n".join(again)


def test_an_index_refresh_or_the_live_count_adds_only_their_own_statements(scene, officer):
    """With the count due on every request (the test settings) and a provider just changed."""
    enterprise, need, vietnam, *_ = scene
    index_cache.reset()
    services.match_suggest(enterprise=enterprise, need=need.need, actor=officer)
    vietnam.description += " We also cover Laos."
    vietnam.save()

    statements = _statements(enterprise, need.need, officer)

    # the changed provider with its needs, sectors, markets and vector: five statements
    assert len(statements) <= REPEATED + 5 + SAVEPOINT, "\n".join(statements)


def _stamp(enterprise, need):
    return freshness.read(enterprise_id=enterprise.pk, need_id=need.pk).enterprise


def test_a_kept_profile_is_read_again_when_the_enterprise_or_its_contacts_or_needs_change(
    warm, officer
):
    enterprise, need, vietnam, dubai, _bank = warm
    admin = UserFactory(role="admin")
    kept = profiles.profile_for(enterprise.pk, _stamp(enterprise, need.need))
    assert profiles.profile_for(enterprise.pk, _stamp(enterprise, need.need)) is kept
    assert kept.enterprise.languages == frozenset({"zh"})

    contact = Contact.objects.get(enterprise=enterprise)
    enterprise_services.contact_save(
        actor=admin, enterprise=enterprise, contact=contact, values={"languages": ["ar"]}
    )
    assert profiles.profile_for(
        enterprise.pk, _stamp(enterprise, need.need)
    ).enterprise.languages == frozenset({"ar"})

    tax = NeedCode.objects.get(code="tax.planning")
    enterprise_services.enterprise_need_save(
        actor=admin, enterprise=enterprise, need=NeedInput(need=tax)
    )
    assert (
        "tax.planning"
        in profiles.profile_for(enterprise.pk, _stamp(enterprise, need.need)).enterprise.needs
    )

    enterprise.refresh_from_db()
    enterprise_services.enterprise_update(
        actor=admin,
        enterprise=enterprise,
        seen_version=enterprise.version,
        data=EnterpriseInput(
            values={},
            target_countries=[Country.objects.get(code="AE")],
            target_groups=[MarketGroup.objects.get(code="asean")],
        ),
    )
    profile = profiles.profile_for(enterprise.pk, _stamp(enterprise, need.need))
    assert profile.enterprise.target_markets[0] == "AE"
    assert "VN" in profile.enterprise.target_markets  # ASEAN, still targeted

    # and the next request ranks on it: the Arabic-speaking Gulf firm shares the languages now
    rows = services.match_suggest(enterprise=enterprise, need=need.need, actor=officer)
    parts = {row.provider_id: row.parts for row in rows}
    assert parts[dubai.pk]["language"] == 1.0
    assert parts[vietnam.pk]["language"] == 0.0


def test_a_grouping_losing_a_member_changes_the_kept_profile(warm, officer):
    enterprise, need, *_ = warm
    before = profiles.profile_for(enterprise.pk, _stamp(enterprise, need.need))
    assert "VN" in before.enterprise.target_markets

    MarketGroupMembership.objects.filter(group__code="asean", country__code="VN").update(
        left_on=timezone.localdate()
    )
    services.match_suggest(enterprise=enterprise, need=need.need, actor=officer)

    after = profiles.profile_for(enterprise.pk, _stamp(enterprise, need.need))
    assert "VN" not in after.enterprise.target_markets


def test_referral_counts_read_as_track_records_and_open_referrals_do():
    need = NeedCode.objects.get(code="tax.planning")
    one, two, three = (ServiceProviderFactory(name_en=n) for n in ("One", "Two", "Three"))
    for sector, provider, trait in (
        ("38", one, {"status": "completed"}), ("38", one, {"accepted": True}),
        ("39", two, {"status": "declined"}), ("39", two, {"sent": True}),
        ("01", three, {"accepted": True}), ("01", three, {"sent": True}),
        ("38", three, {"status": "completed", "sent_at": timezone.now()}),
    ):  # fmt: skip
        case = CaseFactory(enterprise=EnterpriseFactory(sector=Sector.objects.get(code=sector)))
        ReferralFactory(case=case, need=need, provider=provider, **trait)

    for code in ("38", "39", "01", "52"):
        sector = Sector.objects.select_related("section").get(code=code)
        assert outcomes.referral_counts(sector) == (
            outcomes.track_records(sector),
            outcomes.open_referrals(None),
        ), code
    assert outcomes.referral_counts(None) == ((), outcomes.open_referrals(None))
    assert outcomes.open_referrals(None) == {one.pk: 1, two.pk: 1, three.pk: 3}


def test_the_api_call_names_its_providers_in_one_query(client, warm, officer):
    from goglobal.accounts.services import api_token_issue

    enterprise, need, vietnam, *_ = warm
    url = f"/api/matching/enterprises/{enterprise.pk}/needs/{need.need.code}/providers"
    _token, secret = api_token_issue(user=officer, name="t", scopes=["write"])

    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, HTTP_AUTHORIZATION=f"Bearer {secret}")

    assert response.status_code == 200
    assert response.json()[0]["name"] == vietnam.name_en
    # the token (read, its use audited, its last use), the enterprise with its targets and
    # needs (four), the match, the providers' names (one) and the reasons' country, sector and
    # need names (three)
    statements = [query["sql"] for query in queries.captured_queries]
    assert len(statements) <= 3 + 4 + REPEATED + SAVEPOINT + 1 + 3, "\n".join(statements)


def test_the_profile_read_in_two_statements_is_what_the_orm_adapter_reads(scene):
    from goglobal.enterprises.models import Enterprise
    from goglobal.enterprises.tests.factories import ContactFactory, EnterpriseNeedFactory
    from goglobal.matching.adapters import to_enterprise

    enterprise, *_ = scene
    enterprise.target_countries.add(*Country.objects.filter(code__in=["DE", "AE"]))
    EnterpriseNeedFactory(enterprise=enterprise, need=NeedCode.objects.get(code="tax.planning"))
    ContactFactory(enterprise=enterprise, languages=["en", "yue"])
    loaded = Enterprise.objects.get(pk=enterprise.pk)
    languages = {code for contact in loaded.contacts.all() for code in contact.languages}

    profile = profiles._load(enterprise.pk)

    assert profile.enterprise == to_enterprise(loaded, languages)
    assert profile.enterprise.target_markets[:2] == ("AE", "DE")
    assert "VN" in profile.enterprise.target_markets
    sector = loaded.sector
    assert (profile.sector.pk, profile.sector.code, profile.sector.section_id) == (
        sector.pk,
        sector.code,
        sector.section_id,
    )
    assert profile.sector.section.code == sector.section.code
