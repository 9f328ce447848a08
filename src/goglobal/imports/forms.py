from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from goglobal.imports.models import FileFormat, ImportKind


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (UTF-8) or Excel (.xlsx), with a header row. See the formats page."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
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

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower().lstrip(".") not in FileFormat.values:
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."), code="file_format")
        if upload.size > settings.GOGLOBAL_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(upload_too_large_message(), code="file_size")
        return upload


def upload_too_large_message() -> str:
    return _("The file is larger than %(limit)s MB; split it into smaller files.") % {
        "limit": f"{settings.GOGLOBAL_UPLOAD_MAX_BYTES / 1e6:,.0f}"
    }
