"""HTML to PDF through WeasyPrint, with the CJK fonts Debian ships.

WenQuanYi Micro Hei comes first: WeasyPrint subsets the fonts it embeds, and subsetting the
large Noto CJK OpenType/CFF collections takes seconds per document while the TrueType
WenQuanYi collection takes milliseconds. Noto Sans CJK follows as a fallback.
"""

from __future__ import annotations

import logging

# WeasyPrint logs every rendering step at INFO.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

FONT_FAMILIES = (
    '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK HK", sans-serif'
)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported late: Pango is loaded only when a PDF is wanted

    return bytes(HTML(string=html).write_pdf() or b"")
