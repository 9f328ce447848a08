"""English text is drawn in the platform's Latin face (Inter, served from static/fonts), never in
a CJK font; Chinese text still gets a Chinese face. Chromium reports the fonts it actually used
for a node's text (DevTools protocol, CSS.getPlatformFontsForNode)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CJK_FAMILIES = ("CJK", "WenQuanYi", "Hei", "Source Han", "PingFang", "YaHei", "JhengHei")


def _fonts_of(page, selector: str) -> list[str]:
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return [font["familyName"] for font in fonts if font["glyphCount"]]


@pytest.mark.parametrize("selector", ["#hero-title", "main p"])
def test_english_text_is_drawn_in_the_served_latin_face(live_server, browser, selector):
    context = browser.new_context(locale="en-GB", viewport={"width": 1360, "height": 900})
    page = context.new_page()
    fonts = []
    page.on("response", lambda r: fonts.append(r.url) if r.url.endswith(".woff2") else None)
    page.goto(f"{live_server.url}/", wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")

    used = _fonts_of(page, selector)

    context.close()
    assert used, selector
    assert set(used) == {"Inter"}, used
    assert not [name for name in used if any(cjk in name for cjk in CJK_FAMILIES)]
    assert all(url.startswith(live_server.url) for url in fonts), fonts  # served locally


def test_chinese_text_keeps_a_chinese_face(live_server, browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1360, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/", wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    assert page.locator("html").get_attribute("lang").lower().startswith("zh")

    used = _fonts_of(page, "#hero-title")

    context.close()
    assert "Inter" not in used or len(used) > 1, used
    assert any(any(cjk in name for cjk in CJK_FAMILIES) for name in used), used
