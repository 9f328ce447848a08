"""Security headers on every answer."""

import pytest

pytestmark = pytest.mark.django_db


def test_every_answer_carries_a_permissions_policy(client):
    response = client.get("/healthz")

    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_hsts_is_a_year_with_subdomains_once_https_is_configured(client, settings):
    settings.SECURE_HSTS_SECONDS = 365 * 24 * 3600
    settings.SECURE_SSL_REDIRECT = False

    response = client.get("/healthz", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_the_default_hsts_is_a_year_when_https_is_on():
    import os
    import subprocess
    import sys

    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
        "'goglobal.config.settings.base'); from django.conf import settings; "
        "print(settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS)"
    )
    env = {**os.environ, "SECRET_KEY": "x", "GOGLOBAL_SSL_REDIRECT": "true", "DEBUG": "false"}
    env.pop("GOGLOBAL_HSTS_SECONDS", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)

    out = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )

    assert out.stdout.split() == ["31536000", "True"]
