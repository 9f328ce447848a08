"""Parsing one row's cells into typed values, collecting every problem with its column.

``Cells`` wraps the cells of one row. Each method reads one column, returns the parsed value
(or a harmless default) and records a translated ``RowError`` for anything wrong, so that a row
is checked completely and every error in a file can be listed at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _

from goglobal.core.text_input import (
    control_character_message,
    find_control_character,
    is_name_key,
    strip_invisible,
)

LIST_SEPARATOR = ";"
_YES = {"yes", "y", "true", "1", "是", "是的"}
_NO = {"no", "n", "false", "0", "", "否"}
_validate_url = URLValidator()
_validate_email = EmailValidator()


@dataclass(frozen=True, slots=True)
class RowError:
    row: int | None
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


def split_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]


class Cells:
    """The cells of one data row, keyed by column name; absent columns read as empty.

    Every cell is checked as text comes in (``goglobal.core.text_input``): a control character
    is an error on its column (so the row is never written), and
    invisible formatting characters are taken out of the columns holding a name.
    """

    def __init__(self, number: int, cells: dict[str, str]) -> None:
        self.number = number
        self.errors: list[RowError] = []
        self.cells: dict[str, str] = {}
        for column, value in cells.items():
            if find_control_character(value, multiline=True) is not None:
                self.error(column, control_character_message())
            elif is_name_key(column):
                value = strip_invisible(value).strip()
            self.cells[column] = value

    def has(self, column: str) -> bool:
        return column in self.cells

    def raw(self, column: str) -> str:
        return self.cells.get(column, "")

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, message))

    def text(self, column: str, *, max_length: int, required: bool = False) -> str:
        value = self.raw(column)
        if required and not value:
            self.error(column, _("“%(column)s” is required.") % {"column": column})
        elif len(value) > max_length:
            self.error(
                column,
                _("“%(column)s” is longer than %(limit)s characters.")
                % {"column": column, "limit": max_length},
            )
        return value

    def choice(self, column: str, allowed: Sequence[str], *, default: str = "") -> str:
        value = self.raw(column) or default
        if not value:
            self.error(column, _("“%(column)s” is required.") % {"column": column})
        elif value not in allowed:
            self.error(
                column,
                _("“%(value)s” is not one of: %(allowed)s.")
                % {"value": value, "allowed": ", ".join(allowed)},
            )
        return value

    def code(self, column: str, known: dict[str, Any], *, required: bool = True) -> Any:
        value = self.raw(column)
        if not value:
            if required:
                self.error(column, _("“%(column)s” is required.") % {"column": column})
            return None
        if value not in known:
            self.error(column, _("Unknown code “%(code)s”.") % {"code": value})
            return None
        return known[value]

    def codes(self, column: str, known: dict[str, int], *, upper: bool = False) -> frozenset[int]:
        found = set()
        for item in split_list(self.raw(column)):
            key = item.upper() if upper else item
            if key in known:
                found.add(known[key])
            else:
                self.error(column, _("Unknown code “%(code)s”.") % {"code": item})
        return frozenset(found)

    def words(self, column: str, *, pattern: re.Pattern[str] | None = None) -> list[str]:
        items = split_list(self.raw(column))
        for item in items:
            if pattern is not None and not pattern.fullmatch(item):
                self.error(column, _("“%(value)s” is not a valid entry.") % {"value": item})
        return items

    def url(self, column: str) -> str:
        value = self.text(column, max_length=200)
        if value:
            try:
                _validate_url(value)
            except ValidationError:
                self.error(column, _("“%(value)s” is not a web address.") % {"value": value})
        return value

    def email(self, column: str) -> str:
        value = self.text(column, max_length=254)
        if value:
            try:
                _validate_email(value)
            except ValidationError:
                self.error(column, _("“%(value)s” is not an email address.") % {"value": value})
        return value

    def whole_number(self, column: str, *, default: int | None, max_digits: int = 9) -> Any:
        """A non-negative whole number; thousands separators (``,``) are allowed."""
        value = self.raw(column).replace(",", "")
        if not value:
            return default
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = Decimal(-1)
        if number < 0 or number != number.to_integral_value() or len(str(int(number))) > max_digits:
            self.error(
                column,
                _("“%(value)s” is not a whole number from 0 to %(digits)s digits.")
                % {"value": self.raw(column), "digits": max_digits},
            )
            return default
        return int(number)

    def yes_no(self, column: str) -> bool:
        value = self.raw(column).casefold()
        if value in _YES:
            return True
        if value not in _NO:
            self.error(column, _("Write “yes” or “no”, not “%(value)s”.") % {"value": value})
        return False
