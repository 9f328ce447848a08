"""Helpers for tests that share the test database with another process."""

from __future__ import annotations

import os
from urllib.parse import quote

from django.db import connection


def child_environment() -> dict[str, str]:
    """The environment for a child process that uses the test database."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        url = f"sqlite:///{settings['NAME']}"
    else:
        credentials = quote(settings["USER"] or "")
        if settings["PASSWORD"]:
            credentials += ":" + quote(settings["PASSWORD"])
        host = f"{settings['HOST'] or 'localhost'}:{settings['PORT'] or 5432}"
        url = f"postgres://{credentials}@{host}/{settings['NAME']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "goglobal.config.settings.base",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "test-only-secret-key-not-for-production"),
        "GOGLOBAL_SSL_REDIRECT": "false",
        "GOGLOBAL_SECURE_COOKIES": "false",
    }
