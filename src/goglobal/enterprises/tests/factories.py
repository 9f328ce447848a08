import factory

from goglobal.accounts.models import Role
from goglobal.accounts.tests.factories import UserFactory
from goglobal.engines.text import search_key
from goglobal.enterprises.models import (
    Contact,
    Enterprise,
    EnterpriseMembership,
    EnterpriseNeed,
)
from goglobal.enterprises.rules import social_credit_check_character
from goglobal.enterprises.signals import announce_changed
from goglobal.knowledge.models import AdministrativeArea, NeedCode, Sector


def social_credit_code(n: int, area: str = "310000") -> str:
    body = f"91{area}{n:09d}"
    return body + social_credit_check_character(body)


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise
        skip_postgeneration_save = True

    name_zh = factory.Faker("company", locale="zh_CN")
    name_en = factory.Sequence(lambda n: f"Enterprise {n} Co., Ltd.")
    social_credit_code = factory.Sequence(lambda n: social_credit_code(n + 1))
    province = factory.LazyFunction(lambda: AdministrativeArea.objects.get(code="310000"))
    city = factory.LazyAttribute(lambda o: o.province)
    sector = factory.LazyFunction(lambda: Sector.objects.get(code="38"))
    employee_band = "300_999"
    revenue_band = "200m_1b"
    ownership = "private"
    description = "我们是一家上海的新能源电池制造商，计划进入东南亚市场。"
    description_language = "zh-hans"
    search_text = factory.LazyAttribute(
        lambda o: search_key([o.name_zh, o.name_en, o.social_credit_code])
    )


class EnterpriseNeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnterpriseNeed

    enterprise = factory.SubFactory(EnterpriseFactory)
    need = factory.LazyFunction(lambda: NeedCode.objects.get(code="legal.setup"))
    priority = "high"
    timeline = "0_3m"

    @classmethod
    def _create(cls, model_class: type, *args: object, **kwargs: object) -> EnterpriseNeed:
        row = super()._create(model_class, *args, **kwargs)
        announce_changed([row.enterprise_id])  # as enterprise_need_save does
        return row


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    enterprise = factory.SubFactory(EnterpriseFactory)
    full_name = factory.Faker("name", locale="zh_CN")
    email = factory.Sequence(lambda n: f"contact{n}@example.cn")
    phone = "+86 21 5555 0000"
    has_consent = True


class EnterpriseMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnterpriseMembership

    user = factory.SubFactory(UserFactory, role=Role.ENTERPRISE_MEMBER)
    enterprise = factory.SubFactory(EnterpriseFactory)
