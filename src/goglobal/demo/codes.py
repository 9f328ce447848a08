"""Unified Social Credit Codes that are valid and unique by construction.

A code (GB 32100-2015) is: registration authority ``9`` (market regulation) and type ``1``
(enterprise), the six-digit GB/T 2260 code of the registering area, a nine-character
organisation code (GB 11714: eight characters and their own check character) and the check
character of the whole. The eight characters come from a bijection of a serial number, so
distinct serial numbers never give the same code.
"""

from __future__ import annotations

from goglobal.enterprises.rules import SOCIAL_CREDIT_ALPHABET, social_credit_check_character

_SPACE = 10**8
_MULTIPLIER = 48_271_991  # coprime to 10**8, so ``serial -> serial * m + c`` is a bijection
_OFFSET = 37_194_826
_ORGANISATION_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_NEWER_DIGITS = SOCIAL_CREDIT_ALPHABET  # 31 characters; 31**6 > 10**8


def _organisation_check(body: str) -> str:
    """GB 11714 check character of an eight-character organisation code body."""
    total = sum(
        int(character, 36) * weight
        for character, weight in zip(body, _ORGANISATION_WEIGHTS, strict=True)
    )
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def _body(serial: int, *, newer: bool) -> str:
    mixed = (serial * _MULTIPLIER + _OFFSET) % _SPACE
    if not newer:
        return f"{mixed:08d}"
    # Codes issued since 2015 carry "MA" and six characters of the code alphabet.
    characters = []
    for _ in range(6):
        mixed, digit = divmod(mixed, len(_NEWER_DIGITS))
        characters.append(_NEWER_DIGITS[digit])
    return "MA" + "".join(reversed(characters))


def social_credit_code(*, area_code: str, serial: int, newer: bool) -> str:
    """A valid code for ``area_code``; unique for each ``serial`` below 10**8."""
    if not 0 <= serial < _SPACE:
        raise ValueError("serial must be in [0, 10**8)")
    body = _body(serial, newer=newer)
    first_seventeen = f"91{area_code}{body}{_organisation_check(body)}"
    return first_seventeen + social_credit_check_character(first_seventeen)
