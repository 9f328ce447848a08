"""The directory: Hong Kong service providers, investors and partner bodies."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goglobal.core.i18n import localized
from goglobal.core.models import TimeStampedModel, VersionedModel
from goglobal.knowledge.languages import TEXT_LANGUAGES
from goglobal.knowledge.models import Country, NeedCode, Sector


class ProviderCategory(models.TextChoices):
    LAW_FIRM = "law_firm", _("law firm")
    ACCOUNTING_TAX = "accounting_tax", _("accounting and tax")
    BANK = "bank", _("bank")
    SECURITIES_SPONSOR = "securities_sponsor", _("securities firm and listing sponsor")
    CONSULTANCY = "consultancy", _("consultancy")
    LOGISTICS = "logistics", _("logistics")
    IP_AGENT = "ip_agent", _("intellectual property agent")
    HR_TALENT = "hr_talent", _("HR and talent")
    INSURANCE = "insurance", _("insurance")
    SCIENCE_PARK = "science_park", _("science park and incubator")
    INDUSTRY_ASSOCIATION = "industry_association", _("industry association")
    PUBLIC_AGENCY = "public_agency", _("public agency")


class Presence(models.TextChoices):
    OFFICE = "office", _("own office")
    NETWORK = "network", _("network partner")


class InvestorType(models.TextChoices):
    VC = "vc", _("venture capital")
    PE = "pe", _("private equity")
    FAMILY_OFFICE = "family_office", _("family office")
    SOVEREIGN = "sovereign", _("sovereign or strategic investor")
    BANK = "bank", _("bank")


class InvestmentStage(models.TextChoices):
    SEED = "seed", _("seed")
    EARLY = "early", _("early stage (Series A–B)")
    GROWTH = "growth", _("growth")
    PRE_IPO = "pre_ipo", _("pre-IPO")
    CORNERSTONE = "cornerstone", _("IPO cornerstone")
    BUYOUT = "buyout", _("buyout")
    DEBT = "debt", _("debt financing")


class PartnerKind(models.TextChoices):
    GOVERNMENT = "government", _("government agency")
    CHAMBER = "chamber", _("chamber of commerce")
    ASSOCIATION = "association", _("association")


class NamedOrganisation(VersionedModel):
    external_id = models.CharField(
        _("external id"), max_length=64, unique=True, null=True, blank=True
    )
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=200, blank=True)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_language = models.CharField(
        _("language of the description"), max_length=8, choices=TEXT_LANGUAGES, default="en"
    )
    website = models.URLField(_("website"), blank=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return localized(self, "name")

    @property
    def name(self) -> str:
        return localized(self, "name")


class ServiceProvider(NamedOrganisation):
    category = models.CharField(_("category"), max_length=30, choices=ProviderCategory.choices)
    needs = models.ManyToManyField(
        NeedCode, verbose_name=_("needs served"), blank=True, related_name="providers"
    )
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors of expertise"), blank=True, related_name="providers"
    )
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    licences = models.JSONField(_("licences and credentials"), default=list, blank=True)
    capacity_per_month = models.PositiveIntegerField(
        _("new referrals a month"), default=5, help_text=_("How many new referrals it can take.")
    )
    email = models.EmailField(_("email"), blank=True)
    shown_to_enterprises = models.BooleanField(
        _("shown to enterprises"),
        default=False,
        help_text=_("The provider agreed to be named to enterprises"),
    )

    class Meta:
        verbose_name = _("service provider")
        verbose_name_plural = _("service providers")
        ordering = ["name_en", "id"]
        indexes = [
            models.Index(fields=["category", "deleted_at"]),
            models.Index(fields=["name_en", "id"], name="provider_directory_order"),
            # The matcher's index asks for the newest stamp on every request (index_cache).
            models.Index(fields=["updated_at"], name="provider_updated"),
        ]

    def get_absolute_url(self) -> str:
        return reverse("providers:provider_detail", args=[self.pk])


class ProviderMarket(models.Model):
    provider = models.ForeignKey(ServiceProvider, on_delete=models.CASCADE, related_name="markets")
    country = models.ForeignKey(
        Country, verbose_name=_("market"), on_delete=models.PROTECT, related_name="+"
    )
    presence = models.CharField(
        _("presence"), max_length=10, choices=Presence.choices, default=Presence.OFFICE
    )
    city = models.CharField(_("city"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("market covered")
        verbose_name_plural = _("markets covered")
        ordering = ["-presence", "country__code"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "country"], name="unique_provider_market")
        ]

    def __str__(self) -> str:
        return f"{self.country_id}:{self.presence}"


class Investor(NamedOrganisation):
    investor_type = models.CharField(_("type"), max_length=20, choices=InvestorType.choices)
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("sectors"), blank=True, related_name="investors"
    )
    stages = models.JSONField(_("stages"), default=list, blank=True)
    ticket_min = models.DecimalField(
        _("smallest ticket"), max_digits=16, decimal_places=0, null=True, blank=True
    )
    ticket_max = models.DecimalField(
        _("largest ticket"), max_digits=16, decimal_places=0, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    markets = models.ManyToManyField(
        Country, verbose_name=_("markets"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("investor")
        verbose_name_plural = _("investors")
        ordering = ["name_en", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ticket_min__isnull=True)
                | models.Q(ticket_max__isnull=True)
                | models.Q(ticket_min__lte=models.F("ticket_max")),
                name="investor_ticket_range_ordered",
            )
        ]

    def get_absolute_url(self) -> str:
        return reverse("providers:investor_detail", args=[self.pk])


class PartnerBody(NamedOrganisation):
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country or territory"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    city = models.CharField(_("city"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("partner body")
        verbose_name_plural = _("partner bodies")
        ordering = ["name_en", "id"]


class ProviderMembership(TimeStampedModel):
    """A user who acts for a provider and sees only its data."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_membership"
    )
    provider = models.ForeignKey(ServiceProvider, on_delete=models.CASCADE, related_name="members")

    class Meta:
        verbose_name = _("provider member")
        verbose_name_plural = _("provider members")

    def __str__(self) -> str:
        return f"{self.user_id}@{self.provider_id}"
