"""Public pages and error handlers."""

from __future__ import annotations

from django.apps import apps
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader


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
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return HttpResponse(loader.get_template("500.html").render(), status=500)
