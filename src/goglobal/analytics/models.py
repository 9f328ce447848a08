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


class DailyFigure(models.Model):
    """The impact figures counted as rows are written: per Hong Kong day, KPI and one value of
    one dimension (``dimension`` "" is the total), the rows counted and those confirmed, and for
    sums their amount (funds in the outcome's currency, converted to HKD when read).

    Kept in step by ``rollup.rollup_refresh`` inside every writing transaction; rebuilt from the
    source tables by ``goglobal kpis_rollup --rebuild``."""

    day = models.DateField()
    kpi = models.CharField(max_length=40)
    dimension = models.CharField(max_length=20, blank=True)
    value = models.CharField(max_length=40, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    counted = models.BigIntegerField(default=0)
    confirmed = models.BigIntegerField(default=0)
    amount = models.DecimalField(max_digits=28, decimal_places=4, default=0)
    confirmed_amount = models.DecimalField(max_digits=28, decimal_places=4, default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "kpi", "day", "value", "currency"], name="daily_figure_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.kpi} {self.dimension}={self.value}: {self.counted}"


class CaseFigures(models.Model):
    """What one case adds to ``DailyFigure``, as last counted: its dimensions and its rows
    (day, KPI, dimension values of the row itself, currency, counts). A refresh subtracts this
    and adds the case's rows as they are now, so every change is exact. ``case_id`` is not a
    foreign key: a case removed from the database still has its figures taken away."""

    case_id = models.BigIntegerField(primary_key=True)
    facts = models.JSONField(default=dict)

    def __str__(self) -> str:
        return f"case {self.case_id}"


class RollupBuild(models.Model):
    """Set when the rollup was last rebuilt from the source tables; until then (a new
    database, a migration) the figures are read from the source tables."""

    built_at = models.DateTimeField()
    cases = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)

    def __str__(self) -> str:
        return f"rollup built {self.built_at:%Y-%m-%d %H:%M}"
