"""Cases: the task force's engagement with one enterprise, and what happens in it."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goglobal.core.fields import KeyList
from goglobal.core.models import TimeStampedModel, VersionedModel
from goglobal.enterprises.models import Contact, Enterprise, Priority
from goglobal.knowledge.models import Country, Mechanism, NeedCode
from goglobal.providers.models import ServiceProvider


class Stage(models.TextChoices):
    LEAD = "lead", _("lead")
    QUALIFIED = "qualified", _("qualified")
    NEEDS_ASSESSED = "needs_assessed", _("needs assessed")
    MATCHED = "matched", _("matched")
    IN_PROGRESS = "in_progress", _("in progress")
    LANDED_HK = "landed_hk", _("landed in Hong Kong")
    EXPANDED_ABROAD = "expanded_abroad", _("expanded abroad")
    DORMANT = "dormant", _("dormant")
    CLOSED = "closed", _("closed")


class Origin(models.TextChoices):
    EVENT = "event", _("event")
    INBOUND = "inbound", _("inbound registration")
    MECHANISM = "mechanism", _("referral from a co-operation mechanism")
    OUTREACH = "outreach", _("outreach")


class Case(VersionedModel):
    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("enterprise"), on_delete=models.PROTECT, related_name="cases"
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.LEAD)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_cases",
    )
    priority = models.CharField(
        _("priority"), max_length=8, choices=Priority.choices, default=Priority.MEDIUM
    )
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices)
    mechanism = models.ForeignKey(
        Mechanism,
        verbose_name=_("co-operation mechanism"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        help_text=_("Only for cases referred from a co-operation mechanism."),
    )
    next_action = models.CharField(_("next action"), max_length=200, blank=True)
    next_action_on = models.DateField(_("next action date"), null=True, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    closed_reason = models.CharField(_("reason for closing"), max_length=300, blank=True)
    stage_changed_at = models.DateTimeField(_("stage changed"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Copies for the pipeline's filters and sorts, so that any filtered board or list reads the
    # cases table alone. Written only by ``services.keys``: the enterprise's name, city, sector
    # and section, its needs and target markets as ``filter_keys`` ("need:…", "country:…",
    # "group:…"), the earliest due date of an open task and the earliest sending of a referral
    # still unanswered.
    enterprise_name = models.CharField(max_length=200, blank=True, editable=False)
    enterprise_city = models.CharField(max_length=12, blank=True, editable=False)
    enterprise_sector = models.CharField(max_length=2, blank=True, editable=False)
    enterprise_section = models.CharField(max_length=1, blank=True, editable=False)
    filter_keys = KeyList(editable=False)
    task_due_on = models.DateField(null=True, blank=True, editable=False)
    waiting_since = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise"],
                condition=models.Q(deleted_at__isnull=True),
                name="one_open_case_per_enterprise",
            )
        ]
        indexes = [
            # The board's columns: newest first within a stage, read in index order.
            models.Index(
                fields=["stage", "-updated_at", "-id"],
                condition=models.Q(deleted_at__isnull=True),
                name="case_board_column",
            ),
            # The board's per-stage counts, whole or for one owner: an index-only count of a
            # small index (about 0.7 MB at 100,000 cases) instead of reading the table.
            models.Index(
                fields=["stage", "owner"],
                condition=models.Q(deleted_at__isnull=True),
                name="case_stage_count",
            ),
            # Per-stage counts of the filtered board read from these indexes alone.
            models.Index(
                fields=["enterprise_section", "stage"],
                condition=models.Q(deleted_at__isnull=True),
                name="case_by_section",
            ),
            models.Index(
                fields=["enterprise_sector", "stage"],
                condition=models.Q(deleted_at__isnull=True),
                name="case_by_sector",
            ),
            models.Index(
                fields=["enterprise_city", "stage"],
                condition=models.Q(deleted_at__isnull=True),
                name="case_by_city",
            ),
            models.Index(
                fields=["stage", "next_action_on", "task_due_on", "waiting_since"],
                condition=models.Q(deleted_at__isnull=True),
                name="case_attention",
            ),
            # The board sorted by enterprise name: each column walked in name order.
            models.Index(
                fields=["stage", "enterprise_name", "id"],
                condition=models.Q(deleted_at__isnull=True),
                name="case_board_by_name",
            ),
            # The list, whole or for one owner, newest first. Partial, not led by ``deleted_at``:
            # PostgreSQL 15 will not read an index in order past an ``IS NULL`` on its first
            # column, and sorted all 100,000 cases for each page instead.
            models.Index(
                fields=["-updated_at", "-id"],
                condition=models.Q(deleted_at__isnull=True),
                name="case_list_live",
            ),
            models.Index(
                fields=["owner", "-updated_at", "-id"],
                condition=models.Q(deleted_at__isnull=True),
                name="case_owner_live",
            ),
            models.Index(
                fields=["enterprise_name", "id"],
                condition=models.Q(deleted_at__isnull=True),
                name="case_list_by_name",
            ),
        ]

    def __str__(self) -> str:
        return str(self.enterprise_id)

    def get_absolute_url(self) -> str:
        return reverse("cases:detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if self.mechanism_id is not None and self.origin != Origin.MECHANISM:
            raise ValidationError(
                {
                    "mechanism": _(
                        "A mechanism can only be set when the origin is "
                        "“referral from a co-operation mechanism”."
                    )
                }
            )

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.next_action_on is not None and self.next_action_on < today


class CaseEvent(models.Model):
    """One thing that happened to a case: the timeline and the change history."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("case opened")
        STAGE_MOVED = "stage_moved", _("stage changed")
        UPDATED = "updated", _("details changed")
        ASSIGNED = "assigned", _("owner changed")
        OUTCOME = "outcome", _("outcome recorded")
        INTERACTION = "interaction", _("interaction logged")
        TASK_DONE = "task_done", _("task completed")
        REFERRAL = "referral", _("referral changed")
        CONFIRMATION = "confirmation", _("outcome confirmation")
        ROADMAP_TASKS = "roadmap_tasks", _("tasks made from the roadmap")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["case", "-created_at"], name="case_event_timeline"),
            # The impact figures read stage moves by day (analytics).
            models.Index(
                fields=["created_at", "case"],
                condition=models.Q(kind="stage_moved"),
                name="case_event_stage_moves",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}:{self.kind}"


