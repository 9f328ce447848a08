"""The demo's cases counted by the KPIs: every figure equals the independent recomputation
(``recompute.py``), and the story has confirmed, disputed and requested outcomes. Apart from
``test_figures.py``, whose random world stays in the database for that whole module."""

import pytest

from goglobal.analytics.figures import Period, kpi_report
from goglobal.analytics.tests import recompute
from goglobal.cases.models import Outcome
from goglobal.enterprises.tests.factories import ContactFactory, EnterpriseFactory
from goglobal.providers.tests.factories import ProviderMemberFactory

pytestmark = pytest.mark.django_db


def test_the_demos_figures_match_and_tell_a_story(officer):
    from goglobal.cases.demo import cases_demo_create
    from goglobal.enterprises.tests.factories import EnterpriseNeedFactory

    for _ in range(40):
        ContactFactory(enterprise=EnterpriseNeedFactory(enterprise=EnterpriseFactory()).enterprise)
    ProviderMemberFactory()
    cases_demo_create(seed=7, count=40)
    recompute.reset()

    for by in [None, "period", "city", "market", "stage"]:
        expected = recompute.recompute(Period(), by)
        report = kpi_report(period=Period(), by=by)
        for code, figure in report.kpis.items():
            assert figure.as_json() == expected[code], (code, by)
    states = set(Outcome.objects.values_list("confirmation", flat=True))
    assert {"confirmed", "disputed", "requested"} <= states
    assert report.kpis["median_days.qualified"].recorded
