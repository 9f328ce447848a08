"""A long country list is searchable in the browser: pinyin, Chinese or English narrows it,
Enter picks the first match, and what is chosen stays in view (static/js/searchable.js)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _visible(page, select: str) -> list[str]:
    return page.eval_on_selector(
        select,
        "el => Array.from(el.options).filter(o => !o.hidden).map(o => o.textContent.trim())",
    )


def test_register_form_country_list_filters_by_pinyin_and_chinese(live_server, browser) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/enterprises/register/")
    select = "[name=profile-target_countries]"
    box = page.locator("#id_profile-target_countries-search")

    everything = _visible(page, select)
    box.fill("malai")
    by_pinyin = _visible(page, select)
    box.fill("")
    box.fill("德")
    by_chinese = _visible(page, select)
    box.fill("germany")
    by_english = _visible(page, select)
    box.press("Enter")
    chosen = page.eval_on_selector(
        select, "el => Array.from(el.selectedOptions).map(o => o.textContent.trim())"
    )
    box.fill("malai")
    after_choice = _visible(page, select)

    assert len(everything) > 150
    assert everything.index("阿富汗") < everything.index("巴西")  # pinyin order
    assert by_pinyin == ["马来西亚"]
    assert "德国" in by_chinese
    assert len(by_chinese) < 5
    assert by_english == ["德国"]
    assert chosen == ["德国"]
    assert set(after_choice) == {"马来西亚", "德国"}  # a chosen country stays in view
    assert (
        page.locator("#id_profile-target_countries + .searchable-count").inner_text() == "显示 2 项"
    )
    context.close()


def test_register_form_sector_list_reads_names_and_filters_by_pinyin(live_server, browser) -> None:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/enterprises/register/")
    select = "[name=profile-sector]"
    box = page.locator("#id_profile-sector-search")

    everything = _visible(page, select)
    box.fill("qiche")
    by_pinyin = _visible(page, select)
    box.press("Enter")
    chosen = page.eval_on_selector(
        select, "el => Array.from(el.selectedOptions).map(o => o.textContent.trim())"
    )
    groups = page.eval_on_selector(
        select, "el => Array.from(el.querySelectorAll('optgroup')).map(g => g.label)"
    )

    assert len(everything) > 90
    assert not [name for name in everything if name[:1].isascii() and name[:1].isalnum()]
    assert by_pinyin == ["汽车制造业"]
    assert chosen == ["汽车制造业"]
    assert "制造业" in groups
    context.close()
