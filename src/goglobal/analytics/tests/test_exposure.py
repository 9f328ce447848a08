import pytest
from django.urls import reverse

from goglobal.enterprises.tests.factories import EnterpriseFactory, EnterpriseNeedFactory
from goglobal.knowledge.models import NeedCode
from goglobal.matching import services
from goglobal.providers.tests.factories import ServiceProviderFactory

pytestmark = pytest.mark.django_db


def _suggest(officer, times, names):
    need = NeedCode.objects.get(code="tax.planning")
    enterprise = EnterpriseFactory()
    EnterpriseNeedFactory(enterprise=enterprise, need=need)
    for name in names:
        ServiceProviderFactory(name_en=name, category="accounting_tax", description="").needs.add(
            need
        )
    for _ in range(times):
        services.match_suggest(enterprise=enterprise, need=need, actor=officer)


def test_rotation_gives_equal_providers_equal_first_places(client, officer):
    _suggest(officer, 4, ["Even One", "Even Two"])
    client.force_login(officer)

    response = client.get(reverse("analytics:overview"), HTTP_ACCEPT_LANGUAGE="en")

    report = response.context["exposure"]
    assert report.gini == 0.0
    assert [row.first_places for row in report.rows] == [2, 2]
    assert report.rows[0].share == 0.5
    assert "Exposure fairness of the matcher" in response.content.decode()


def test_gini_counts_providers_never_shown_first(client, officer):
    from goglobal.analytics.exposure import exposure_report
    from goglobal.matching.models import MatchSuggestion

    _suggest(officer, 2, ["Only One", "Only Two"])
    MatchSuggestion.objects.filter(rank=1).update(
        provider=MatchSuggestion.objects.filter(rank=1).first().provider
    )

    report = exposure_report()

    assert report.gini == 0.5
    assert len(report.rows) == 1
