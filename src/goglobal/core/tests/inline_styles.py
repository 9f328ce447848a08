"""Inline styles in a page: what the Content-Security-Policy (``style-src 'self';
style-src-attr 'none'``) refuses, so that no page may write one."""

from __future__ import annotations

from html.parser import HTMLParser


class _InlineStyles(HTMLParser):
    """Every ``<style>`` element and ``style`` attribute of a page (in HTML and in inline SVG),
    each described by its tag and a short excerpt."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "style":
            self.found.append("<style> element")
        for key, value in attrs:
            if key == "style":
                self.found.append(f"style attribute on <{tag}>: {(value or '')[:60]!r}")

    handle_startendtag = handle_starttag


def inline_styles(html: str) -> list[str]:
    """What the Content-Security-Policy (``style-src 'self'; style-src-attr 'none'``) would
    refuse on the page ``html``: a ``<style>`` element or a ``style`` attribute."""
    parser = _InlineStyles()
    parser.feed(html)
    return parser.found
