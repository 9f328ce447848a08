"""Referrals of an enterprise need to providers: proposed → sent → answered → done."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.models import Role, User
from goglobal.cases import rules
from goglobal.cases.models import Case, CaseEvent, Referral, ReferralEvent, ReferralStatus
from goglobal.cases.services.keys import case_work_refresh
from goglobal.cases.signals import announce_cases_changed
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError, StaleRecordError
from goglobal.knowledge.models import NeedCode
from goglobal.providers.models import ProviderMembership, ServiceProvider


def reply_days() -> int:
    return int(getattr(settings, "GOGLOBAL_REFERRAL_REPLY_DAYS", 10))


@transaction.atomic
def referral_propose(
    *, case: Case, need: NeedCode, provider: ServiceProvider, actor: User, note: str = ""
) -> Referral:
    if Referral.objects.filter(case=case, need=need, provider=provider).exists():
        raise DomainError(_("This need has already been referred to this provider."))
    referral = Referral(case=case, need=need, provider=provider, note=note)
    referral.full_clean()
    referral.save()
    _record(referral=referral, actor=actor, before="", note=note)
    return referral


def _record(*, referral: Referral, actor: User | None, before: str, note: str = "") -> None:
    ReferralEvent.objects.create(
        referral=referral, actor=actor, from_status=before, to_status=referral.status, note=note
    )
    data = {
        "referral": referral.pk,
        "provider": referral.provider_id,
        "need": referral.need_id,
        "from": before,
        "to": referral.status,
    }
    CaseEvent.objects.create(
        case_id=referral.case_id, actor=actor, kind=CaseEvent.Kind.REFERRAL, data=data
    )
    audit_record(
        actor=actor,
        record=referral,
        action="updated",
        changes={"status": [before, referral.status]},
    )


def _acts_for(actor: User, *, side: str, referral: Referral) -> bool:
    if side == rules.OFFICER:
        return actor.role in {Role.ADMIN, Role.OFFICER}
    return (
        actor.role == Role.PROVIDER_MEMBER
        and ProviderMembership.objects.filter(user=actor, provider_id=referral.provider_id).exists()
    )


def _move(
    *,
    referral: Referral,
    target: str,
    actor: User,
    side: str,
    seen_version: int,
    note: str = "",
    **values: object,
) -> Referral:
    before = referral.status
    if not _acts_for(actor, side=side, referral=referral):
        raise DomainError(_("You may not change this referral."))
    if not rules.can_move_referral(before, target, side=side):
        raise DomainError(
            _("A referral that is “%(current)s” cannot become “%(target)s”.")
            % {"current": referral.get_status_display(), "target": ReferralStatus(target).label}
        )
    if rules.referral_needs_reason(target) and not note.strip():
        raise DomainError(_("Give a reason or an outcome."), field="note")
    now = timezone.now()
    updated = Referral.objects.filter(
        pk=referral.pk, version=seen_version, status=before, deleted_at__isnull=True
    ).update(status=target, version=F("version") + 1, updated_at=now, **values)
    if not updated:
        raise StaleRecordError(referral)
    referral.refresh_from_db()
    if ReferralStatus.SENT in (before, target):
        case_work_refresh(case_ids=[referral.case_id])
    _record(referral=referral, actor=actor, before=before, note=note.strip())
    announce_cases_changed([referral.case_id])
    return referral


@transaction.atomic
def referral_send(*, referral: Referral, actor: User, seen_version: int) -> Referral:
    return _move(
        referral=referral,
        target="sent",
        actor=actor,
        side=rules.OFFICER,
        seen_version=seen_version,
        sent_at=timezone.now(),
    )


@transaction.atomic
def referral_withdraw(
    *, referral: Referral, actor: User, seen_version: int, note: str = ""
) -> Referral:
    return _move(
        referral=referral,
        target="withdrawn",
        actor=actor,
        side=rules.OFFICER,
        seen_version=seen_version,
        note=note,
    )


@transaction.atomic
def referral_accept(*, referral: Referral, actor: User, seen_version: int) -> Referral:
    return _move(
        referral=referral,
        target="accepted",
        actor=actor,
        side=rules.PROVIDER,
        seen_version=seen_version,
        answered_at=timezone.now(),
    )


@transaction.atomic
def referral_decline(
    *, referral: Referral, actor: User, seen_version: int, reason: str
) -> Referral:
    return _move(
        referral=referral,
        target="declined",
        actor=actor,
        side=rules.PROVIDER,
        seen_version=seen_version,
        note=reason,
        decline_reason=reason.strip()[:300],
        answered_at=timezone.now(),
    )


@transaction.atomic
def referral_progress(*, referral: Referral, actor: User, seen_version: int, note: str) -> Referral:
    if not note.strip():
        raise DomainError(_("Describe the progress."), field="note")
    return _move(
        referral=referral,
        target="in_progress",
        actor=actor,
        side=rules.PROVIDER,
        seen_version=seen_version,
        note=note,
        progress_note=note.strip(),
    )


@transaction.atomic
def referral_complete(
    *, referral: Referral, actor: User, seen_version: int, outcome: str
) -> Referral:
    return _move(
        referral=referral,
        target="completed",
        actor=actor,
        side=rules.PROVIDER,
        seen_version=seen_version,
        note=outcome,
        outcome=outcome.strip(),
    )


def referrals_overdue(*, now: datetime.datetime | None = None) -> QuerySet[Referral]:
    """Referrals sent more than ``GOGLOBAL_REFERRAL_REPLY_DAYS`` ago without an answer."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=reply_days())
    return Referral.objects.filter(
        status=ReferralStatus.SENT, sent_at__lt=cutoff, deleted_at__isnull=True
    )
