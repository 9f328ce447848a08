"""Mainland enterprises, their needs, contacts and the people who act for them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goglobal.core.models import TimeStampedModel, VersionedModel
from goglobal.enterprises.validators import validate_hs_codes, validate_social_credit_code
from goglobal.knowledge.languages import TEXT_LANGUAGES
from goglobal.knowledge.models import AdministrativeArea, Country, MarketGroup, NeedCode, Sector


class EmployeeBand(models.TextChoices):
    UNDER_50 = "lt50", _("fewer than 50 employees")
    FROM_50 = "50_299", _("50–299 employees")
    FROM_300 = "300_999", _("300–999 employees")
    FROM_1000 = "1000_4999", _("1,000–4,999 employees")
    FROM_5000 = "5000_plus", _("5,000 employees or more")


class RevenueBand(models.TextChoices):
    UNDER_20M = "lt20m", _("under RMB 20 million")
    FROM_20M = "20m_200m", _("RMB 20–200 million")
    FROM_200M = "200m_1b", _("RMB 200 million – 1 billion")
    FROM_1B = "1b_10b", _("RMB 1–10 billion")
    FROM_10B = "10b_plus", _("RMB 10 billion or more")


class Ownership(models.TextChoices):
    STATE_OWNED = "state_owned", _("state-owned")
    PRIVATE = "private", _("private")
    FOREIGN_INVESTED = "foreign_invested", _("foreign-invested")
    MIXED = "mixed", _("mixed ownership")


class ListingStatus(models.TextChoices):
    UNLISTED = "unlisted", _("not listed")
    PREPARING = "preparing", _("preparing a listing")
    MAINLAND = "listed_mainland", _("listed on a mainland exchange")
    HONG_KONG = "listed_hk", _("listed in Hong Kong")
    DUAL = "listed_dual", _("listed on the mainland and in Hong Kong")
    OVERSEAS = "listed_overseas", _("listed overseas")


class Priority(models.TextChoices):
    HIGH = "high", _("high")
    MEDIUM = "medium", _("medium")
    LOW = "low", _("low")


class Timeline(models.TextChoices):
    NOW = "0_3m", _("within 3 months")
    SOON = "3_6m", _("in 3–6 months")
    LATER = "6_12m", _("in 6–12 months")
    LONG = "12m_plus", _("in more than a year")


class Enterprise(VersionedModel):
    external_id = models.CharField(
        _("external id"), max_length=64, unique=True, null=True, blank=True
    )
    name_zh = models.CharField(_("name (Chinese, as registered)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    social_credit_code = models.CharField(
        _("Unified Social Credit Code"),
        max_length=18,
        unique=True,
        validators=[validate_social_credit_code],
        help_text=_("18 characters, as on the business licence (GB 32100-2015)."),
    )
    province = models.ForeignKey(
        AdministrativeArea,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": "province"},
    )
    city = models.ForeignKey(
        AdministrativeArea,
        verbose_name=_("city"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For the four municipalities, the municipality itself."),
    )
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        related_name="enterprises",
        limit_choices_to={"level": "division"},
    )
    employee_band = models.CharField(_("employees"), max_length=12, choices=EmployeeBand.choices)
    revenue_band = models.CharField(_("annual revenue"), max_length=12, choices=RevenueBand.choices)
    ownership = models.CharField(_("ownership"), max_length=20, choices=Ownership.choices)
    listing_status = models.CharField(
        _("listing status"),
        max_length=20,
        choices=ListingStatus.choices,
        default=ListingStatus.UNLISTED,
    )
    hs_codes = models.JSONField(
        _("products (HS codes)"), default=list, blank=True, validators=[validate_hs_codes]
    )
    description = models.TextField(_("description"), blank=True)
    description_language = models.CharField(
        _("language of the description"), max_length=8, choices=TEXT_LANGUAGES, default="zh-hans"
    )
    website = models.URLField(_("website"), blank=True)
    shown_as_peer = models.BooleanField(
        _("The enterprise agrees to be shown to other enterprises as an example of going global"),
        default=False,
    )
    target_countries = models.ManyToManyField(
        Country, verbose_name=_("target markets"), blank=True, related_name="+"
    )
    target_groups = models.ManyToManyField(
        MarketGroup, verbose_name=_("target groupings"), blank=True, related_name="+"
    )
    aliases = models.JSONField(
        _("other names"),
        default=list,
        blank=True,
        help_text=_("Names this enterprise was also known by, such as a merged record's names."),
    )
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["deleted_at", "-created_at"]),
            models.Index(fields=["city", "deleted_at"]),
            models.Index(fields=["sector", "deleted_at"]),
        ]

    def __str__(self) -> str:
        return self.name_zh

    def get_absolute_url(self) -> str:
        return reverse("enterprises:detail", args=[self.pk])

    def clean(self) -> None:
        if (
            self.province_id
            and self.city_id
            and self.city_id != self.province_id
            and self.city.province_id != self.province_id
        ):
            raise ValidationError(
                {"city": _("This city is not in the province chosen.")}, code="city_province"
            )


class EnterpriseNeed(TimeStampedModel):
    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="needs")
    need = models.ForeignKey(
        NeedCode, verbose_name=_("need"), on_delete=models.PROTECT, related_name="+"
    )
    priority = models.CharField(
        _("priority"), max_length=8, choices=Priority.choices, default=Priority.MEDIUM
    )
    timeline = models.CharField(
        _("timeline"), max_length=10, choices=Timeline.choices, default=Timeline.SOON
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["need__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "need"], name="unique_enterprise_need")
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id}:{self.need_id}"


class Contact(TimeStampedModel):
    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="contacts")
    full_name = models.CharField(_("full name"), max_length=200)
    title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    has_consent = models.BooleanField(
        _("consents to be introduced"),
        default=False,
        help_text=_(
            "The contact agreed that the task force may share these details with providers."
        ),
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded"), null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consent recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def consent_withdrawn(self) -> bool:
        """Consent was given once and then withdrawn (``consent_recorded_at`` dates the
        withdrawal); such a contact is left out of referrals, peer lists and exports."""
        return not self.has_consent and self.consent_recorded_at is not None


class EnterpriseMembership(TimeStampedModel):
    """A user who acts for an enterprise and sees only its data."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enterprise_membership"
    )
    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="members")

    class Meta:
        verbose_name = _("enterprise member")
        verbose_name_plural = _("enterprise members")

    def __str__(self) -> str:
        return f"{self.user_id}@{self.enterprise_id}"


