"""Security headers Django does not set itself: Permissions-Policy and Content-Security-Policy
on every response.

The platform's pages load scripts only from its own static files (there is no inline script
and no event-handler attribute in any template), so ``script-src 'self'`` with no
``'unsafe-inline'`` and no ``'unsafe-eval'``. Styles still allow ``'unsafe-inline'``: the bar
charts set their lengths with a ``style="--share: …"`` attribute and a few pages (print layout,
the design reference, the stand-alone error page) carry a ``<style>`` element. The API docs
page (django-ninja's Swagger UI, served from static) gets the same policy plus ``data:`` images
for its icons. Nothing is ever loaded from another origin, and no page may be framed.
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
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response
