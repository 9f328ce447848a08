"""An enterprise with something in every table that can hold personal data about it."""

import datetime

import pytest
from django.core.files.base import ContentFile

from goglobal.accounts.models import Role
from goglobal.accounts.tests.factories import UserFactory
from goglobal.cases.models import Interaction, Outcome
from goglobal.cases.tests.factories import CaseFactory, ReferralFactory
from goglobal.enterprises import services as enterprise_services
from goglobal.enterprises.models import EnterpriseMembership
from goglobal.enterprises.tests.factories import EnterpriseFactory, EnterpriseNeedFactory
from goglobal.events.models import AgendaBundle
from goglobal.events.tests.factories import ParticipantFactory
from goglobal.imports.models import ImportJob

NAME = "李明远"
EMAIL = "liming.yuan@example.cn"
PHONE = "+86 138 0000 1111"


@pytest.fixture
def subject(officer):
    enterprise = EnterpriseFactory(
        name_zh="宁波远帆新材料有限公司",
        name_en="Ningbo Yuanfan New Materials Co., Ltd.",
        aliases=["远帆材料"],
        shown_as_peer=True,
    )
    EnterpriseNeedFactory(enterprise=enterprise, notes=f"{NAME}负责设立香港公司")
    contact = enterprise_services.contact_save(
        actor=officer,
        enterprise=enterprise,
        values={
            "full_name": NAME,
            "title": "财务总监",
            "email": EMAIL,
            "phone": PHONE,
            "languages": ["zh"],
            "has_consent": True,
        },
    )
    other = enterprise_services.contact_save(
        actor=officer,
        enterprise=enterprise,
        values={"full_name": "周静", "email": "zhou.jing@example.cn", "has_consent": True},
    )
    member = UserFactory(role=Role.ENTERPRISE_MEMBER, email="owner@yuanfan.example.cn")
    EnterpriseMembership.objects.create(user=member, enterprise=enterprise)
    case = CaseFactory(enterprise=enterprise, next_action=f"周五前致电{NAME}")
    referral = ReferralFactory(case=case, accepted=True, note=f"请联系{NAME}（{EMAIL}）")
    interaction = Interaction.objects.create(
        case=case, kind="call", occurred_on=datetime.date(2026, 3, 2), summary=f"与{NAME}通话"
    )
    interaction.contacts.add(contact)
    outcome = Outcome.objects.create(
        case=case,
        kind="funds_raised",
        achieved_on=datetime.date(2026, 6, 1),
        amount=50_000_000,
        currency="HKD",
        route="private",
        notes=f"{NAME}确认",
    )
    participant = ParticipantFactory(
        enterprise=enterprise, full_name=NAME, email=EMAIL, organisation_name=enterprise.name_zh
    )
    job = ImportJob(kind="enterprises", original_name="batch.csv", file_format="csv")
    job.file.save(
        "batch.csv",
        ContentFile(
            f"name_zh,contact_name,contact_email\r\n{enterprise.name_zh},{NAME},{EMAIL}\r\n"
            "别的公司,王五,wang@example.cn\r\n".encode()
        ),
        save=False,
    )
    job.errors = [{"row": 2, "column": "contact_name", "message": f"“{NAME}” is too long"}]
    job.save()
    bundle = AgendaBundle(event=participant.event, status="done")
    bundle.file.save("agendas.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18), save=False)
    bundle.save()
    return {
        "enterprise": enterprise,
        "contact": contact,
        "other": other,
        "member": member,
        "case": case,
        "referral": referral,
        "interaction": interaction,
        "outcome": outcome,
        "participant": participant,
        "job": job,
        "bundle": bundle,
    }
