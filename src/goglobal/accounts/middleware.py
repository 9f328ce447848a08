"""Sessions end when idle or too old, and staff reach nothing before their second factor."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from goglobal.accounts import security
from goglobal.accounts.models import STAFF_ROLES
from goglobal.accounts.two_factor import has_confirmed_device, needs_second_factor
from goglobal.core.unavailable import service_unavailable

_PROBES = ("/healthz", "/readyz", "/metrics", "/static/")
SEEN_KEY = "goglobal_seen"
STARTED_KEY = "goglobal_started"
# The last-seen time is written at most this often, so not every request saves the session.
_SEEN_RESOLUTION = 30


def session_started(sender: object, request: HttpRequest, user: object, **kwargs: object) -> None:
    """Stamp a new session when it signs in (saved with the login, no extra write)."""
    session = getattr(request, "session", None)
    if session is not None:
        now = int(time.time())
        session[STARTED_KEY] = now
        session[SEEN_KEY] = now


def _login_redirect(request: HttpRequest) -> HttpResponse:
    return HttpResponseRedirect(
        f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}"
    )


class SessionTimeoutMiddleware:
    """Signs out a session idle for longer than its role allows or older than its lifetime."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(_PROBES):
            return self.get_response(request)  # health checks never touch the session
        try:
            early = self._check(request)
        except (OperationalError, InterfaceError):
            return service_unavailable(request)  # as a view that cannot reach the database
        return early if early is not None else self.get_response(request)

    def _check(self, request: HttpRequest) -> HttpResponse | None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            session = request.session
            seen = session.get(SEEN_KEY)
            started = session.get(STARTED_KEY)
            idle_minutes = (
                settings.GOGLOBAL_SESSION_IDLE_MINUTES_STAFF
                if user.role in STAFF_ROLES
                else settings.GOGLOBAL_SESSION_IDLE_MINUTES
            )
            idle = seen is not None and now - int(seen) > idle_minutes * 60
            old = started is not None and now - int(started) > settings.SESSION_COOKIE_AGE
            if idle or old:
                security.security_event(
                    security.SESSION_EXPIRED,
                    user=user,
                    request=request,
                    reason="idle" if idle else "lifetime",
                )
                logout(request)
                if request.path.startswith("/api/"):
                    return None  # answered as any request without a session
                messages.info(request, _("Your session has ended. Please sign in again."))
                return _login_redirect(request)
            if started is None:
                session[STARTED_KEY] = now
            if seen is None or now - int(seen) >= _SEEN_RESOLUTION:
                session[SEEN_KEY] = now
        return None


_OPEN_PREFIXES = ("/static/", "/i18n/", "/jsi18n/", "/api/", "/healthz", "/readyz", "/metrics")


class TwoFactorRequiredMiddleware:
    """Sends a signed-in user who still owes a second factor to enrolment or verification.

    The API is left to its own authentication, which refuses such a session the same way.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(_PROBES):
            return self.get_response(request)
        try:
            owed = needs_second_factor(request) and not self._open(request.path)
        except (OperationalError, InterfaceError):
            return service_unavailable(request)
        if owed:
            target = (
                "accounts:two_factor_verify"
                if has_confirmed_device(request.user)  # type: ignore[arg-type]
                else "accounts:two_factor_setup"
            )
            return HttpResponseRedirect(
                f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)

    @staticmethod
    def _open(path: str) -> bool:
        own = (
            reverse("accounts:two_factor_setup"),
            reverse("accounts:two_factor_verify"),
            reverse("accounts:logout"),
        )
        return path in own or path.startswith(_OPEN_PREFIXES)
