"""Public pages and error handlers."""

from __future__ import annotations

import hmac
import sys

from django.apps import apps
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader

from goglobal.core import health as health_checks
from goglobal.core import metrics
from goglobal.core.unavailable import service_unavailable

LOOPBACK = {"127.0.0.1", "::1"}


def landing(request: HttpRequest) -> HttpResponse:
    def live(label: str) -> int:
        model = apps.get_model(label)
        return int(model.objects.filter(deleted_at__isnull=True).count())

    stats = {
        "enterprises": live("enterprises.Enterprise"),
        "providers": live("providers.ServiceProvider"),
        "investors": live("providers.Investor"),
        "countries": apps.get_model("knowledge.Country").objects.count(),
    }
    return render(request, "core/landing.html", {"stats": stats})


def design(request: HttpRequest) -> HttpResponse:
    return render(request, "core/design.html", {})


def health(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. Touches neither the database nor Redis."""
    return JsonResponse({"status": "ok"})


def ready(request: HttpRequest) -> JsonResponse:
    """Readiness: database reachable, migrations applied, Redis reachable when configured."""
    problems = health_checks.readiness_problems()
    if problems:
        response = JsonResponse({"status": "unavailable", "problems": problems}, status=503)
    else:
        response = JsonResponse({"status": "ok"})
    response["Cache-Control"] = "no-store"
    return response


def metrics_view(request: HttpRequest) -> HttpResponse:
    """Prometheus text format: from loopback, or with ``Authorization: Bearer <token>``."""
    token = settings.GOGLOBAL_METRICS_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if token:
        allowed = bool(given) and hmac.compare_digest(given, token)
    else:
        allowed = request.META.get("REMOTE_ADDR") in LOOPBACK
    if not allowed:
        return HttpResponse(status=404)
    return HttpResponse(metrics.exposition(), content_type=metrics.CONTENT_TYPE)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Called while the exception is being handled: one raised outside a view (a middleware
    # saving the session, say) because the database is down is a 503 too.
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return service_unavailable(request)
    return HttpResponse(loader.get_template("500.html").render(), status=500)
