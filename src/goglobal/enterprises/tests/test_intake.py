"""The intake: an error never wipes what was typed (passwords included), and the Chinese
mainland and Hong Kong are never offered as going-global targets."""

import pytest
from django.urls import reverse

from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.tests.test_views import _registration_post
from goglobal.knowledge.models import Country

pytestmark = pytest.mark.django_db


def test_an_error_keeps_the_passwords_typed(client):
    data = _registration_post("91340100MA2XXXXXX1")  # a bad check digit

    response = client.post(reverse("enterprises:register"), data, HTTP_ACCEPT_LANGUAGE="en")

    body = response.content.decode()
    assert response.status_code == 200
    assert not Enterprise.objects.exists()
    assert body.count('value="a-long-password-2026"') == 2
    assert 'role="alert" tabindex="-1"' in body  # the summary the page script focuses


def test_home_market_and_hong_kong_are_not_offered_as_targets(client):
    response = client.get(reverse("enterprises:register"), HTTP_ACCEPT_LANGUAGE="en")

    offered = set(
        response.context["profile_form"]
        .fields["target_countries"]
        .queryset.values_list("code", flat=True)
    )
    assert "CN" not in offered
    assert "HK" not in offered
    assert {"SG", "AE", "VN"} <= offered


def test_choosing_the_mainland_as_a_target_is_refused_on_its_field(client):
    data = _registration_post("91340100MA2XXXXXX1")
    data["profile-target_countries"] = [Country.objects.get(code="CN").pk]

    response = client.post(reverse("enterprises:register"), data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "target_countries" in response.context["profile_form"].errors


def test_the_form_carries_a_personal_data_collection_statement(client):
    chinese = client.get(reverse("enterprises:register")).content.decode()
    url = reverse("enterprises:register")
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "个人资料收集声明" in chinese
    assert "Personal data collection statement" in english
    assert "see, correct or delete them" in english
