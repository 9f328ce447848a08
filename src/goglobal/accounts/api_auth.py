"""API authentication: bearer tokens for clients, the session for the browser.

A token answers only within its scopes: the area is the first part of the path after /api/,
and any method other than GET, HEAD and OPTIONS needs a write scope. A session answers for
staff only once their second factor is verified, as pages do.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from goglobal.accounts.services import api_token_authenticate
from goglobal.accounts.throttle import client_address
from goglobal.accounts.two_factor import needs_second_factor

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def api_area(path: str) -> str:
    """``/api/cases/12/move`` → ``cases``."""
    parts = [part for part in path.split("/") if part]
    if parts and parts[0] == "api":
        parts = parts[1:]
    return parts[0] if parts else ""


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(
            raw=token,
            area=api_area(request.path),
            write=request.method not in SAFE_METHODS,
            address=client_address(request),
        )
        if user is not None:
            request.user = user
        return user


class VerifiedSessionAuth(SessionAuth):
    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is not None and needs_second_factor(request):
            return None
        return user


api_auth = [TokenAuth(), VerifiedSessionAuth()]
