"""Event registrations link a representative to the directory record by its organisation name."""

import pytest

from goglobal.enterprises import identity
from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.events import services
from goglobal.events.models import Participant
from goglobal.events.tests.factories import EventFactory
from goglobal.knowledge.models import AdministrativeArea

pytestmark = pytest.mark.django_db


@pytest.fixture
def ruisheng():
    enterprise = EnterpriseFactory(
        name_zh="浙江瑞晟电子科技有限公司",
        name_en="",
        province=AdministrativeArea.objects.get(code="330000"),
        city=AdministrativeArea.objects.get(code="330100"),
    )
    identity.identity_keys_refresh([enterprise.pk])
    return enterprise


@pytest.mark.parametrize(
    ("organisation", "kind", "linked"),
    [
        ("浙江瑞晟電子科技有限公司", "enterprise", True),
        ("Ruisheng Electronics", "enterprise", True),
        ("瑞晟电子", "enterprise", True),
        ("江苏瑞晟电子科技有限公司", "enterprise", False),
        ("瑞晟集团有限公司", "enterprise", False),
        ("浙江瑞晟电子科技有限公司", "official", False),
    ],
)
def test_a_registration_without_a_code_links_by_name(ruisheng, organisation, kind, linked):
    event = EventFactory()
    person = services.participant_register(
        actor=None,
        event=event,
        values={
            "full_name": "陈静",
            "organisation_name": organisation,
            "kind": kind,
            "email": "chen@example.cn",
        },
    )
    assert (Participant.objects.get(pk=person.pk).enterprise == ruisheng) is linked
