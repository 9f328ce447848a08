"""Form fields shared by the apps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from goglobal.core.errors import DomainError


class CodeListField(forms.CharField):
    """A list of codes typed as text, separated by ``;``, commas or spaces."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("Separate codes with semicolons, e.g. 8507; 850760."))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return "; ".join(str(item) for item in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        for separator in (",", "，", "；", " "):
            text = text.replace(separator, ";")
        return [part.strip() for part in text.split(";") if part.strip()]


class MultipleChoiceListField(forms.MultipleChoiceField):
    """Checkboxes stored as a JSON list of codes."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)


class VersionForm(forms.Form):
    """The version a user loaded, sent back so a stale save can be refused."""

    version = forms.IntegerField(widget=forms.HiddenInput)


def save_or_explain(form: forms.BaseForm, save: Callable[[], object]) -> bool:
    """Run ``save``; when a service refuses, put its message on ``form`` (input is kept).

    Returns True when the save went through.
    """
    try:
        save()
    except DomainError as error:
        form.add_error(None, error.message)
        return False
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True
