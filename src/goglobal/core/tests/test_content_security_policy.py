"""Every answer carries a Content-Security-Policy that allows scripts and styles from our own
origin only (no inline script, no ``<style>`` element, no ``style`` attribute); the API docs and
schema ask for a sign-in unless the setting turns that off."""

import pytest

from goglobal.core.headers import CONTENT_SECURITY_POLICY

pytestmark = pytest.mark.django_db


def _directives(header):
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/healthz", "/api/enterprises/"])
def test_every_answer_carries_the_policy(client, path):
    response = client.get(path)

    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def test_scripts_come_only_from_our_origin_and_nothing_frames_a_page(client):
    directives = _directives(client.get("/")["Content-Security-Policy"])

    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["style-src-attr"] == ["'none'"]
    assert "unsafe" not in CONTENT_SECURITY_POLICY
    assert not [value for values in directives.values() for value in values if "//" in value]


def test_no_template_page_carries_an_inline_script(client, officer):
    client.force_login(officer)
    for path in ["/", "/cases/", "/enterprises/", "/directory/", "/api/docs", "/design/"]:
        body = client.get(path).content.decode()
        for tag in body.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            assert "src=" in opening or 'type="application/json"' in opening, (path, opening)
        assert " onclick=" not in body
        assert "<style" not in body, path
        assert " onload=" not in body


def test_the_api_docs_carry_the_same_policy_as_every_page(client, officer):
    client.force_login(officer)
    response = client.get("/api/docs")

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert " style=" not in response.content.decode()


@pytest.mark.parametrize("path", ["/api/docs", "/api/openapi.json"])
def test_the_api_docs_and_schema_ask_anonymous_readers_to_sign_in(client, officer, path):
    anonymous = client.get(path)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")

    client.force_login(officer)
    assert client.get(path).status_code == 200


def test_the_setting_can_open_the_docs_to_anonymous_readers(client, settings):
    settings.GOGLOBAL_API_DOCS_LOGIN_REQUIRED = False

    assert client.get("/api/openapi.json").status_code == 200
