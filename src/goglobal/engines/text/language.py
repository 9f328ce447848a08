"""Tell which of our three languages a text is written in."""

from __future__ import annotations

import re

from goglobal.engines.text.normalise import _to_simplified

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def detect_language(text: str | None) -> str:
    """``"zh-hant"``, ``"zh-hans"`` or ``"en"`` (the default for text without Chinese).

    Text with Han characters is Traditional when converting it to Simplified changes at least
    one character in ten of its Han characters; otherwise it is Simplified.
    """
    if not text:
        return "en"
    han = _HAN.findall(text)
    if len(han) < 2:
        return "en"
    original = "".join(han)
    simplified = _to_simplified().convert(original)
    changed = sum(1 for before, after in zip(original, simplified, strict=False) if before != after)
    return "zh-hant" if changed * 10 >= len(original) else "zh-hans"
