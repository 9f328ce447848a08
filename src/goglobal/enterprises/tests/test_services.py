import pytest
from django.core.exceptions import ValidationError

from goglobal.accounts.models import Role
from goglobal.core.errors import StaleRecordError
from goglobal.core.models import AuditEvent
from goglobal.enterprises import services
from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.tests.factories import EnterpriseFactory, social_credit_code
from goglobal.knowledge.models import AdministrativeArea, Country, MarketGroup, NeedCode, Sector

pytestmark = pytest.mark.django_db


def _input(**overrides):
    values = {
        "name_zh": "深圳澜海动力电池有限公司",
        "name_en": "Shenzhen Lanhai Power Battery Co., Ltd.",
        "social_credit_code": social_credit_code(77, "440300"),
        "province": AdministrativeArea.objects.get(code="440000"),
        "city": AdministrativeArea.objects.get(code="440300"),
        "sector": Sector.objects.get(code="38"),
        "employee_band": "1000_4999",
        "revenue_band": "1b_10b",
        "ownership": "private",
        "description": "我们生产动力电池，希望在越南设厂。",
        "hs_codes": ["8507"],
    }
    values.update(overrides)
    return services.EnterpriseInput(
        values=values,
        target_countries=Country.objects.filter(code__in=["VN", "TH"]),
        target_groups=MarketGroup.objects.filter(code="asean"),
    )


def test_create_writes_the_row_its_search_key_and_an_audit_event(officer):
    enterprise = services.enterprise_create(actor=officer, data=_input())

    assert enterprise.description_language == "zh-hans"
    assert "深圳澜海" in enterprise.search_text
    assert "shenzhen lanhai" in enterprise.search_text
    assert {c.code for c in enterprise.target_countries.all()} == {"VN", "TH"}
    event = AuditEvent.objects.get(target_id=str(enterprise.pk), action="created")
    assert event.actor == officer
    assert event.changes["target_groups"] == ["asean"]


def test_a_wrong_check_character_is_a_field_error(officer):
    code = social_credit_code(77, "440300")
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")

    with pytest.raises(ValidationError) as error:
        services.enterprise_create(actor=officer, data=_input(social_credit_code=wrong))

    assert "social_credit_code" in error.value.message_dict
    assert not Enterprise.objects.exists()


def test_city_must_lie_in_the_province(officer):
    with pytest.raises(ValidationError) as error:
        services.enterprise_create(
            actor=officer, data=_input(city=AdministrativeArea.objects.get(code="320500"))
        )

    assert "city" in error.value.message_dict


def test_update_with_a_stale_version_is_refused_and_changes_nothing(officer, make_user):
    enterprise = services.enterprise_create(actor=officer, data=_input())
    first = Enterprise.objects.get(pk=enterprise.pk)
    second = Enterprise.objects.get(pk=enterprise.pk)
    services.enterprise_update(
        actor=officer, enterprise=first, seen_version=1, data=_input(name_en="First Save Ltd.")
    )

    with pytest.raises(StaleRecordError):
        services.enterprise_update(
            actor=make_user(Role.OFFICER),
            enterprise=second,
            seen_version=1,
            data=_input(name_en="Second Save Ltd."),
        )

    stored = Enterprise.objects.get(pk=enterprise.pk)
    assert stored.name_en == "First Save Ltd."
    assert stored.version == 2


def test_update_records_what_changed(officer):
    enterprise = services.enterprise_create(actor=officer, data=_input())

    services.enterprise_update(
        actor=officer, enterprise=enterprise, seen_version=1, data=_input(ownership="mixed")
    )

    event = AuditEvent.objects.get(target_id=str(enterprise.pk), action="updated")
    assert event.changes == {"ownership": ["private", "mixed"]}


def test_soft_delete_keeps_the_row(officer):
    enterprise = EnterpriseFactory()

    services.enterprise_delete(actor=officer, enterprise=enterprise)

    assert Enterprise.objects.get(pk=enterprise.pk).deleted_at is not None


def test_consent_is_recorded_with_who_and_when(officer):
    enterprise = EnterpriseFactory()

    contact = services.contact_save(
        actor=officer,
        enterprise=enterprise,
        values={"full_name": "王敏", "email": "wang@example.cn", "has_consent": True},
    )
    assert contact.consent_recorded_by == officer
    assert contact.consent_recorded_at is not None

    contact = services.contact_save(
        actor=officer, enterprise=enterprise, contact=contact, values={"has_consent": False}
    )
    assert contact.consent_withdrawn, "a withdrawal keeps its date"
    assert contact.consent_recorded_at is not None
    never = services.contact_save(
        actor=officer, enterprise=enterprise, values={"full_name": "李四", "has_consent": False}
    )
    assert (never.consent_recorded_at, never.consent_withdrawn) == (None, False)


def test_registration_is_all_or_nothing():
    code = social_credit_code(5, "440300")
    EnterpriseFactory(social_credit_code=code)
    registration = services.Registration(
        email="new@example.cn",
        password="a-long-password-2026",
        full_name="李华",
        job_title="CFO",
        phone="",
        preferred_language="zh-hans",
        has_consent=True,
        enterprise=_input(social_credit_code=code),
        needs=[services.NeedInput(need=NeedCode.objects.get(code="fundraising.ipo"))],
    )

    with pytest.raises(ValidationError):
        services.enterprise_register(registration=registration)

    from goglobal.accounts.models import User

    assert not User.objects.filter(email="new@example.cn").exists()


def test_registration_creates_account_membership_needs_and_contact():
    registration = services.Registration(
        email="cfo@example.cn",
        password="a-long-password-2026",
        full_name="李华",
        job_title="CFO",
        phone="+86 755 0000",
        preferred_language="zh-hans",
        has_consent=True,
        enterprise=_input(),
        needs=[
            services.NeedInput(need=NeedCode.objects.get(code="fundraising.ipo"), priority="high"),
            services.NeedInput(need=NeedCode.objects.get(code="legal.setup")),
        ],
    )

    user, enterprise = services.enterprise_register(registration=registration)

    assert user.role == Role.ENTERPRISE_MEMBER
    assert enterprise.members.get().user == user
    assert {n.need.code for n in enterprise.needs.all()} == {"fundraising.ipo", "legal.setup"}
    assert enterprise.contacts.get().has_consent
