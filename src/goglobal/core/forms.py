"""Form fields shared by the apps."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from goglobal.core.errors import DomainError
from goglobal.core.i18n import localized
from goglobal.core.labels import search_text, sort_key

LANGUAGE_SUFFIXES = ("en", "zh_hans", "zh_hant")


class FastSelect(forms.Select):
    """A single select that writes its options with one string join.

    Django renders every option through a template, about 0.08 ms each: a list of 250
    countries cost 20 ms a page. Flat choices only (no groups); the markup is the same.
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        chosen = "" if value is None else str(value)
        parts = []
        for choice, label in self.choices:
            key = "" if choice is None else str(choice)
            selected = " selected" if key == chosen else ""
            parts.append(f'<option value="{escape(key)}"{selected}>{escape(str(label))}</option>')
        # Every value and label is escaped above (html.escape: Django's is lazy-wrapped and
        # three times slower, which is the cost this widget exists to avoid).
        return format_html("<select{}>{}</select>", flatatt(final), mark_safe("".join(parts)))


class _Searchable:
    """What both searchable lists share: the filter box's words, each option's searchable names
    (every language and their pinyin, or ``search_words(instance)``), and the script."""

    search_words: Callable[[Any], tuple[str, ...]] | None = None

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        extra = {
            "data-search-label": gettext("Search the list"),
            "data-search-count": gettext("%(count)s shown"),
        }
        context: dict[str, Any] = super().get_context(  # type: ignore[misc]
            name, value, {**extra, **(attrs or {})}
        )
        return context

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(*args, **kwargs)  # type: ignore[misc]
        instance = getattr(option["value"], "instance", None)
        if instance is not None:
            words = (
                self.search_words(instance)
                if self.search_words
                else tuple(getattr(instance, f"name_{suffix}", "") for suffix in LANGUAGE_SUFFIXES)
            )
            option["attrs"]["data-search"] = search_text(*words)
        return option

    def render(self, *args: Any, **kwargs: Any) -> SafeString:
        script = format_html('<script src="{}" defer></script>', static("js/searchable.js"))
        return mark_safe(super().render(*args, **kwargs) + script)  # type: ignore[misc]


class SearchableSelectMultiple(_Searchable, forms.SelectMultiple):
    """A multiple select with a filter box above it (``static/js/searchable.js``): typing
    "mal", "马来", "malai" or "馬來" narrows a list of 250 countries to Malaysia and Mali.

    Each option carries its names in every language and their pinyin (``data-search``); the
    list works as a plain multiple select without JavaScript.
    """

    def __init__(self, attrs: dict[str, Any] | None = None, choices: Any = ()) -> None:
        super().__init__({"size": 10, "data-searchable": "", **(attrs or {})}, choices)


class SearchableSelect(_Searchable, forms.Select):
    """A single choice from a long list with the same filter box (``static/js/searchable.js``):
    a list box of ``size`` rows; each option is found by any of its names or their pinyin, or
    by the words ``search_words(instance)`` gives (a participant's organisation, say)."""

    def __init__(
        self,
        attrs: dict[str, Any] | None = None,
        choices: Any = (),
        search_words: Callable[[Any], tuple[str, ...]] | None = None,
    ) -> None:
        super().__init__({"size": 8, "data-searchable": "", **(attrs or {})}, choices)
        self.search_words = search_words


class _CollatedChoices(ModelChoiceIterator):
    """The queryset's rows by their label in the reader's collation (pinyin for Simplified
    Chinese, radical and stroke for Traditional, accent-free for English)."""

    def __iter__(self) -> Any:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        rows = [self.choice(obj) for obj in self.queryset]
        yield from sorted(rows, key=lambda row: sort_key(str(row[1])))


class NamedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Reference rows (countries, sectors) chosen by their name in the reader's language,
    listed in the reader's collation, with a search box."""

    iterator = _CollatedChoices
    widget = SearchableSelectMultiple

    def label_from_instance(self, obj: Any) -> str:
        return localized(obj, "name")


class _SectionGroups(ModelChoiceIterator):
    """Divisions under their section's name, both in the reader's collation."""

    def __iter__(self) -> Any:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[str, list[tuple[Any, str]]] = {}
        for obj in self.queryset.select_related("section"):
            section = localized(obj.section, "name") if obj.section_id else ""
            groups.setdefault(section, []).append(self.choice(obj))
        for section in sorted(groups, key=sort_key):
            rows = sorted(groups[section], key=lambda row: sort_key(str(row[1])))
            if section:
                yield (section, rows)
            else:
                yield from rows


class SectorChoiceField(forms.ModelChoiceField):
    """One GB/T 4754 division chosen by its name in the reader's language, grouped under its
    section's name; the code is the submitted value only, never part of what is read."""

    iterator = _SectionGroups
    widget = SearchableSelect

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("empty_label", None)  # a list box: nothing chosen needs no "------"
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return localized(obj, "name")


class CollatedModelChoiceField(forms.ModelChoiceField):
    """One row of a long list (people, organisations) chosen by name: options in the reader's
    collation in a list box with the search box of ``SearchableSelect``."""

    iterator = _CollatedChoices
    widget = SearchableSelect


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
