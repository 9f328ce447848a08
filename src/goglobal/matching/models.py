"""Suggestions the matcher made, kept with the engine version and weights used, for audit."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from goglobal.enterprises.models import Enterprise
from goglobal.knowledge.models import NeedCode
from goglobal.providers.models import Investor, ServiceProvider


class MatchSuggestion(models.Model):
    batch = models.UUIDField(_("batch"), default=uuid.uuid4, db_index=True)
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="match_suggestions"
    )
    need = models.ForeignKey(NeedCode, on_delete=models.PROTECT, related_name="+")
    market = models.CharField(_("market"), max_length=2, blank=True)
    provider = models.ForeignKey(ServiceProvider, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list)
    parts = models.JSONField(_("score parts"), default=dict)
    at_capacity = models.BooleanField(_("at capacity"), default=False)
    engine_version = models.CharField(_("engine version"), max_length=40)
    weights = models.JSONField(_("weights"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("match suggestion")
        verbose_name_plural = _("match suggestions")
        ordering = ["-created_at", "rank"]
        indexes = [models.Index(fields=["enterprise", "need", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.enterprise_id}:{self.need_id}#{self.rank}"


class ConnectorSuggestion(models.Model):
    """A stored market or investor ranking, kept for audit like provider suggestions.

    A separate table rather than a ``kind`` on ``MatchSuggestion``: exposure fairness and the
    weight refit read every ``MatchSuggestion`` row as a provider suggestion.
    """

    class Kind(models.TextChoices):
        MARKET = "market", _("market")
        INVESTOR = "investor", _("investor")

    batch = models.UUIDField(_("batch"), default=uuid.uuid4, db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="connector_suggestions"
    )
    need = models.ForeignKey(
        NeedCode, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    market = models.CharField(_("market"), max_length=2, blank=True)
    investor = models.ForeignKey(
        Investor, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list)
    parts = models.JSONField(_("score parts"), default=dict)
    engine_version = models.CharField(_("engine version"), max_length=40)
    weights = models.JSONField(_("weights"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("connector suggestion")
        verbose_name_plural = _("connector suggestions")
        ordering = ["-created_at", "rank"]
        indexes = [models.Index(fields=["enterprise", "kind", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.enterprise_id}:{self.kind}#{self.rank}"


class ProfileVector(models.Model):
    """A profile's sentence vector (``engines.matching.embed``), computed in the background when
    the profile is saved and reused while its text hashes the same under the same model."""

    class Kind(models.TextChoices):
        PROVIDER = "provider", _("provider")
        ENTERPRISE = "enterprise", _("enterprise")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("object id"))
    model_version = models.CharField(_("model version"), max_length=60)
    text_hash = models.CharField(_("text hash"), max_length=64)
    vector = models.BinaryField(_("vector"))
    # Providers only: the needs the encoder read in the description, [[need code, clause], …]
    # (``engines.matching.reading``); used when the provider codes no need.
    read_needs = models.JSONField(_("needs read in the text"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("profile vector")
        verbose_name_plural = _("profile vectors")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "model_version"], name="profile_vector_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}@{self.model_version}"
