"""Security headers Django does not set itself: Permissions-Policy and Content-Security-Policy
on every response.

The platform's pages load scripts only from its own static files (there is no inline script
and no event-handler attribute in any template), so ``script-src 'self'`` with no
``'unsafe-inline'`` and no ``'unsafe-eval'``. Styles come only from our static style sheets:
``style-src 'self'`` refuses every ``<style>`` element and ``style-src-attr 'none'`` every
``style`` attribute. No template, widget or server-drawn chart writes one: a bar's length is a
class of a whole-percent scale in the style sheet (``share_class``), an SVG chart's geometry
and colours are SVG attributes. Scripts may still set a property through the CSS object model
(``element.style.display``), which the policy allows; that is how Swagger UI on the API docs
page highlights its examples, so the API docs need no policy of their own. Nothing is ever
loaded from another origin, and no page may be framed.
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
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'none'; "
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
