"""The answer when a dependency (the database) is down: 503, a plain page, retry soon."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 10


def service_unavailable(request: HttpRequest) -> HttpResponse:
    response: HttpResponse
    if request.path.startswith("/api/"):
        message = _("The service is briefly unavailable. Try again in a minute.")
        response = JsonResponse({"detail": message}, status=503)
    else:
        # Standalone template: no context processors, as they may need the database too.
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
