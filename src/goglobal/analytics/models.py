"""Quarterly reports: a PDF of the KPI catalogue's figures for one quarter in one language,
rendered by a background job."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from goglobal.knowledge.languages import TEXT_LANGUAGES


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("being prepared")
    DONE = "done", _("ready")
    FAILED = "failed", _("failed")


class QuarterlyReport(models.Model):
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    language = models.CharField(_("language"), max_length=10, choices=TEXT_LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    file = models.FileField(_("file"), upload_to="analytics/reports/", blank=True)
    seconds = models.FloatField(_("seconds"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("quarterly report")
        verbose_name_plural = _("quarterly reports")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4), name="report_quarter_1_to_4"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} Q{self.quarter} {self.language}"

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, 3 * (self.quarter - 1) + 1, 1)

    @property
    def last_day(self) -> datetime.date:
        following = (
            datetime.date(self.year + 1, 1, 1)
            if self.quarter == 4
            else datetime.date(self.year, 3 * self.quarter + 1, 1)
        )
        return following - datetime.timedelta(days=1)

    @property
    def is_finished(self) -> bool:
        return self.status in {ReportStatus.DONE, ReportStatus.FAILED}
