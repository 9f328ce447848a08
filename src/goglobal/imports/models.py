"""Import jobs: one uploaded file, what was done with it and every error found in it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goglobal.core.models import TimeStampedModel


class ImportKind(models.TextChoices):
    ENTERPRISES = "enterprises", _("enterprises")
    PROVIDERS = "providers", _("service providers")
    INVESTORS = "investors", _("investors")


class FileFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel (XLSX)"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    SUCCEEDED = "succeeded", _("succeeded")
    FAILED = "failed", _("failed")
    REJECTED = "rejected", _("rejected")


class ImportJob(TimeStampedModel):
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    original_name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    file_format = models.CharField(_("format"), max_length=8, choices=FileFormat.choices)
    dry_run = models.BooleanField(
        _("dry run"), default=False, help_text=_("Check the file and count, but change nothing.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    row_count = models.PositiveIntegerField(_("rows read"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    errors = models.JSONField(
        _("errors"), default=list, blank=True, help_text=_("A list of {row, column, message}.")
    )
    error_total = models.PositiveIntegerField(
        _("errors found"),
        default=0,
        help_text=_("Every error in the file; only the first ones are kept in the list."),
    )
    link_duplicates = models.BooleanField(
        _("link rows to enterprises already on file"),
        default=False,
        help_text=_(
            "A row whose Unified Social Credit Code belongs to an enterprise on file updates "
            "that enterprise instead of being refused."
        ),
    )
    warnings = models.JSONField(
        _("row warnings"),
        default=list,
        blank=True,
        help_text=_("Possible duplicates and linked rows: a list of {row, column, message}."),
    )
    links = models.JSONField(
        _("rows linked to enterprises"),
        default=dict,
        blank=True,
        help_text=_("Row number → the enterprise that row updates instead of creating one."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    attempts = models.PositiveIntegerField(
        _("attempts"), default=0, help_text=_("How many times a worker took the job on.")
    )
    lease_expires_at = models.DateTimeField(
        _("lease expires"),
        null=True,
        blank=True,
        help_text=_("A running job whose worker stops renewing this is taken over."),
    )
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind}:{self.original_name}"

    def get_absolute_url(self) -> str:
        return reverse("imports:detail", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status in {ImportStatus.QUEUED, ImportStatus.RUNNING}

    @property
    def error_count(self) -> int:
        return max(self.error_total, len(self.errors))

    @property
    def errors_left_out(self) -> int:
        return self.error_count - len(self.errors)

    @property
    def warning_count(self) -> int:
        return len(self.warnings)


class SavedMapping(TimeStampedModel):
    """How the columns and coded values of a source that comes back map onto an import kind.

    ``headers`` are the file's header names folded for comparison (width, case, script,
    punctuation), so a file from the same source matches whatever order or script its
    columns come in; ``columns`` maps each of them to one of the kind's columns, and
    ``values`` maps, per coded column, a cell's text to the code chosen for it.
    """

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    headers = models.JSONField(_("headers"), default=list)
    columns = models.JSONField(_("columns"), default=dict)
    values = models.JSONField(_("values"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("saved mapping")
        verbose_name_plural = _("saved mappings")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="imports_saved_mapping_name")
        ]

    def __str__(self) -> str:
        return self.name


class ImportDraft(TimeStampedModel):
    """A file on its way through the import wizard: the upload, its header, and every choice
    made so far (columns, values, cell fixes, skipped rows, duplicates linked), kept for its
    creator alone until it is imported or expires.

    ``columns`` maps a header's position (as text) to one of the kind's columns; ``values``
    maps, per coded column, a cell's text to a code; ``fixes`` maps a spreadsheet row number
    to {position: corrected text}; ``skips`` lists row numbers left out; ``links`` maps a row
    number to the id of the enterprise that row updates instead of creating one. ``checked``
    holds the last whole-file check (its key, errors, warnings and duplicate hits by row).
    """

    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    original_name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(_("file"), upload_to="imports/drafts/%Y/%m/")
    file_format = models.CharField(_("format"), max_length=8, choices=FileFormat.choices)
    header = models.JSONField(_("headers"), default=list)
    columns = models.JSONField(_("columns"), default=dict, blank=True)
    values = models.JSONField(_("values"), default=dict, blank=True)
    fixes = models.JSONField(_("corrected cells"), default=dict, blank=True)
    skips = models.JSONField(_("skipped rows"), default=list, blank=True)
    links = models.JSONField(_("linked rows"), default=dict, blank=True)
    checked = models.JSONField(_("last check"), default=dict, blank=True)
    job = models.ForeignKey(
        ImportJob,
        verbose_name=_("import job"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("import draft")
        verbose_name_plural = _("import drafts")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind}:{self.original_name}"

    def get_absolute_url(self) -> str:
        return reverse("imports:wizard_columns", args=[self.pk])
