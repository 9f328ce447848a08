"""Text on the way in: control characters refused, invisible characters taken out of names.

One rule for every way text enters the platform — forms (``install_form_checks``, called once
from ``CoreConfig.ready``), the JSON API (``goglobal.core.api_parser.TextCheckingParser``),
imports (``goglobal.imports.cells.Cells``) and query strings (``QueryTextMiddleware``):

* a **control character** (Unicode category Cc: NUL, the other C0 and C1 codes, DEL) or a lone
  surrogate is refused with an error on the field. Tab, line feed and carriage return are
  allowed in multi-line text (a form's text area, any string of the API or cell of an import),
  never in a single-line form field. A NUL cannot be stored by PostgreSQL and breaks the XLSX
  export; the others are invisible and never typed on purpose.
* **invisible formatting characters** (zero-width space, joiners and marks, bidirectional
  embeddings, overrides and isolates, word joiner, byte-order mark) are removed from names —
  single-line form fields, API strings and import columns whose name says ``name`` — and from
  every search key (``goglobal.engines.text.normalise``), so a name cannot hide a reversed or
  invisible part and two names that look the same compare the same.
* a query string holding a NUL is answered 400 before any view runs.

``TextInputMiddleware`` does the query-string check for every request and the refusal for the
API's JSON bodies (a 422 whose ``detail`` lists each field, as the API's own validation does);
``TextCheckingParser`` takes invisible characters out of the API's names.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from ninja.parser import Parser

from goglobal.engines.text.normalise import INVISIBLE, strip_invisible

__all__ = [
    "INVISIBLE",
    "TextCheckingParser",
    "TextInputMiddleware",
    "control_character_message",
    "find_control_character",
    "install_form_checks",
    "is_name_key",
    "strip_invisible",
]

_MULTILINE_ALLOWED = frozenset("\t\n\r")
_NAME_KEY = re.compile(r"(^|_)name($|_)")


def find_control_character(text: str, *, multiline: bool) -> str | None:
    """Return the first character of ``text`` that may not be stored, or ``None``."""
    for character in text:
        category = unicodedata.category(character)
        if category == "Cs":
            return character
        if category == "Cc" and not (multiline and character in _MULTILINE_ALLOWED):
            return character
    return None


def control_character_message() -> str:
    return _(
        "This text holds an invisible control character (such as a NUL byte) that cannot be "
        "stored. Remove it, or type the text again instead of pasting it."
    )


def is_name_key(key: str) -> bool:
    """``name``, ``name_en``, ``full_name``, ``legal_name_zh_hans``…: a field holding a name."""
    return bool(_NAME_KEY.search(key.lower()))


def _check_form_text(field: forms.CharField, value: Any) -> Any:
    if not isinstance(value, str) or not value:
        return value
    multiline = isinstance(field.widget, forms.Textarea)
    if find_control_character(value, multiline=multiline) is not None:
        raise ValidationError(control_character_message(), code="control_character")
    # Password fields keep every character (``strip=False``): a password is not a name.
    if field.strip and not multiline:
        value = strip_invisible(value).strip()
    return value


_installed = False


def install_form_checks() -> None:
    """Make every form text field (``CharField`` and its subclasses) apply the rule above.

    Done once at start-up on Django's own class, so that every form of every app — model
    forms, the admin, the sign-in and password forms — checks text the same way without each
    field having to ask for it.
    """
    global _installed
    if _installed:
        return
    original: Callable[[forms.CharField, Any], Any] = forms.CharField.to_python

    def to_python(self: forms.CharField, value: Any) -> Any:
        return _check_form_text(self, original(self, value))

    forms.CharField.to_python = to_python  # type: ignore[method-assign]
    _installed = True


def _walk(value: Any, path: tuple[str | int, ...]) -> Any:
    """Yield the path of every string in a JSON value holding a control character."""
    if isinstance(value, str):
        if find_control_character(value, multiline=True) is not None:
            yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and find_control_character(key, multiline=False):
                yield (*path, key)
            else:
                yield from _walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


def _strip_names(value: Any, key: str = "") -> Any:
    if isinstance(value, str):
        return strip_invisible(value).strip() if is_name_key(key) else value
    if isinstance(value, dict):
        return {k: _strip_names(item, k if isinstance(k, str) else "") for k, item in value.items()}
    if isinstance(value, list):
        return [_strip_names(item, key) for item in value]
    return value


class TextCheckingParser(Parser):
    """The API's JSON parser, taking invisible characters out of every field holding a name."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data: dict[str, Any] = _strip_names(super().parse_body(request))
        return data


def _json_body_errors(request: HttpRequest) -> list[dict[str, Any]]:
    if request.content_type != "application/json" or not request.body:
        return []
    try:
        data = json.loads(request.body)
    except ValueError:
        return []  # the API answers a body it cannot read itself
    message = control_character_message()
    return [
        {"loc": ["body", *path], "msg": message, "type": "control_character"}
        for path in _walk(data, ())
    ]


def _query_has_nul(request: HttpRequest) -> bool:
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return True
    return "\x00" in request.path


class TextInputMiddleware:
    """A NUL in the query string or the path is a bad request (400), never a database error;
    a control character in an API body is a 422 naming the field."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        api = request.path.startswith("/api/")
        if _query_has_nul(request):
            if api:
                return JsonResponse(
                    {"detail": control_character_message(), "code": "control_character"},
                    status=400,
                )
            return render(request, "400.html", {"message": control_character_message()}, status=400)
        if api and request.method in {"POST", "PUT", "PATCH"}:
            errors = _json_body_errors(request)
            if errors:
                return JsonResponse({"detail": errors}, status=422)
        return self.get_response(request)
