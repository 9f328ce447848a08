import pytest
from django.conf import settings
from django.urls import reverse

from goglobal.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_sign_in_by_email_takes_the_saved_language(client):
    UserFactory(email="li.hua@example.cn", role="enterprise_member", preferred_language="zh-hans")

    response = client.post(
        reverse("accounts:login"),
        {"username": "LI.HUA@example.cn", "password": "correct-horse-battery"},
    )

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"


def test_a_chosen_language_is_kept(client):
    UserFactory(email="amy@example.hk", preferred_language="zh-hans")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.post(
        reverse("accounts:login"),
        {"username": "amy@example.hk", "password": "correct-horse-battery"},
    )

    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_wrong_password_is_a_form_error(client):
    UserFactory(email="amy@example.hk")

    response = client.post(
        reverse("accounts:login"),
        {"username": "amy@example.hk", "password": "wrong"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "correct email" in response.content.decode().lower()


def test_token_page_shows_a_new_token_once(client, officer):
    client.force_login(officer)

    response = client.post(
        reverse("accounts:tokens"), {"name": "CRM sync", "scopes": ["read"], "days": 30}
    )

    body = response.content.decode()
    assert 'data-testid="new-token"' in body
    assert officer.api_tokens.get().name == "CRM sync"
    assert 'data-testid="new-token"' not in client.get(reverse("accounts:tokens")).content.decode()


def test_a_user_cannot_revoke_another_users_token(client, officer, make_user):
    from goglobal.accounts.services import api_token_issue

    token, _raw = api_token_issue(user=make_user("analyst"), name="theirs")
    client.force_login(officer)

    response = client.post(reverse("accounts:token_revoke", args=[token.pk]))

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
