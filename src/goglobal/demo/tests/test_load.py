"""The demo set, accounts, synthetic mode and command, written to the test database."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from goglobal.accounts.models import Role, User
from goglobal.core.models import AuditEvent
from goglobal.demo.accounts import DEMO_ACCOUNTS, demo_accounts_create
from goglobal.demo.load import DemoSize, demo_set_create
from goglobal.demo.synthetic import synthetic_write
from goglobal.enterprises.models import Contact, Enterprise, EnterpriseNeed
from goglobal.enterprises.rules import social_credit_problem
from goglobal.providers.models import Investor, PartnerBody, ServiceProvider

SMALL = DemoSize(enterprises=24, providers=14, investors=6, partner_bodies=4)


def _assert_enterprises_valid(enterprises):
    for enterprise in enterprises:
        assert social_credit_problem(enterprise.social_credit_code) is None
        if enterprise.city_id != enterprise.province_id:
            assert enterprise.city.province_id == enterprise.province_id
        assert enterprise.social_credit_code[2:8] == enterprise.city.code
        assert enterprise.search_text


def test_small_demo_set_is_written_through_the_services(reference):
    demo = demo_set_create(seed=3, size=SMALL)

    assert Enterprise.objects.count() == 24
    assert ServiceProvider.objects.count() == 14
    assert Investor.objects.count() == 6
    assert PartnerBody.objects.count() == 4
    assert EnterpriseNeed.objects.count() >= 24
    assert Contact.objects.filter(has_consent=True, consent_recorded_at__isnull=False).exists()
    _assert_enterprises_valid(Enterprise.objects.select_related("city"))
    audited = set(
        AuditEvent.objects.filter(action="created").values_list("target_type", "target_id")
    )
    assert ("enterprises.enterprise", str(demo.enterprises[0].pk)) in audited
    assert ("providers.serviceprovider", str(demo.providers[0].pk)) in audited


def test_small_demo_set_has_text_in_three_languages(reference):
    demo_set_create(seed=3, size=SMALL)

    enterprise_languages = set(Enterprise.objects.values_list("description_language", flat=True))
    provider_languages = set(ServiceProvider.objects.values_list("description_language", flat=True))
    assert {"zh-hans", "en"} <= enterprise_languages
    assert {"zh-hant", "en"} <= provider_languages
    provider = ServiceProvider.objects.first()
    assert all((provider.name_en, provider.name_zh_hans, provider.name_zh_hant))
    assert ServiceProvider.objects.filter(search_text__contains=provider.name_zh_hans).exists()


def test_demo_accounts_have_their_roles_and_memberships(reference):
    demo = demo_set_create(seed=3, size=SMALL)

    demo_accounts_create(enterprise=demo.enterprises[0], provider=demo.providers[0])

    for account in DEMO_ACCOUNTS:
        user = User.objects.get(email=account.email)
        assert user.role == account.role
        assert user.check_password(account.password)
    assert User.objects.get(role=Role.ADMIN).is_superuser
    member = User.objects.get(role=Role.ENTERPRISE_MEMBER)
    assert member.enterprise_membership.enterprise == demo.enterprises[0]
    assert (
        User.objects.get(role=Role.PROVIDER_MEMBER).provider_membership.provider
        == (demo.providers[0])
    )


def test_synthetic_mode_writes_valid_rows_in_batches(reference):
    counts = synthetic_write(seed=4, enterprises=45, providers=30, batch_size=20)

    assert (counts.enterprises, counts.providers) == (45, 30)
    assert Enterprise.objects.count() == 45
    assert ServiceProvider.objects.count() == 30
    _assert_enterprises_valid(Enterprise.objects.select_related("city"))
    enterprise = Enterprise.objects.filter(external_id="SYN-E-000001").get()
    assert enterprise.needs.exists()
    assert enterprise.contacts.first().languages[0] == "zh"
    assert enterprise.target_countries.exists()
    provider = ServiceProvider.objects.get(external_id="SYN-P-000001")
    assert provider.needs.exists()
    assert provider.markets.filter(country__code="HK", presence="office").exists()
    assert not AuditEvent.objects.exists()


def test_command_writes_data_and_prints_the_accounts(reference, settings, tmp_path):
    gdp = tmp_path / "ny.gdp.mktp.cd.csv"
    gdp.write_text("Country Name,Country Code,Year,Value\nMalaysia,MYS,2024,421900000000\n")
    settings.GOGLOBAL_WORLD_BANK_FILE = str(gdp)
    out = io.StringIO()

    call_command(
        "demo",
        "--keep-database",
        "--no-serve",
        "--enterprises=12",
        "--providers=12",
        "--investors=5",
        stdout=out,
    )

    output = out.getvalue()
    assert "officer@demo.goglobal.hk" in output
    assert "demo-officer-2026" in output
    assert "上海凌澜新能源科技有限公司" in output
    assert User.objects.count() == len(DEMO_ACCOUNTS)
    assert Enterprise.objects.count() == 12
    assert "Loading World Bank indicators (1 files from GOGLOBAL_WORLD_BANK_FILE=" in output
    assert "1 indicators, 1 values for 1 markets" in output
    # The dashboard reads the daily rollup the demo counted, and it equals the direct count.
    from goglobal.analytics.rollup import is_built, rollup_differences

    assert "cases counted" in output
    assert is_built()
    assert rollup_differences() == []


@pytest.mark.slow
def test_full_demo_set_meets_the_brief(reference):
    demo = demo_set_create(seed=2026, size=DemoSize())
    demo_accounts_create(enterprise=demo.enterprises[0], provider=demo.providers[0])

    assert Enterprise.objects.count() >= 300
    assert Enterprise.objects.values("city").distinct().count() >= 15
    assert ServiceProvider.objects.count() == 200
    assert ServiceProvider.objects.values("category").distinct().count() == 12
    assert Investor.objects.count() == 30
    assert PartnerBody.objects.count() >= 15
    assert User.objects.values("role").distinct().count() == 6
    _assert_enterprises_valid(Enterprise.objects.select_related("city"))
