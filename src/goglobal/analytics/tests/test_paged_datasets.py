import datetime

import pytest

from goglobal.accounts.models import Role
from goglobal.accounts.services import api_token_issue
from goglobal.analytics.api import DATASETS
from goglobal.cases import services
from goglobal.cases.tests.factories import CaseFactory, InteractionFactory, ReferralFactory
from goglobal.enterprises.tests.factories import ContactFactory
from goglobal.events.tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def _bearer(user):
    _token, raw = api_token_issue(user=user, name="BI")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def rows(officer):
    cases = [CaseFactory(owner=officer) for _ in range(5)]
    for case in cases:
        ContactFactory(enterprise=case.enterprise, email="secret@example.cn")
        InteractionFactory(case=case, summary="机密的会谈内容")
        ReferralFactory(case=case, sent=True)
        services.outcome_record(
            case=case,
            actor=officer,
            kind="jobs_created",
            achieved_on=datetime.date(2026, 9, 1),
            jobs=7,
            notes="内部备注",
        )
    ParticipantFactory()
    return cases


def test_an_analysts_token_pages_through_every_dataset(client, make_user, rows):
    headers = _bearer(make_user(Role.ANALYST))

    for name in DATASETS:
        seen, after = [], 0
        while after is not None:
            response = client.get(f"/api/datasets/{name}", {"after": after, "limit": 2}, **headers)
            assert response.status_code == 200, name
            page = response.json()
            seen += [row["id"] for row in page["rows"]]
            after = page["next_after"]
        assert seen == sorted(set(seen)), name
        assert seen, name


def test_datasets_carry_no_personal_or_free_text(client, make_user, rows):
    headers = _bearer(make_user(Role.ANALYST))

    text = "".join(
        client.get(f"/api/datasets/{name}", **headers).content.decode() for name in DATASETS
    )

    for secret in ["secret@example.cn", "机密的会谈内容", "内部备注"]:
        assert secret not in text
    assert '"confirmation": "requested"' in text or '"confirmation":"requested"' in text


@pytest.mark.parametrize("role", [Role.ORGANISER, Role.ENTERPRISE_MEMBER, Role.PROVIDER_MEMBER])
def test_other_roles_are_refused(client, make_user, rows, role):
    headers = _bearer(make_user(role))

    assert client.get("/api/datasets/", **headers).status_code == 403
    assert client.get("/api/datasets/cases", **headers).status_code == 403


def test_without_a_token_nothing(client, rows):
    assert client.get("/api/datasets/cases").status_code == 401


@pytest.mark.parametrize("query", [{"limit": 0}, {"limit": 100000}, {"after": -1}, {"after": "x"}])
def test_bad_paging_gets_field_errors(client, make_user, query):
    response = client.get("/api/datasets/cases", query, **_bearer(make_user(Role.ANALYST)))

    assert response.status_code == 422


def test_an_unknown_dataset_is_404(client, make_user):
    response = client.get("/api/datasets/salaries", **_bearer(make_user(Role.ANALYST)))

    assert response.status_code == 404
