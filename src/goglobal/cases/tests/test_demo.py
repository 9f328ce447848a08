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


def test_demo_provider_has_a_referral_in_every_state_and_cases_have_suggestions(officer):
    import datetime

    from django.utils import timezone

    from goglobal.cases.demo import cases_demo_showcase
    from goglobal.cases.models import Referral, ReferralStatus
    from goglobal.cases.services.referrals import reply_days
    from goglobal.matching.models import MatchSuggestion

    for _ in range(24):
        EnterpriseNeedFactory(enterprise=EnterpriseFactory())
    for _ in range(6):
        ProviderMemberFactory()
    demo_provider = ProviderMemberFactory().provider
    demo_provider.needs.add(*{row.need for row in EnterpriseNeedFactory._meta.model.objects.all()})
    cases_demo_create(seed=7, count=24)

    shown = cases_demo_showcase(provider=demo_provider)

    states = set(Referral.objects.filter(provider=demo_provider).values_list("status", flat=True))
    assert states == set(ReferralStatus.values)
    old = timezone.now() - datetime.timedelta(days=reply_days())
    assert Referral.objects.filter(provider=demo_provider, status="sent", sent_at__lt=old).exists()
    assert shown["suggestions"] > 0
    open_case = Case.objects.exclude(stage__in=["closed", "dormant"]).order_by("id").first()
    assert MatchSuggestion.objects.filter(enterprise=open_case.enterprise).exists()
