"""Promotion events: slots, tables, participants, meeting requests, scheduler runs, meetings."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goglobal.cases.models import Interaction
from goglobal.core.i18n import localized
from goglobal.core.models import TimeStampedModel, VersionedModel
from goglobal.enterprises.models import Enterprise
from goglobal.providers.models import ServiceProvider

AGENDA_LANGUAGES = [("en", "English"), ("zh-hans", "简体中文"), ("zh-hant", "繁體中文")]


def validate_timezone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("“%(value)s” is not a time zone such as Asia/Shanghai."), params={"value": value}
        ) from error


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Registration open")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")


class Event(VersionedModel):
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh_hans = models.CharField(_("name (Simplified Chinese)"), max_length=200, blank=True)
    name_zh_hant = models.CharField(_("name (Traditional Chinese)"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Shanghai", validators=[validate_timezone]
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
    )
    mechanism = models.ForeignKey(
        "knowledge.Mechanism",
        verbose_name=_("co-operation mechanism"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("The inter-city co-operation mechanism the event is held under, if any."),
    )
    quota_enterprise = models.PositiveSmallIntegerField(
        _("most meetings per enterprise representative"), null=True, blank=True
    )
    quota_provider = models.PositiveSmallIntegerField(
        _("most meetings per service provider"), null=True, blank=True
    )
    quota_investor = models.PositiveSmallIntegerField(
        _("most meetings per investor"), null=True, blank=True
    )
    quota_official = models.PositiveSmallIntegerField(
        _("most meetings per official"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="event_days_in_order"
            )
        ]

    def __str__(self) -> str:
        return localized(self, "name")

    @property
    def name(self) -> str:
        return localized(self, "name")

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first day.")})

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def quota_for(self, kind: str) -> int | None:
        """The organiser's cap on meetings for participants of ``kind``; ``None``: no quota."""
        value: int | None = getattr(self, f"quota_{kind}", None)
        return value


class Slot(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="slots")
    day = models.DateField(_("day"))
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))

    class Meta:
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        ordering = ["start", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "start"], name="slot_unique_start"),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="slot_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start.isoformat()}–{self.end.isoformat()}"

    @property
    def key(self) -> str:
        """The slot's id in the scheduling engine's exchange format."""
        return f"s{self.pk}"


class Table(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="tables")
    label = models.CharField(_("label"), max_length=20)

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["label", "id"]
        constraints = [models.UniqueConstraint(fields=["event", "label"], name="table_unique")]

    def __str__(self) -> str:
        return self.label

    @property
    def key(self) -> str:
        return f"t{self.pk}"


class ParticipantKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("Enterprise representative")
    PROVIDER = "provider", _("Service provider")
    INVESTOR = "investor", _("Investor")
    OFFICIAL = "official", _("Official")


