from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from goglobal.imports.models import FileFormat, ImportKind


class WizardUploadForm(forms.Form):
    """The wizard's first step: a file in any layout, and what it holds."""

    kind = forms.ChoiceField(label=_("What the file holds"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (UTF-8) or Excel (.xlsx), with a header row. See the formats page."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower().lstrip(".") not in FileFormat.values:
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."), code="file_format")
        if upload.size > settings.GOGLOBAL_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(upload_too_large_message(), code="file_size")
        return upload


class ImportUploadForm(WizardUploadForm):
    dry_run = forms.BooleanField(
        label=_("Dry run: check the file and count what would change, but change nothing"),
        required=False,
        initial=True,
    )

    link_duplicates = forms.BooleanField(
        label=_(
            "Link rows to enterprises already on file: a row whose Unified Social Credit Code "
            "belongs to an enterprise updates it instead of being refused"
        ),
        required=False,
    )


def upload_too_large_message() -> str:
    return _("The file is larger than %(limit)s MB; split it into smaller files.") % {
        "limit": f"{settings.GOGLOBAL_UPLOAD_MAX_BYTES / 1e6:,.0f}"
    }


class ColumnsForm(forms.Form):
    """One list per column of the file: the field it fills, or none."""

    def __init__(
        self,
        *args: Any,
        header: list[str],
        choices: list[tuple[str, str]],
        samples: dict[int, list[str]] | None = None,
        **kwargs: Any,
    ):
        from goglobal.core.labels import join_list

        super().__init__(*args, **kwargs)
        options = [("", _("— not imported —")), *choices]
        for position, text in enumerate(header):
            found = (samples or {}).get(position, [])
            example = _("For example: %(values)s") % {"values": join_list(found)} if found else ""
            self.fields[f"column-{position}"] = forms.ChoiceField(
                label=text or _("Column %(number)s (no header)") % {"number": position + 1},
                choices=options,
                required=False,
                help_text=example,
            )

    def columns(self) -> dict[int, str]:
        return {
            int(name.removeprefix("column-")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("column-") and value
        }


class ValuesForm(forms.Form):
    """One list per different value of each coded column: the code it stands for."""

    mapping_name = forms.CharField(
        label=_("Save this mapping as"),
        help_text=_(
            "Optional. A file from the same source is then offered these columns and values."
        ),
        required=False,
        max_length=120,
    )

    def __init__(self, *args: Any, columns: list[Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.groups: list[tuple[Any, list[str]]] = []
        self.texts: dict[str, tuple[str, str]] = {}
        for group, value_column in enumerate(columns):
            names = []
            options = [("", _("— leave as written —")), *value_column.options]
            for index, (text, code) in enumerate(value_column.values):
                name = f"value-{group}-{index}"
                self.fields[name] = forms.ChoiceField(
                    label=text, choices=options, required=False, initial=code or ""
                )
                self.texts[name] = (value_column.column, text)
                names.append(name)
            self.groups.append((value_column, names))

    def grouped(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(column, [self[name] for name in names]) for column, names in self.groups]

    def values(self) -> dict[str, dict[str, str]]:
        chosen: dict[str, dict[str, str]] = {}
        for name, (column, text) in self.texts.items():
            chosen.setdefault(column, {})
            if self.cleaned_data.get(name):
                chosen[column][text] = self.cleaned_data[name]
        return chosen


def row_changes(data: Any) -> list[Any]:
    """The preview page's changes from its POST data: ``row`` lists the rows shown; per row
    ``skip-ROW``, ``link-ROW`` (an enterprise id or empty) and ``fix-ROW-POSITION``."""
    from goglobal.imports.drafts import RowChange

    changes = []
    for text in data.getlist("row"):
        if not text.isdigit():
            continue
        prefix = f"fix-{text}-"
        fixes = {
            int(name.removeprefix(prefix)): str(value)
            for name, value in data.items()
            if name.startswith(prefix) and name.removeprefix(prefix).isdigit()
        }
        link = data.get(f"link-{text}", "")
        changes.append(
            RowChange(
                number=int(text),
                fixes=fixes,
                skip=bool(data.get(f"skip-{text}")),
                link=int(link) if str(link).isdigit() else None,
            )
        )
    return changes