class Confirmation(models.TextChoices):
    NOT_REQUESTED = "not_requested", _("not requested")
    NO_CONTACT = "no_contact", _("no consenting contact")
    REQUESTED = "requested", _("waiting for the enterprise")
    CONFIRMED = "confirmed", _("confirmed by the enterprise")
    DISPUTED = "disputed", _("disputed by the enterprise")
    UNCONFIRMED = "unconfirmed", _("unconfirmed (no answer)")


class Outcome(TimeStampedModel):
    class Kind(models.TextChoices):
        HK_ENTITY = "hk_entity_incorporated", _("Hong Kong entity incorporated")
        REGIONAL_HQ = "regional_hq", _("regional headquarters set up")
        TREASURY = "treasury_centre", _("treasury centre set up")
        RND_HUB = "rnd_hub", _("R&D hub set up")
        SUPPLY_CHAIN = "supply_chain_centre", _("supply-chain centre set up")
        FUNDS_RAISED = "funds_raised", _("funds raised")
        MARKET_ENTERED = "market_entered", _("market entered")
        JOBS_CREATED = "jobs_created", _("jobs created in Hong Kong")

    class Route(models.TextChoices):
        IPO = "ipo", _("IPO")
        PRIVATE = "private", _("private placement")
        DEBT = "debt", _("debt")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(_("milestone"), max_length=30, choices=Kind.choices)
    achieved_on = models.DateField(_("date"))
    amount = models.DecimalField(
        _("amount"), max_digits=16, decimal_places=0, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    route = models.CharField(_("route"), max_length=10, choices=Route.choices, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("market"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    jobs = models.PositiveIntegerField(_("jobs"), null=True, blank=True)
    notes = models.CharField(_("notes"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The enterprise's own word on the outcome (``services.confirmations``): a signed link that
    # expires goes to a consenting contact; an edit after it was answered starts over.
    confirmation = models.CharField(
        _("confirmation"),
        max_length=20,
        choices=Confirmation.choices,
        default=Confirmation.NOT_REQUESTED,
    )
    confirmation_contact = models.ForeignKey(
        Contact,
        verbose_name=_("asked"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmation_sent_at = models.DateTimeField(_("confirmation requested"), null=True, blank=True)
    confirmation_sends = models.PositiveSmallIntegerField(_("requests sent"), default=0)
    confirmation_nonce = models.CharField(max_length=32, blank=True, editable=False)
    confirmation_answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    confirmation_comment = models.TextField(_("enterprise's comment"), blank=True)
    confirmation_rating = models.PositiveSmallIntegerField(
        _("how much the task force's help mattered (1–5)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["-achieved_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="funds_raised")
                | (models.Q(amount__isnull=False) & ~models.Q(currency="") & ~models.Q(route="")),
                name="outcome_funds_have_amount_currency_route",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="market_entered") | models.Q(country__isnull=False),
                name="outcome_market_has_country",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="jobs_created") | models.Q(jobs__isnull=False),
                name="outcome_jobs_have_count",
            ),
            models.CheckConstraint(
                condition=models.Q(confirmation_rating__isnull=True)
                | models.Q(confirmation_rating__gte=1, confirmation_rating__lte=5),
                name="outcome_rating_one_to_five",
            ),
        ]
        indexes = [
            models.Index(
                fields=["confirmation", "confirmation_sent_at"], name="outcome_confirmation"
            ),
            models.Index(fields=["kind", "achieved_on"], name="outcome_kind_on"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}:{self.kind}"


class Interaction(TimeStampedModel):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("meeting")
        CALL = "call", _("call")
        EMAIL = "email", _("email")
        VISIT = "visit", _("visit")
        EVENT = "event", _("event encounter")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="interactions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    occurred_on = models.DateField(_("date"))
    summary = models.TextField(_("summary"))
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("officers"), blank=True, related_name="+"
    )
    contacts = models.ManyToManyField(
        Contact, verbose_name=_("enterprise contacts"), blank=True, related_name="+"
    )
    providers = models.ManyToManyField(
        ServiceProvider, verbose_name=_("providers"), blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["case", "-occurred_on"], name="interaction_timeline")]

    def __str__(self) -> str:
        return f"{self.case_id}:{self.kind}:{self.occurred_on}"


class Task(TimeStampedModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=200)
    due_on = models.DateField(_("due"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="case_tasks",
    )
    interaction = models.ForeignKey(
        Interaction, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The roadmap step this task carries out (the step's id in the enterprise's roadmap).
    roadmap_step = models.CharField(_("roadmap step"), max_length=60, blank=True, default="")

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["assignee", "done_at", "due_on"], name="task_due"),
            # "Overdue" reads the late open tasks' case ids from this index alone.
            models.Index(
                fields=["due_on", "case"],
                condition=models.Q(done_at__isnull=True),
                name="task_open_due",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return not self.is_done and self.due_on < (today or timezone.localdate())


class ReferralStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    SENT = "sent", _("sent")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Referral(VersionedModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    need = models.ForeignKey(
        NeedCode, verbose_name=_("need"), on_delete=models.PROTECT, related_name="+"
    )
    provider = models.ForeignKey(
        ServiceProvider,
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.PROPOSED
    )
    note = models.TextField(_("note to the provider"), blank=True)
    decline_reason = models.CharField(_("reason for declining"), max_length=300, blank=True)
    progress_note = models.TextField(_("progress"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "need", "provider"], name="one_referral_per_case_need_provider"
            )
        ]
        indexes = [
            models.Index(fields=["provider", "status", "-created_at"], name="referral_inbox"),
            # With case_id, "overdue" reads the unanswered referrals' cases from the index alone.
            models.Index(fields=["status", "sent_at", "case"], name="referral_waiting"),
            # Providers' answer times for a period (impact figures) read only that period's
            # answered referrals, not the whole table.
            models.Index(
                fields=["answered_at", "sent_at", "case"],
                name="referral_answered",
                condition=models.Q(answered_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}:{self.need_id}->{self.provider_id}"

    def get_absolute_url(self) -> str:
        return reverse("cases:provider_referral", args=[self.pk])


class ReferralEvent(models.Model):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, choices=ReferralStatus.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("referral event")
        verbose_name_plural = _("referral events")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["to_status", "created_at"], name="referral_event_by_status")
        ]

    def __str__(self) -> str:
        return f"{self.referral_id}:{self.from_status}->{self.to_status}"


class SavedFilter(TimeStampedModel):
    """A pipeline filter an officer saved under a name; private to that officer."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_filters"
    )
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(_("filters"), max_length=500)

    class Meta:
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="unique_saved_filter_name")
        ]

    def __str__(self) -> str:
        return self.name
