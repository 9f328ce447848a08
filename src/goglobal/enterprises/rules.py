"""Pure decisions about enterprises: identifiers and codes, no I/O."""

from __future__ import annotations

import re

# GB 32100-2015: the character set (no I, O, S, V, Z) and the weights of the 17 leading characters.
SOCIAL_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
SOCIAL_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_SOCIAL_CREDIT_SHAPE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")
_HS_CODE = re.compile(r"^\d{2}(\d{2}){0,2}$")


def social_credit_check_character(first_seventeen: str) -> str:
    """The 18th character of a Unified Social Credit Code for its first 17 characters."""
    total = sum(
        SOCIAL_CREDIT_ALPHABET.index(character) * weight
        for character, weight in zip(first_seventeen, SOCIAL_CREDIT_WEIGHTS, strict=True)
    )
    return SOCIAL_CREDIT_ALPHABET[(31 - total % 31) % 31]


def social_credit_problem(code: str) -> str | None:
    """``None`` for a valid code, else ``"length"``, ``"characters"`` or ``"check"``."""
    if len(code) != 18:
        return "length"
    if not _SOCIAL_CREDIT_SHAPE.match(code):
        return "characters"
    if social_credit_check_character(code[:17]) != code[17]:
        return "check"
    return None


def hs_code_is_valid(code: str) -> bool:
    """Two, four or six digits of the Harmonized System; chapters run 01–97, 77 is reserved."""
    if not _HS_CODE.match(code):
        return False
    chapter = int(code[:2])
    return 1 <= chapter <= 97 and chapter != 77