class IdentityKey(models.Model):
    """A blocking key of an enterprise (engines.identity): the few enterprises worth comparing
    with a new record are those sharing one of its keys."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=80)

    class Meta:
        indexes = [models.Index(fields=["key"])]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "key"], name="identity_key_unique")
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id}:{self.key}"


class DuplicateStatus(models.TextChoices):
    OPEN = "open", _("to review")
    DISMISSED = "dismissed", _("not the same enterprise")
    MERGED = "merged", _("merged into one record")


class DuplicateCandidate(TimeStampedModel):
    """Two enterprises the identity engine thinks may be one; ``first`` has the lower id."""

    first = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list)
    status = models.CharField(
        _("status"), max_length=12, choices=DuplicateStatus.choices, default=DuplicateStatus.OPEN
    )

    class Meta:
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="duplicate_pair_unique"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="duplicate_pair_order"
            ),
        ]
        indexes = [models.Index(fields=["status", "-score"])]

    def __str__(self) -> str:
        return f"{self.first_id}~{self.second_id}"


class EnterpriseMerge(TimeStampedModel):
    """One merge of ``merged`` into ``kept``, with what is needed to undo it."""

    kept = models.ForeignKey(
        Enterprise, verbose_name=_("kept record"), on_delete=models.PROTECT, related_name="+"
    )
    merged = models.ForeignKey(
        Enterprise, verbose_name=_("merged record"), on_delete=models.PROTECT, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("merged by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kept_before = models.JSONField(default=dict)
    merged_before = models.JSONField(default=dict)
    moved = models.JSONField(default=list, help_text="[{model, field, ids}] rows moved to kept")
    kept_version = models.PositiveIntegerField(default=0)
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("undone by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("enterprise merge")
        verbose_name_plural = _("enterprise merges")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.merged_id}→{self.kept_id}"
