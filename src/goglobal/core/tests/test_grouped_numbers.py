"""``grouped`` writes numbers exactly as Django's ``intcomma`` does, in every language."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils import translation

from goglobal.core.templatetags.goglobal import grouped

VALUES = [0, 7, -7, 999, 1000, -1234, 1234567, 10**12, Decimal("1234.50"), 12345.25, "n/a", None]


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_grouped_equals_intcomma(language: str) -> None:
    with translation.override(language):
        for value in VALUES:
            assert grouped(value) == str(intcomma(value)), value


def test_english_groups_thousands_and_chinese_writes_digits_together() -> None:
    with translation.override("en"):
        assert grouped(1234567) == "1,234,567"
    with translation.override("zh-hans"):
        assert grouped(1234567) == "1234567"
