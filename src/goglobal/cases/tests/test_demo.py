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


def test_demo_cases_carry_true_filter_copies(officer):
    from goglobal.cases.services.keys import COPIED_FIELDS, case_keys_rebuild

    for _ in range(12):
        EnterpriseNeedFactory(enterprise=EnterpriseFactory())
    ProviderMemberFactory()
    cases_demo_create(seed=7, count=12)
    written = list(
        Case.objects.order_by("pk").values_list(*COPIED_FIELDS, "task_due_on", "waiting_since")
    )

    case_keys_rebuild()

    fields = [*COPIED_FIELDS, "task_due_on", "waiting_since"]
    assert list(Case.objects.order_by("pk").values_list(*fields)) == written
    assert any(row[-2] for row in written)  # some follow-up task is open
