import pytest

from goglobal.cases.demo import STAGE_WEIGHTS, cases_demo_create
from goglobal.cases.models import Case
from goglobal.enterprises.tests.factories import EnterpriseFactory, EnterpriseNeedFactory
from goglobal.providers.tests.factories import ProviderMemberFactory

pytestmark = pytest.mark.django_db


def test_demo_cases_cover_every_stage(officer):
    for _ in range(12):
        EnterpriseNeedFactory(enterprise=EnterpriseFactory())
    ProviderMemberFactory()

    cases = cases_demo_create(seed=7, count=12)

    assert len(cases) == 12
    assert set(Case.objects.values_list("stage", flat=True)) == set(STAGE_WEIGHTS)
