"""Bars are drawn to length by a class of a whole-percent scale in the style sheet, never by a
``style`` attribute (the Content-Security-Policy refuses those: ``style-src-attr 'none'``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from goglobal.core.templatetags.goglobal import share_class

STYLE_SHEET = Path(__file__).resolve().parents[2] / "static" / "css" / "goglobal.css"


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (0, "share-0"),
        (0.004, "share-0"),
        (0.3333, "share-33"),
        (0.286, "share-29"),
        (1, "share-100"),
        (1.7, "share-100"),
        (-0.2, "share-0"),
        (float("nan"), "share-0"),
        (None, "share-0"),
        ("0.5", "share-50"),
    ],
)
def test_a_share_names_the_class_of_its_whole_percent(share, expected) -> None:
    assert share_class(share) == expected


def test_the_style_sheet_holds_every_class_of_the_scale() -> None:
    rules = dict(
        re.findall(r"\.share-(\d+) \{ --share: ([\d.]+); \}", STYLE_SHEET.read_text("utf-8"))
    )

    assert sorted(int(n) for n in rules) == list(range(101))
    assert all(abs(float(rules[str(n)]) - n / 100) < 1e-9 for n in range(101))


@pytest.mark.django_db
def test_the_overview_draws_its_bars_with_classes(client, officer) -> None:
    from goglobal.enterprises.tests.factories import EnterpriseFactory

    EnterpriseFactory.create_batch(3)
    client.force_login(officer)

    body = client.get("/overview/").content.decode()

    assert re.search(r'class="week-bar share-\d+"', body)
    assert re.search(r'class="bar-fill share-\d+"', body)
    assert "style=" not in body
