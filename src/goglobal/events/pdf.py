"""A participant's agenda as a PDF (WeasyPrint), in the participant's language.

Fonts: WenQuanYi Micro Hei comes first because WeasyPrint subsets the fonts it embeds and
subsetting the large Noto CJK OpenType/CFF collections takes seconds per document, while the
TrueType WenQuanYi collection takes milliseconds (see ``benchmarks/agenda_bench.py``). Noto Sans
CJK follows as a fallback for machines without WenQuanYi. Both come from Debian's packages
(``fonts-wqy-microhei``, ``fonts-noto-cjk``).
"""

from __future__ import annotations

import logging
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from goglobal.events import selectors
from goglobal.events.models import Meeting, Participant

# WeasyPrint logs every rendering step at INFO: thousands of lines for an event's agendas.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

FONT_FAMILIES = (
    '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK HK", sans-serif'
)


def agenda_html(participant: Participant, *, font_families: str = FONT_FAMILIES) -> str:
    return render_agenda(
        participant, selectors.agenda_for(participant), font_families=font_families
    )


def render_agenda(
    participant: Participant, agenda: list[Meeting], *, font_families: str = FONT_FAMILIES
) -> str:
    """The print HTML for ``agenda`` (the participant's meetings in time order)."""
    meetings = [(m, m.other(participant)) for m in agenda]
    with translation.override(participant.language):
        context: dict[str, Any] = {
            "participant": participant,
            "event": participant.event,
            "meetings": meetings,
            "font_families": font_families,
            "agenda_language": participant.language,
        }
        return render_to_string("events/agenda_pdf.html", context)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported late: Pango is loaded only when a PDF is wanted

    return bytes(HTML(string=html).write_pdf() or b"")


def agenda_pdf(participant: Participant, *, font_families: str = FONT_FAMILIES) -> bytes:
    """The agenda as PDF bytes; times are shown in the event's time zone."""
    return html_to_pdf(agenda_html(participant, font_families=font_families))


def agenda_filename(participant: Participant) -> str:
    """An ASCII file name that stays unique inside an event's ZIP."""
    return f"agenda-{participant.pk:06d}.pdf"
