import datetime

import factory
from django.utils import timezone

from goglobal.accounts.models import Role
from goglobal.accounts.tests.factories import UserFactory
from goglobal.cases.models import Case, Interaction, Referral, Task
from goglobal.cases.services.keys import COPIED_FIELDS, case_keys_refresh, case_work_refresh
from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.knowledge.models import NeedCode
from goglobal.providers.tests.factories import ServiceProviderFactory


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    enterprise = factory.SubFactory(EnterpriseFactory)
    owner = factory.SubFactory(UserFactory, role=Role.OFFICER)
    origin = "outreach"
    priority = "high"
    next_action = "跟进香港公司注册"
    next_action_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))

    class Params:
        closed = factory.Trait(stage="closed", closed_reason="已决定暂缓出海")
        matched = factory.Trait(stage="matched")

    @classmethod
    def _create(cls, model_class: type, *args: object, **kwargs: object) -> Case:
        case = super()._create(model_class, *args, **kwargs)
        case_keys_refresh(enterprise_ids=[case.enterprise_id])  # as case_open does
        case.refresh_from_db(fields=COPIED_FIELDS)
        return case


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    case = factory.SubFactory(CaseFactory)
    need = factory.LazyFunction(lambda: NeedCode.objects.get(code="legal.setup"))
    provider = factory.SubFactory(ServiceProviderFactory)
    note = "请协助设立香港公司"

    class Params:
        sent = factory.Trait(status="sent", sent_at=factory.LazyFunction(timezone.now))
        accepted = factory.Trait(
            status="accepted",
            sent_at=factory.LazyFunction(timezone.now),
            answered_at=factory.LazyFunction(timezone.now),
        )

    @classmethod
    def _create(cls, model_class: type, *args: object, **kwargs: object) -> Referral:
        referral = super()._create(model_class, *args, **kwargs)
        case_work_refresh(case_ids=[referral.case_id])  # as the referral services do
        return referral


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction

    case = factory.SubFactory(CaseFactory)
    kind = "meeting"
    occurred_on = factory.LazyFunction(timezone.localdate)
    summary = "与财务总监讨论在香港设立司库中心。"


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    case = factory.SubFactory(CaseFactory)
    title = "发送开户资料清单"
    due_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    assignee = factory.SelfAttribute("case.owner")

    @classmethod
    def _create(cls, model_class: type, *args: object, **kwargs: object) -> Task:
        task = super()._create(model_class, *args, **kwargs)
        case_work_refresh(case_ids=[task.case_id])  # as task_add does
        return task
