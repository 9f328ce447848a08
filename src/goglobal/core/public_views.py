"""The public pages of the chrome: who runs the platform, how to reach it, the privacy policy,
the personal-data collection statement and the accessibility statement. Open to everybody."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

PAGES = ("about", "contact", "privacy", "collection", "accessibility")


def _context() -> dict[str, Any]:
    return {
        "owner": settings.GOGLOBAL_OWNER_NAME or _("GoGlobal Task Force"),
        "contact_email": settings.GOGLOBAL_CONTACT_EMAIL,
        "contact_phone": settings.GOGLOBAL_CONTACT_PHONE,
        "contact_address": settings.GOGLOBAL_CONTACT_ADDRESS,
        "retention_years": settings.GOGLOBAL_RETENTION_CLOSED_CASE_CONTACTS_YEARS,
        "public_pages": PAGES,
    }


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/public/about.html", _context())


def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "core/public/contact.html", _context())


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/public/privacy.html", _context())


def collection(request: HttpRequest) -> HttpResponse:
    return render(request, "core/public/collection.html", _context())


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/public/accessibility.html", _context())
