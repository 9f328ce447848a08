"""Delegations: members, sub-groups, venues with travel times, programme, visits and runs."""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goglobal.cases.models import Interaction
from goglobal.core.i18n import localized
from goglobal.core.models import TimeStampedModel, VersionedModel
from goglobal.enterprises.models import Enterprise
from goglobal.events.models import AGENDA_LANGUAGES, Outcome, RunStatus, validate_timezone
from goglobal.providers.models import ServiceProvider


class Direction(models.TextChoices):
    TO_MAINLAND = "to_mainland", _("Outbound to a mainland city")
    TO_MARKET = "to_market", _("Outbound to a target market")
    INBOUND = "inbound", _("Inbound to Hong Kong")


class Delegation(VersionedModel):
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=200, blank=True)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=200, blank=True)
    direction = models.CharField(_("direction"), max_length=20, choices=Direction.choices)
    places = models.CharField(
        _("cities or markets visited"),
        max_length=300,
        help_text=_("For example: Shanghai, Hangzhou."),
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Hong_Kong", validators=[validate_timezone]
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    day_starts_at = models.TimeField(_("programme starts at"), default=datetime.time(9, 0))
    day_ends_at = models.TimeField(_("programme ends at"), default=datetime.time(18, 0))
    slot_minutes = models.PositiveSmallIntegerField(
        _("meeting length (minutes)"),
        default=45,
        validators=[MinValueValidator(15), MaxValueValidator(240)],
    )
    mechanism = models.ForeignKey(
        "knowledge.Mechanism",
        verbose_name=_("co-operation mechanism"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delegations",
        help_text=_("The inter-city co-operation mechanism the delegation travels under, if any."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer or organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_delegations",
    )

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="delegation_days_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(day_ends_at__gt=models.F("day_starts_at")),
                name="delegation_hours_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    def clean(self) -> None:
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The last day cannot be before the first day.")
        if self.starts_on and self.ends_on and (self.ends_on - self.starts_on).days > 30:
            errors["ends_on"] = _("A delegation lasts at most 31 days.")
        if self.day_starts_at and self.day_ends_at and self.day_ends_at <= self.day_starts_at:
            errors["day_ends_at"] = _("The programme must end after it starts.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self) -> str:
        return reverse("delegations:detail", args=[self.pk])

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def days(self) -> list[datetime.date]:
        count = (self.ends_on - self.starts_on).days + 1
        return [self.starts_on + datetime.timedelta(days=i) for i in range(count)]


class Venue(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="venues")
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["delegation", "name"], name="venue_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def key(self) -> str:
        return f"v{self.pk}"


class TravelTime(models.Model):
    """Minutes between two venues, both ways; once per pair (``origin.pk < destination.pk``)."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="travel")
    origin = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="+")
    destination = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="+")
    minutes = models.PositiveSmallIntegerField(_("minutes"), validators=[MaxValueValidator(1440)])

    class Meta:
        verbose_name = _("travel time")
        verbose_name_plural = _("travel times")
        ordering = ["origin_id", "destination_id"]
        constraints = [
            models.UniqueConstraint(fields=["origin", "destination"], name="travel_unique_pair"),
            models.CheckConstraint(
                condition=models.Q(origin__lt=models.F("destination")), name="travel_pair_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.origin_id}–{self.destination_id}: {self.minutes}"


class SubGroup(models.Model):
    """Part of the delegation that splits off for its own visits and meetings, then rejoins."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="subgroups")
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("sub-group")
        verbose_name_plural = _("sub-groups")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["delegation", "name"], name="subgroup_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def key(self) -> str:
        return f"g{self.pk}"


class MemberKind(models.TextChoices):
    OFFICIAL = "official", _("Official")
    OFFICER = "officer", _("Officer")
    ENTERPRISE = "enterprise", _("Enterprise representative")
    PROVIDER = "provider", _("Service provider")


class Member(TimeStampedModel):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="members")
    full_name = models.CharField(_("full name"), max_length=200)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=MemberKind.choices)
    subgroup = models.ForeignKey(
        SubGroup,
        verbose_name=_("sub-group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    enterprise = models.ForeignKey(
        Enterprise,
        verbose_name=_("enterprise"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delegation_members",
    )
    provider = models.ForeignKey(
        ServiceProvider,
        verbose_name=_("service provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delegation_members",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delegation_memberships",
        help_text=_("The account that may read this member's itinerary."),
    )
    language = models.CharField(
        _("itinerary language"), max_length=10, choices=AGENDA_LANGUAGES, default="en"
    )

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["full_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "user"],
                condition=models.Q(user__isnull=False),
                name="member_user_once",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def key(self) -> str:
        return f"m{self.pk}"


class Host(models.Model):
    """An enterprise or body the delegation visits, met at its venue."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="hosts")
    name = models.CharField(_("name"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.PROTECT, related_name="hosts"
    )
    enterprise = models.ForeignKey(
        Enterprise,
        verbose_name=_("enterprise"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delegation_hosts",
    )

    class Meta:
        verbose_name = _("visited enterprise or body")
        verbose_name_plural = _("visited enterprises and bodies")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def key(self) -> str:
        return f"h{self.pk}"


class ItemKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    SITE_VISIT = "site_visit", _("Site visit")


class ProgrammeItem(models.Model):
    """A fixed part of the programme: a plenary or a site visit, for everyone or a sub-group."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="programme")
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    title = models.CharField(_("title"), max_length=200)
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.PROTECT, related_name="items"
    )
    subgroup = models.ForeignKey(
        SubGroup,
        verbose_name=_("sub-group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
        help_text=_("Leave empty for the whole delegation."),
    )
    day = models.DateField(_("day"))
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"))

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["day", "starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="item_hours_in_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The item must end after it starts.")})

    def start(self, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
        return datetime.datetime.combine(self.day, self.starts_at, tzinfo=zone)

    def end(self, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
        return datetime.datetime.combine(self.day, self.ends_at, tzinfo=zone)


class VisitPriority(models.TextChoices):
    MUST = "must", _("Must take place")
    WANTED = "wanted", _("Wanted")


VISIT_WEIGHTS = {VisitPriority.MUST: 10, VisitPriority.WANTED: 3}


class VisitRequest(TimeStampedModel):
    """A meeting to schedule with a host: one member (one-to-one) or a sub-group (group)."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="requests")
    host = models.ForeignKey(
        Host, verbose_name=_("visited enterprise or body"), on_delete=models.PROTECT
    )
    member = models.ForeignKey(
        Member,
        verbose_name=_("member (one-to-one)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requests",
    )
    subgroup = models.ForeignKey(
        SubGroup,
        verbose_name=_("sub-group (group meeting)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requests",
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=VisitPriority.choices, default=VisitPriority.WANTED
    )

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(member__isnull=False, subgroup__isnull=True)
                    | models.Q(member__isnull=True, subgroup__isnull=False)
                ),
                name="visit_request_member_or_group",
            )
        ]

    def __str__(self) -> str:
        return f"{self.host_id} ← {self.member_id or self.subgroup_id}"

    def clean(self) -> None:
        if (self.member_id is None) == (self.subgroup_id is None):
            raise ValidationError(
                {"member": _("Choose either one member or one sub-group, not both.")}
            )

    @property
    def weight(self) -> int:
        return VISIT_WEIGHTS[VisitPriority(self.priority)]


class DelegationRun(TimeStampedModel):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    instance = models.JSONField(_("engine input"), default=dict)
    value = models.PositiveIntegerField(_("value"), null=True, blank=True)
    upper_bound = models.PositiveIntegerField(_("upper bound"), null=True, blank=True)
    seconds = models.FloatField(_("seconds"), null=True, blank=True)
    result = models.JSONField(_("engine result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_published = models.BooleanField(_("published"), default=False)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("published run re-planned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The published run this run re-plans, keeping its meetings that still hold."),
    )
    kept = models.JSONField(_("kept meetings"), default=list, blank=True)

    class Meta:
        verbose_name = _("programme run")
        verbose_name_plural = _("programme runs")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"run {self.pk} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("delegations:run", args=[self.delegation_id, self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in {RunStatus.DONE, RunStatus.FAILED}


# A delegation's meeting ends the way an event meeting does: the same outcomes, the same words.
VisitOutcome = Outcome


class Visit(VersionedModel):
    """A scheduled meeting of the programme: members with a host, at the host's venue."""

    run = models.ForeignKey(DelegationRun, on_delete=models.CASCADE, related_name="visits")
    host = models.ForeignKey(Host, on_delete=models.PROTECT, related_name="visits")
    members = models.ManyToManyField(Member, related_name="visits")
    subgroup = models.ForeignKey(
        SubGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="visits")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    value = models.PositiveIntegerField(_("value"), default=0)
    held = models.BooleanField(_("held"), default=False)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=VisitOutcome.choices, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("programme meeting")
        verbose_name_plural = _("programme meetings")
        ordering = ["start", "id"]

    def __str__(self) -> str:
        return f"{self.host_id} @ {self.start.isoformat()}"

    def get_absolute_url(self) -> str:
        return reverse("delegations:visit", args=[self.run.delegation_id, self.pk])


class VisitEncounter(TimeStampedModel):
    """The interaction a held meeting became on one enterprise's case."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="encounters")
    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=20, choices=VisitOutcome.choices)
    interaction = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("meeting encounter")
        verbose_name_plural = _("meeting encounters")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "enterprise"], name="visit_encounter_once_per_enterprise"
            )
        ]

    def __str__(self) -> str:
        return f"{self.visit_id}/{self.enterprise_id}: {self.outcome}"
