"""Curated reference data: every row names its source and the date it was last checked.

Names are kept one column per language (``name_en``, ``name_zh_hans``, ``name_zh_hant``) and
read through ``goglobal.core.i18n.localized``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from goglobal.core.i18n import localized


class Source(models.Model):
    key = models.SlugField(_("key"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.title


class ReferenceModel(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=200)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=200)
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="+"
    )
    checked_on = models.DateField(_("last checked"))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return localized(self, "name")

    @property
    def name(self) -> str:
        return localized(self, "name")


class Sector(ReferenceModel):
    """A section (letter) or division (two digits) of GB/T 4754-2017, mapped to ISIC Rev.4."""

    class Level(models.TextChoices):
        SECTION = "section", _("section")
        DIVISION = "division", _("division")

    code = models.CharField(_("code"), max_length=2, unique=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    section = models.ForeignKey(
        "self",
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="divisions",
    )
    isic_codes = models.JSONField(
        _("ISIC Rev.4 codes"), default=list, blank=True, help_text=_("Sections or divisions.")
    )

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["code"]


class AdministrativeArea(ReferenceModel):
    """A mainland province-level or prefecture-level division, coded as in GB/T 2260."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("province-level")
        CITY = "city", _("prefecture-level")

    code = models.CharField(_("code"), max_length=6, unique=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    province = models.ForeignKey(
        "self",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cities",
    )

    class Meta:
        verbose_name = _("administrative area")
        verbose_name_plural = _("administrative areas")
        ordering = ["code"]


class Country(ReferenceModel):
    """A country or territory of ISO 3166-1."""

    code = models.CharField(_("ISO 3166-1 alpha-2"), max_length=2, unique=True)
    alpha3 = models.CharField(_("ISO 3166-1 alpha-3"), max_length=3, unique=True)
    region = models.CharField(_("UN M49 region"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("country or territory")
        verbose_name_plural = _("countries and territories")
        ordering = ["code"]


class MarketGroup(ReferenceModel):
    """A named grouping of markets such as ASEAN, GCC, RCEP or Belt and Road."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    members = models.ManyToManyField(
        Country, through="MarketGroupMembership", related_name="groups", blank=True
    )

    class Meta:
        verbose_name = _("market grouping")
        verbose_name_plural = _("market groupings")
        ordering = ["code"]


class MarketGroupMembership(models.Model):
    group = models.ForeignKey(MarketGroup, on_delete=models.CASCADE, related_name="memberships")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="memberships")
    joined_on = models.DateField(_("joined"), null=True, blank=True)
    left_on = models.DateField(_("left"), null=True, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    checked_on = models.DateField(_("last checked"))

    class Meta:
        verbose_name = _("grouping membership")
        verbose_name_plural = _("grouping memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "country"], name="unique_group_member")
        ]

    def __str__(self) -> str:
        return f"{self.group.code}:{self.country.code}"


class NeedCode(ReferenceModel):
    """One entry of the needs taxonomy (``fundraising.ipo`` …); admins may add more."""

    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Stable dotted code, e.g. fundraising.ipo."),
    )
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh_hans = models.TextField(_("description (Simplified Chinese)"), blank=True)
    description_zh_hant = models.TextField(_("description (Traditional Chinese)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs taxonomy")
        ordering = ["sort_order", "code"]

    @property
    def group(self) -> str:
        return self.code.split(".", 1)[0]


# --- Hong Kong's agreements and presence ---------------------------------------------------


class Agreement(ReferenceModel):
    """An agreement of Hong Kong with one market or a bloc: a CDTA, an FTA or an IPPA."""

    class Kind(models.TextChoices):
        CDTA = "cdta", _("comprehensive double taxation agreement")
        FTA = "fta", _("free trade agreement")
        IPPA = "ippa", _("investment promotion and protection agreement")

    class Status(models.TextChoices):
        NEGOTIATING = "negotiating", _("under negotiation")
        SIGNED = "signed", _("signed")
        IN_FORCE = "in_force", _("in force")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    negotiations_started_on = models.DateField(_("negotiations started"), null=True, blank=True)
    signed_on = models.DateField(_("signed"), null=True, blank=True)
    in_force_on = models.DateField(_("in force since"), null=True, blank=True)
    is_verified = models.BooleanField(
        _("verified"),
        default=True,
        help_text=_("Off while the fact still has to be confirmed against the official list."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    parties = models.ManyToManyField(
        Country, through="AgreementParty", related_name="hong_kong_agreements", blank=True
    )

    class Meta:
        verbose_name = _("agreement with Hong Kong")
        verbose_name_plural = _("agreements with Hong Kong")
        ordering = ["kind", "code"]


class AgreementParty(models.Model):
    """A market an agreement covers (one for a bilateral treaty, every member for a bloc's)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="coverage")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="agreement_parties")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    checked_on = models.DateField(_("last checked"))

    class Meta:
        verbose_name = _("market covered by an agreement")
        verbose_name_plural = _("markets covered by agreements")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "country"], name="unique_agreement_party")
        ]

    def __str__(self) -> str:
        return f"{self.agreement.code}:{self.country.code}"


class Office(ReferenceModel):
    """Hong Kong's presence in a market: an Economic and Trade Office, HKTDC or InvestHK office."""

    class Kind(models.TextChoices):
        ETO = "eto", _("Economic and Trade Office")
        HKTDC = "hktdc", _("HKTDC office")
        INVESTHK = "investhk", _("InvestHK office")
        OTHER = "other", _("other office")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        PREPARING = "preparing", _("in preparation")
        CLOSED = "closed", _("closed")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    country = models.ForeignKey(
        Country, verbose_name=_("market"), on_delete=models.PROTECT, related_name="offices"
    )
    city_en = models.CharField(_("city (English)"), max_length=100)
    opened_on = models.DateField(_("opened"), null=True, blank=True)
    is_verified = models.BooleanField(_("verified"), default=True)

    class Meta:
        verbose_name = _("Hong Kong office")
        verbose_name_plural = _("Hong Kong offices")
        ordering = ["kind", "code"]


# --- Indicators ------------------------------------------------------------------------------


class Indicator(ReferenceModel):
    """A statistical series such as the World Bank's NY.GDP.MKTP.CD (GDP, current US$)."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "code"]


class IndicatorValue(models.Model):
    """One value of an indicator for one country or aggregate (``WLD``, ``EAS`` …) and year."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    area_code = models.CharField(_("area code"), max_length=3)
    area_name = models.CharField(_("area name"), max_length=120, blank=True)
    is_aggregate = models.BooleanField(_("aggregate"), default=False)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicator_values"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.FloatField(_("value"))

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "area_code", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area_code", "year"], name="unique_indicator_area_year"
            )
        ]
        indexes = [models.Index(fields=["country", "indicator", "year"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.area_code} {self.year}"