class Participant(VersionedModel):
    """A registered person; ``deleted_at`` marks a cancelled registration."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    full_name = models.CharField(_("full name"), max_length=200)
    organisation_name = models.CharField(_("organisation"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=ParticipantKind.choices)
    enterprise = models.ForeignKey(
        Enterprise,
        verbose_name=_("enterprise"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_participants",
    )
    provider = models.ForeignKey(
        ServiceProvider,
        verbose_name=_("service provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_participants",
    )
    email = models.EmailField(_("email"))
    language = models.CharField(
        _("agenda language"), max_length=10, choices=AGENDA_LANGUAGES, default="en"
    )
    available_slots = models.ManyToManyField(
        Slot, verbose_name=_("available in"), blank=True, related_name="participants"
    )
    max_meetings = models.PositiveSmallIntegerField(_("most meetings"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    no_show = models.BooleanField(_("did not come"), default=False)
    link_generation = models.PositiveIntegerField(
        _("agenda link generation"),
        default=0,
        help_text=_("Raised when staff withdraw the agenda links sent so far."),
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["organisation_name", "full_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="participant_unique_email")
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.organisation_name})"

    @property
    def key(self) -> str:
        return f"p{self.pk}"

    @property
    def is_present(self) -> bool:
        return self.deleted_at is None and not self.no_show


class Priority(models.TextChoices):
    MUST_MEET = "must_meet", _("Must meet")
    WOULD_LIKE = "would_like", _("Would like to meet")
    NO_THANKS = "no_thanks", _("No thanks")


PRIORITY_WEIGHTS = {Priority.MUST_MEET: 3, Priority.WOULD_LIKE: 1, Priority.NO_THANKS: 0}


class MeetingRequest(TimeStampedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="requests")
    requester = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="requests_made"
    )
    requested = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="requests_received"
    )
    priority = models.CharField(_("priority"), max_length=20, choices=Priority.choices)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["requester", "requested"], name="request_unique"),
            models.CheckConstraint(
                condition=~models.Q(requester=models.F("requested")), name="request_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester_id} → {self.requested_id} ({self.priority})"

    @property
    def weight(self) -> int:
        return PRIORITY_WEIGHTS[Priority(self.priority)]


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ScheduleRun(TimeStampedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    instance = models.JSONField(_("engine input"), default=dict)
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    value = models.PositiveIntegerField(_("value"), null=True, blank=True)
    upper_bound = models.PositiveIntegerField(_("upper bound"), null=True, blank=True)
    ratio = models.FloatField(_("ratio"), null=True, blank=True)
    seconds = models.FloatField(_("seconds"), null=True, blank=True)
    result = models.JSONField(_("engine result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    is_provisional = models.BooleanField(
        _("provisional"),
        default=False,
        help_text=_("Participants may ask to drop a meeting or move it before the final plan."),
    )

    class Meta:
        verbose_name = _("scheduler run")
        verbose_name_plural = _("scheduler runs")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"run {self.pk} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("events:run", args=[self.event_id, self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in {RunStatus.DONE, RunStatus.FAILED}


class Outcome(models.TextChoices):
    FOLLOW_UP = "follow_up", _("Follow-up wanted")
    INTERESTED = "interested", _("Interested")
    NOT_RELEVANT = "not_relevant", _("Not relevant")


class Meeting(VersionedModel):
    run = models.ForeignKey(ScheduleRun, on_delete=models.CASCADE, related_name="meetings")
    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="meetings")
    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="meetings")
    first = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveIntegerField(_("value"), default=0)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["slot__start", "table__label", "id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "slot", "table"], name="meeting_table_once"),
            models.UniqueConstraint(fields=["run", "first", "second"], name="meeting_pair_once"),
        ]

    def __str__(self) -> str:
        return f"{self.first_id}+{self.second_id} @ {self.slot_id}/{self.table_id}"

    def other(self, participant: Participant) -> Participant:
        return self.second if participant.pk == self.first_id else self.first


class MeetingEncounter(TimeStampedModel):
    """The interaction a meeting's outcome became on the case of one participant's enterprise."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="encounters")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    interaction = models.ForeignKey(
        Interaction,
        verbose_name=_("interaction"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("meeting encounter")
        verbose_name_plural = _("meeting encounters")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="encounter_once_per_participant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}/{self.participant_id}: {self.outcome}"


class AgendaBundle(TimeStampedModel):
    """Every agenda of an event as PDFs in one ZIP, built by a background job."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda_bundles")
    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    total = models.PositiveIntegerField(_("agendas to render"), default=0)
    done = models.PositiveIntegerField(_("agendas rendered"), default=0)
    file = models.FileField(_("file"), upload_to="events/agendas/", blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("agenda bundle")
        verbose_name_plural = _("agenda bundles")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"agendas {self.pk} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in {RunStatus.DONE, RunStatus.FAILED}

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, round(100 * self.done / self.total))


class ChangeKind(models.TextChoices):
    DROP = "drop", _("Drop this meeting")
    MOVE = "move", _("Another time, please")


class ChangeStatus(models.TextChoices):
    OPEN = "open", _("Open")
    APPLIED = "applied", _("Applied in a re-plan")


class ChangeRequest(TimeStampedModel):
    """A participant's request, on a provisional schedule, to drop or move one meeting."""

    run = models.ForeignKey(ScheduleRun, on_delete=models.CASCADE, related_name="change_requests")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="change_requests")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("request"), max_length=10, choices=ChangeKind.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ChangeStatus.choices, default=ChangeStatus.OPEN
    )

    class Meta:
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="change_request_once_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.meeting_id} by {self.participant_id}"
