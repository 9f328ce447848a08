"""The facts report is paged, and its count is the whole list's."""

import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


@override_settings(GOGLOBAL_PAGE_SIZE=10)
def test_the_facts_report_is_paged_and_counts_them_all(client, officer):
    client.force_login(officer)

    response = client.get(reverse("knowledge:stale"), {"all": "1"}, HTTP_ACCEPT_LANGUAGE="en")

    total = response.context["total"]
    assert total > 10
    assert len(response.context["facts"]) == 10
    assert f"{total} facts" in response.content.decode()
