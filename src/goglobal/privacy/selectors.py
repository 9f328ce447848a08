"""Who may export, erase or withdraw what: the role and the object, 404 otherwise."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from goglobal.accounts import rules
from goglobal.accounts.models import User
from goglobal.enterprises.models import Contact, Enterprise
from goglobal.enterprises.selectors import enterprise_of_member


def is_task_force(user: User) -> bool:
    return rules.can(user, "enterprise.view_contacts_any")


def _member_owns(user: User, enterprise: Enterprise) -> bool:
    own = enterprise_of_member(user) if user.is_authenticated and user.is_active else None
    return own is not None and own.pk == enterprise.pk


def enterprise_for_export(*, user: User, enterprise_id: int) -> Enterprise:
    """Officers and administrators: any live enterprise; a member: its own; nobody else."""
    enterprise = get_object_or_404(Enterprise, pk=enterprise_id, deleted_at__isnull=True)
    if is_task_force(user) or _member_owns(user, enterprise):
        return enterprise
    raise Http404


def contact_for_export(*, user: User, contact_id: int) -> Contact:
    contact = get_object_or_404(
        Contact.objects.select_related("enterprise"),
        pk=contact_id,
        enterprise__deleted_at__isnull=True,
    )
    if is_task_force(user) or _member_owns(user, contact.enterprise):
        return contact
    raise Http404


def enterprise_for_erasure(*, user: User, enterprise_id: int) -> Enterprise:
    if not is_task_force(user):
        raise Http404
    return get_object_or_404(Enterprise, pk=enterprise_id, deleted_at__isnull=True)


def contact_for_erasure(*, user: User, contact_id: int) -> Contact:
    if not is_task_force(user):
        raise Http404
    return get_object_or_404(
        Contact.objects.select_related("enterprise"),
        pk=contact_id,
        enterprise__deleted_at__isnull=True,
    )


def contact_for_withdrawal(*, user: User, contact_id: int) -> Contact:
    """An officer records a contact's withdrawal; a member withdraws for its own contacts."""
    return contact_for_export(user=user, contact_id=contact_id)
