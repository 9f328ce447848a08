"""A browser context signed in as a user, without going through the sign-in form."""

from __future__ import annotations

from typing import Any


def signed_in_context(browser: Any, live_server: Any, user: Any, **options: Any) -> Any:
    """A new context (desktop width, British English unless ``options`` say otherwise) that
    carries ``user``'s session cookie; anonymous when ``user`` is ``None``."""
    from django.test import Client

    settings = {"locale": "en-GB", "viewport": {"width": 1360, "height": 900}, **options}
    context = browser.new_context(**settings)
    if user is not None:
        client = Client()
        client.force_login(user)
        cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value}
        context.add_cookies([{**cookie, "url": live_server.url}])
    return context
