"""Interactions with an enterprise, the tasks that follow, and the officers' daily digest."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from goglobal.accounts.models import Role, User
from goglobal.cases.models import Case, CaseEvent, Interaction, Task
from goglobal.cases.services.keys import case_work_refresh
from goglobal.cases.services.referrals import referrals_overdue
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError
from goglobal.enterprises.models import Contact
from goglobal.providers.models import ServiceProvider


@dataclass(frozen=True)
class FollowUp:
    title: str
    due_on: datetime.date
    assignee: User | None = None


@transaction.atomic
def interaction_log(
    *,
    case: Case,
    actor: User,
    kind: str,
    occurred_on: datetime.date,
    summary: str,
    officers: Iterable[User] = (),
    contacts: Iterable[Contact] = (),
    providers: Iterable[ServiceProvider] = (),
    follow_up: FollowUp | None = None,
) -> Interaction:
    contacts = list(contacts)
    if any(contact.enterprise_id != case.enterprise_id for contact in contacts):
        raise DomainError(_("Choose contacts of this enterprise only."), field="contacts")
    interaction = Interaction(
        case=case, kind=kind, occurred_on=occurred_on, summary=summary, created_by=actor
    )
    interaction.full_clean()
    interaction.save()
    interaction.officers.set(list(officers) or [actor])
    interaction.contacts.set(contacts)
    interaction.providers.set(list(providers))
    data = {"interaction": interaction.pk, "kind": kind, "on": occurred_on.isoformat()}
    CaseEvent.objects.create(case=case, actor=actor, kind=CaseEvent.Kind.INTERACTION, data=data)
    audit_record(actor=actor, record=case, action="updated", changes={"interaction": [None, data]})
    if follow_up is not None:
        task_add(case=case, actor=actor, follow_up=follow_up, interaction=interaction)
    return interaction


@transaction.atomic
def task_add(
    *, case: Case, actor: User, follow_up: FollowUp, interaction: Interaction | None = None
) -> Task:
    task = Task(
        case=case,
        title=follow_up.title,
        due_on=follow_up.due_on,
        assignee=follow_up.assignee or case.owner or actor,
        interaction=interaction,
    )
    task.full_clean()
    task.save()
    case_work_refresh(case_ids=[case.pk])
    return task


@transaction.atomic
def task_complete(*, task: Task, actor: User) -> Task:
    if task.is_done:
        return task
    task.done_at = timezone.now()
    task.done_by = actor
    task.save(update_fields=["done_at", "done_by", "updated_at"])
    case_work_refresh(case_ids=[task.case_id])
    CaseEvent.objects.create(
        case_id=task.case_id,
        actor=actor,
        kind=CaseEvent.Kind.TASK_DONE,
        data={"task": task.pk, "title": task.title},
    )
    return task


def digest_send(*, today: datetime.date | None = None) -> int:
    """Email each officer their tasks due today or overdue and unanswered referrals on their
    cases; returns how many emails were sent."""
    today = today or timezone.localdate()
    tasks = Task.objects.filter(done_at__isnull=True, due_on__lte=today).select_related(
        "case__enterprise"
    )
    waiting = referrals_overdue().select_related("case__enterprise", "provider", "need")
    by_user: dict[int, dict[str, list[object]]] = {}
    for task in tasks:
        if task.assignee_id:
            by_user.setdefault(task.assignee_id, {"tasks": [], "referrals": []})["tasks"].append(
                task
            )
    for referral in waiting:
        if referral.case.owner_id:
            slot = by_user.setdefault(referral.case.owner_id, {"tasks": [], "referrals": []})
            slot["referrals"].append(referral)
    sent = 0
    recipients = User.objects.filter(
        pk__in=by_user, is_active=True, role__in=[Role.ADMIN, Role.OFFICER]
    )
    for user in recipients:
        with translation.override(user.preferred_language):
            context = {"user": user, "today": today, **by_user[user.pk]}
            body = render_to_string("cases/digest.txt", context)
            subject = _("Your cases today: %(count)d items") % {
                "count": len(by_user[user.pk]["tasks"]) + len(by_user[user.pk]["referrals"])
            }
        send_mail(subject, body, None, [user.email])
        sent += 1
    return sent
