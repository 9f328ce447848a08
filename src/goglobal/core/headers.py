"""Security headers Django does not set itself: Permissions-Policy and Content-Security-Policy
on every response.

The platform's pages load scripts only from its own static files (there is no inline script
and no event-handler attribute in any template), so ``script-src 'self'`` with no
``'unsafe-inline'`` and no ``'unsafe-eval'``. Style sheets and ``<style>`` elements come only
from our static files (``style-src 'self'``); style *attributes* are allowed
(``style-src-attr 'unsafe-inline'``), because the bar charts set their lengths with
``style="--share: …"``; an attribute cannot load anything or select other elements. The API docs
page (django-ninja's Swagger UI, served from static) has a policy of its own, the same but for
``style-src 'self' 'unsafe-inline'``: Swagger UI writes ``<style>`` elements as it draws.
Nothing is ever loaded from another origin, and no page may be framed.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# The platform uses none of these browser features; a page (or anything injected into one)
# may not either.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
    "fullscreen=(self), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), usb=(), "
    "interest-cohort=()"
)

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "style-src 'self';", "style-src 'self' 'unsafe-inline';"
)
API_DOCS_PATH = "/api/docs"


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        policy = (
            API_DOCS_CONTENT_SECURITY_POLICY
            if request.path == API_DOCS_PATH
            else CONTENT_SECURITY_POLICY
        )
        response.headers.setdefault("Content-Security-Policy", policy)
        return response
