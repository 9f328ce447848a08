"""Curated reference data: every row names its source and the date it was last checked.

Names are kept one column per language (``name_en``, ``name_zh_hans``, ``name_zh_hant``) and
read through ``goglobal.core.i18n.localized``.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from goglobal.core.i18n import localized


class Source(models.Model):
    """Where a fact was read. ``kind`` says whether the page is the authority's own (official),
    someone else's report of it (secondary: news, law firms, reprints, encyclopedias), or
    GoGlobal Connect's own compilation (internal)."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("official")
        SECONDARY = "secondary", _("secondary")
        INTERNAL = "internal", _("GoGlobal Connect's own")

    key = models.SlugField(_("key"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    kind = models.CharField(
        _("kind of source"), max_length=10, choices=Kind.choices, default=Kind.SECONDARY
    )

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_official(self) -> bool:
        return self.kind == self.Kind.OFFICIAL

    @property
    def title_language(self) -> str:
        """The language the title is written in (``zh`` or ``en``), for ``lang`` on a page: a
        source is cited in its own words, whatever the reader's language."""
        return "zh" if any("\u3400" <= char <= "\u9fff" for char in self.title) else "en"


def second_source_field() -> models.ForeignKey[Source | None, Source | None]:
    """A fact's optional second source (a corroborating page, or the official page a news
    report quotes); the first source stays the one the fact rests on."""
    return models.ForeignKey(
        Source,
        verbose_name=_("second source"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )


class ReferenceModel(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=200)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=200)
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="+"
    )
    second_source = second_source_field()
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
    second_source = second_source_field()
    checked_on = models.DateField(_("last checked"))

    class Meta:
        verbose_name = _("grouping membership")
        verbose_name_plural = _("grouping memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "country"], name="unique_group_member")
        ]

    def __str__(self) -> str:
        return f"{self.group.code}:{self.country.code}"


class MarketGroupArea(models.Model):
    """A mainland city (or province) that belongs to a grouping, e.g. the nine Guangdong cities
    of the Greater Bay Area; members that are economies are ``MarketGroupMembership`` rows."""

    group = models.ForeignKey(MarketGroup, on_delete=models.CASCADE, related_name="area_members")
    area = models.ForeignKey(AdministrativeArea, on_delete=models.PROTECT, related_name="groupings")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    second_source = second_source_field()
    checked_on = models.DateField(_("last checked"))

    class Meta:
        verbose_name = _("city or province in a grouping")
        verbose_name_plural = _("cities and provinces in groupings")
        ordering = ["group", "area"]
        constraints = [models.UniqueConstraint(fields=["group", "area"], name="unique_group_area")]

    def __str__(self) -> str:
        return f"{self.group.code}:{self.area.code}"


class GroupAccession(models.Model):
    """A market's application to join a grouping (Hong Kong and RCEP), as its source states it."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("applied / not yet a member")
        ACCEDED = "acceded", _("acceded")
        WITHDRAWN = "withdrawn", _("withdrawn")

    group = models.ForeignKey(
        MarketGroup, verbose_name=_("grouping"), on_delete=models.CASCADE, related_name="accessions"
    )
    applicant = models.ForeignKey(
        Country, verbose_name=_("applicant"), on_delete=models.PROTECT, related_name="accessions"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    applied_on = models.DateField(_("applied"), null=True, blank=True)
    status_on = models.DateField(
        _("status as of"), null=True, blank=True, help_text=_("Date of the latest source.")
    )
    note = models.TextField(_("note"), blank=True)
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="+"
    )
    second_source = second_source_field()
    checked_on = models.DateField(_("last checked"))

    class Meta:
        verbose_name = _("accession to a grouping")
        verbose_name_plural = _("accessions to groupings")
        ordering = ["group", "applicant"]
        constraints = [
            models.UniqueConstraint(fields=["group", "applicant"], name="unique_group_accession")
        ]

    def __str__(self) -> str:
        return f"{self.group.code}:{self.applicant.code}"


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
    note = models.TextField(_("note"), blank=True)
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
    second_source = second_source_field()
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


# --- Hong Kong functions, schemes, co-operation mechanisms ----------------------------------


class HongKongFunction(ReferenceModel):
    """Something a mainland enterprise can set up in Hong Kong: a listing route, a treasury centre …

    ``eligibility`` is a rule in the small language of ``knowledge.rules`` (empty: no rule).
    """

    class Group(models.TextChoices):
        FUNDRAISING = "fundraising", _("fundraising")
        HEADQUARTERS = "headquarters", _("regional headquarters")
        TREASURY = "treasury", _("corporate treasury centre")
        RESEARCH = "research", _("research and development hub")
        SUPPLY_CHAIN = "supply_chain", _("supply-chain management centre")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_zh_hans = models.TextField(_("summary (Simplified Chinese)"), blank=True)
    summary_zh_hant = models.TextField(_("summary (Traditional Chinese)"), blank=True)
    need_codes = models.JSONField(_("need codes"), default=list, blank=True)
    provider_categories = models.JSONField(_("provider categories"), default=list, blank=True)
    eligibility = models.CharField(_("eligibility rule"), max_length=500, blank=True)
    is_verified = models.BooleanField(_("verified"), default=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("Hong Kong function")
        verbose_name_plural = _("Hong Kong functions")
        ordering = ["sort_order", "code"]


class FunctionStep(models.Model):
    """One ordered step of setting up a function; mainland-side steps come first."""

    class Side(models.TextChoices):
        MAINLAND = "mainland", _("mainland")
        HONG_KONG = "hong_kong", _("Hong Kong")

    function = models.ForeignKey(
        HongKongFunction, verbose_name=_("function"), on_delete=models.CASCADE, related_name="steps"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_zh_hans = models.CharField(_("title (Simplified Chinese)"), max_length=300, blank=True)
    title_zh_hant = models.CharField(_("title (Traditional Chinese)"), max_length=300, blank=True)
    duration = models.CharField(_("typical duration"), max_length=100, blank=True)
    documents = models.JSONField(_("documents"), default=list, blank=True)
    provider_categories = models.JSONField(_("provider categories"), default=list, blank=True)
    need_codes = models.JSONField(_("need codes"), default=list, blank=True)
    is_verified = models.BooleanField(_("verified"), default=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    second_source = second_source_field()
    checked_on = models.DateField(_("last checked"))

    class Meta:
        verbose_name = _("function step")
        verbose_name_plural = _("function steps")
        ordering = ["function", "position"]
        constraints = [
            models.UniqueConstraint(fields=["function", "position"], name="unique_function_step")
        ]

    def __str__(self) -> str:
        return f"{self.function.code}#{self.position}"

    @property
    def title(self) -> str:
        return localized(self, "title")


class FunctionPoint(models.Model):
    """A published threshold, tax point or regulatory point that applies to a function."""

    class Kind(models.TextChoices):
        THRESHOLD = "threshold", _("threshold")
        TAX = "tax", _("tax")
        REGULATORY = "regulatory", _("regulatory")

    function = models.ForeignKey(
        HongKongFunction,
        verbose_name=_("function"),
        on_delete=models.CASCADE,
        related_name="points",
    )
    code = models.SlugField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    text_en = models.TextField(_("text (English)"))
    text_zh_hans = models.TextField(_("text (Simplified Chinese)"), blank=True)
    text_zh_hant = models.TextField(_("text (Traditional Chinese)"), blank=True)
    is_verified = models.BooleanField(_("verified"), default=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    second_source = second_source_field()
    checked_on = models.DateField(_("last checked"))

    class Meta:
        verbose_name = _("function point")
        verbose_name_plural = _("function points")
        ordering = ["function", "kind", "code"]
        constraints = [
            models.UniqueConstraint(fields=["function", "code"], name="unique_function_point")
        ]

    def __str__(self) -> str:
        return f"{self.function.code}:{self.code}"

    @property
    def text(self) -> str:
        return localized(self, "text")


class Scheme(ReferenceModel):
    """A scheme or programme; ``eligibility`` is checked by ``knowledge.rules.scheme_check``."""

    class Kind(models.TextChoices):
        TALENT = "talent", _("talent admission")
        CAPITAL = "capital", _("capital investment")
        INCUBATION = "incubation", _("incubation")

    class Applicant(models.TextChoices):
        ENTERPRISE = "enterprise", _("the enterprise applies")
        EMPLOYER = "employer", _("the enterprise sponsors an employee")
        INDIVIDUAL = "individual", _("an individual applies")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    applicant = models.CharField(_("applicant"), max_length=12, choices=Applicant.choices)
    operator = models.CharField(_("run by"), max_length=200, blank=True)
    launched_on = models.DateField(_("launched"), null=True, blank=True)
    criteria_en = models.TextField(_("published criteria (English)"), blank=True)
    eligibility = models.CharField(_("eligibility rule"), max_length=500, blank=True)
    need_codes = models.JSONField(_("need codes"), default=list, blank=True)
    is_verified = models.BooleanField(_("verified"), default=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("scheme")
        verbose_name_plural = _("schemes and programmes")
        ordering = ["kind", "code"]


class Mechanism(ReferenceModel):
    """An inter-city co-operation mechanism, e.g. the Hong Kong/Shanghai Co-operation Conference."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    partner_en = models.CharField(_("partner (English)"), max_length=100)
    established_year = models.PositiveSmallIntegerField(_("established"), null=True, blank=True)
    is_verified = models.BooleanField(_("verified"), default=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("co-operation mechanism")
        verbose_name_plural = _("co-operation mechanisms")
        ordering = ["code"]


class TaskForce(ReferenceModel):
    """A government task force that GoGlobal Connect works for, e.g. the GoGlobal Task Force."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    launched_on = models.DateField(_("launched"), null=True, blank=True)
    chair_en = models.CharField(_("chaired by (English)"), max_length=200)
    chair_zh_hans = models.CharField(_("chaired by (Simplified Chinese)"), max_length=200)
    chair_zh_hant = models.CharField(_("chaired by (Traditional Chinese)"), max_length=200)
    is_verified = models.BooleanField(_("verified"), default=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("task force")
        verbose_name_plural = _("task forces")
        ordering = ["code"]

    @property
    def chair(self) -> str:
        return localized(self, "chair")


class TaskForceMember(ReferenceModel):
    """A body that a task force comprises, as its source names it."""

    task_force = models.ForeignKey(
        TaskForce, verbose_name=_("task force"), on_delete=models.CASCADE, related_name="members"
    )
    code = models.SlugField(_("code"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"), default=100)
    is_verified = models.BooleanField(_("verified"), default=True)

    class Meta:
        verbose_name = _("task force member")
        verbose_name_plural = _("task force members")
        ordering = ["task_force", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["task_force", "code"], name="unique_task_force_member")
        ]


class MechanismMeeting(models.Model):
    """A plenary or other meeting of a mechanism, with what its source says it covered."""

    class Kind(models.TextChoices):
        PLENARY = "plenary", _("plenary")
        MEETING = "meeting", _("meeting")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    mechanism = models.ForeignKey(
        Mechanism, verbose_name=_("mechanism"), on_delete=models.CASCADE, related_name="meetings"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    held_in = models.CharField(_("held in"), max_length=100, blank=True)
    areas = models.JSONField(_("co-operation areas named"), default=list, blank=True)
    area_count = models.PositiveSmallIntegerField(
        _("areas (published count)"), null=True, blank=True
    )
    agreement_count = models.PositiveSmallIntegerField(
        _("agreements (published count)"), null=True, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    second_source = second_source_field()
    checked_on = models.DateField(_("last checked"))

    class Meta:
        verbose_name = _("mechanism meeting")
        verbose_name_plural = _("mechanism meetings")
        ordering = ["mechanism", "held_on", "code"]

    def __str__(self) -> str:
        return self.code


class MechanismInitiative(ReferenceModel):
    """An agreement or initiative pursued under (or announced at) a mechanism, with its status."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        IN_PROGRESS = "in_progress", _("in progress")
        LAUNCHED = "launched", _("launched")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    mechanism = models.ForeignKey(
        Mechanism, verbose_name=_("mechanism"), on_delete=models.CASCADE, related_name="initiatives"
    )
    meeting = models.ForeignKey(
        MechanismMeeting,
        verbose_name=_("announced at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    status_on = models.DateField(_("status since"), null=True, blank=True)
    is_verified = models.BooleanField(_("verified"), default=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("co-operation initiative")
        verbose_name_plural = _("co-operation initiatives")
        ordering = ["mechanism", "code"]


# --- Rules in force on a date ---------------------------------------------------------------


class RuleValue(models.Model):
    """One dated value of a published rule: a listing threshold, a tax rate, a filing deadline.

    A rule (``code``) keeps every value it ever had: a change closes the old row with
    ``effective_to`` and opens a new one, so history is never overwritten. A temporary rule is
    a row with both dates that starts after the standing value; while it runs, both rows cover
    the day and the one that started later is in force (``knowledge.services.rules``).
    """

    code = models.CharField(
        _("rule"), max_length=80, help_text=_("e.g. hkex.18c.commercial_market_cap")
    )
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(
        _("in force until"), null=True, blank=True, help_text=_("Last day in force; empty: open.")
    )
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4, null=True, blank=True)
    data = models.JSONField(_("structured value"), default=dict, blank=True)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    is_temporary = models.BooleanField(_("temporary"), default=False)
    text_en = models.TextField(_("text (English)"))
    text_zh_hans = models.TextField(_("text (Simplified Chinese)"), blank=True)
    text_zh_hant = models.TextField(_("text (Traditional Chinese)"), blank=True)
    is_verified = models.BooleanField(_("verified"), default=False)
    note = models.TextField(_("note"), blank=True)
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="+"
    )
    checked_on = models.DateField(_("last checked"))

    class Meta:
        verbose_name = _("rule value")
        verbose_name_plural = _("rules in force")
        ordering = ["code", "effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "effective_from"], name="unique_rule_value"),
            models.CheckConstraint(
                condition=models.Q(effective_to__isnull=True)
                | models.Q(effective_to__gte=models.F("effective_from")),
                name="rule_value_dates_ordered",
            ),
        ]
        indexes = [models.Index(fields=["effective_from", "code"])]

    def __str__(self) -> str:
        return f"{self.code} {self.effective_from.isoformat()}"

    @property
    def text(self) -> str:
        return localized(self, "text")

    def covers(self, day: date) -> bool:
        """Whether the row's dates include ``day``."""
        ended = self.effective_to is not None and day > self.effective_to
        return self.effective_from <= day and not ended
