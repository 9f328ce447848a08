"""What the privacy services keep about their own work: one row per erasure, without the
personal data it removed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Erasure(models.Model):
    """An enterprise's or a contact's personal data anonymised, on request or by retention."""

    class Kind(models.TextChoices):
        ENTERPRISE = "enterprise", _("enterprise")
        CONTACT = "contact", _("contact")

    class Origin(models.TextChoices):
        REQUEST = "request", _("on request")
        RETENTION = "retention", _("by the retention rule")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    subject_id = models.PositiveIntegerField(_("record"))
    enterprise_id = models.PositiveIntegerField(_("enterprise"))
    origin = models.CharField(_("origin"), max_length=12, choices=Origin.choices)
    reason = models.TextField(_("reason"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    counts = models.JSONField(_("what was changed"), default=dict)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["enterprise_id", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.subject_id}"
