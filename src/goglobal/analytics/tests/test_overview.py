import pytest
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.enterprises.tests.factories import EnterpriseFactory, EnterpriseNeedFactory
from goglobal.providers.tests.factories import ProviderMemberFactory, ServiceProviderFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [Role.ADMIN, Role.OFFICER, Role.ORGANISER, Role.ANALYST])
def test_staff_see_the_figures(client, make_user, role):
    EnterpriseNeedFactory(enterprise=EnterpriseFactory())
    ServiceProviderFactory(category="bank")
    client.force_login(make_user(role))

    response = client.get(reverse("analytics:overview"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Most requested needs" in body
    assert response.context["totals"]["enterprises"] == 1
    assert response.context["needs"][0].count == 1


def test_members_are_refused(client):
    client.force_login(ProviderMemberFactory().user)

    assert client.get(reverse("analytics:overview")).status_code == 403


@pytest.mark.parametrize("rows", [3, 30])
def test_query_count_is_fixed(client, officer, django_assert_max_num_queries, rows):
    for _ in range(rows):
        EnterpriseNeedFactory(enterprise=EnterpriseFactory())
    client.force_login(officer)

    with django_assert_max_num_queries(19):  # the pipeline's three aggregates included
        client.get(reverse("analytics:overview"))


def test_removed_enterprises_are_not_counted(client, officer):
    EnterpriseFactory(deleted_at="2026-01-01T00:00:00Z")
    client.force_login(officer)

    response = client.get(reverse("analytics:overview"))

    assert response.context["totals"]["enterprises"] == 0
