"""A roadmap as a PDF in the reader's language, with its sources as numbered footnotes."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from goglobal.core.pdf import FONT_FAMILIES, html_to_pdf
from goglobal.roadmaps import presenters
from goglobal.roadmaps.models import Roadmap


def roadmap_html(roadmap: Roadmap, *, user: Any, language: str | None = None) -> str:
    with translation.override(language or translation.get_language()):
        context = {
            "roadmap": roadmap,
            "enterprise": roadmap.enterprise,
            "view": presenters.present(roadmap, user=user, for_print=True),
            "font_families": FONT_FAMILIES,
            "language": translation.get_language(),
        }
        return render_to_string("roadmaps/pdf.html", context)


def roadmap_pdf(roadmap: Roadmap, *, user: Any, language: str | None = None) -> bytes:
    return html_to_pdf(roadmap_html(roadmap, user=user, language=language))
