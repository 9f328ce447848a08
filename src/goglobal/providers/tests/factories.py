import factory

from goglobal.accounts.models import Role
from goglobal.accounts.tests.factories import UserFactory
from goglobal.engines.text import search_key
from goglobal.knowledge.models import Country
from goglobal.providers.models import (
    Investor,
    ProviderMarket,
    ProviderMembership,
    ServiceProvider,
)


class ServiceProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceProvider

    name_en = factory.Sequence(lambda n: f"Harbour Partners {n}")
    name_zh_hant = factory.Sequence(lambda n: f"海港律師行{n}")
    name_zh_hans = factory.Sequence(lambda n: f"海港律师行{n}")
    category = "law_firm"
    languages = ["zh", "yue", "en"]
    capacity_per_month = 5
    description = "A Hong Kong law firm advising mainland enterprises on overseas expansion."
    search_text = factory.LazyAttribute(
        lambda o: search_key([o.name_en, o.name_zh_hans, o.name_zh_hant])
    )


class ProviderMarketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProviderMarket

    provider = factory.SubFactory(ServiceProviderFactory)
    country = factory.LazyFunction(lambda: Country.objects.get(code="VN"))
    presence = "office"


class InvestorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Investor

    name_en = factory.Sequence(lambda n: f"Peak Capital {n}")
    name_zh_hant = factory.Sequence(lambda n: f"山頂資本{n}")
    investor_type = "vc"
    stages = ["early", "growth"]
    ticket_min = 1_000_000
    ticket_max = 20_000_000
    currency = "USD"
    search_text = factory.LazyAttribute(lambda o: search_key([o.name_en, o.name_zh_hant]))


class ProviderMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProviderMembership

    user = factory.SubFactory(UserFactory, role=Role.PROVIDER_MEMBER)
    provider = factory.SubFactory(ServiceProviderFactory)
