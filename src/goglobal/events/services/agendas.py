"""PDF agendas: every participant's agenda of an event rendered into one ZIP by a job."""

from __future__ import annotations

import logging
import tempfile
import zipfile

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError
from goglobal.events import pdf
from goglobal.events.models import AgendaBundle, Event, Participant, RunStatus
from goglobal.events.services.scheduling import published_run

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 10


def _attending(event: Event) -> list[Participant]:
    return list(
        Participant.objects.filter(event=event, deleted_at__isnull=True)
        .select_related("event")
        .order_by("id")
    )


@transaction.atomic
def agenda_bundle_start(*, actor: User, event: Event) -> AgendaBundle:
    """Queue the job; one bundle at a time per event, and only for a published schedule."""
    Event.objects.select_for_update().filter(pk=event.pk).first()
    if published_run(event) is None:
        raise DomainError(_("Publish a schedule before preparing the agendas."))
    if event.agenda_bundles.filter(status__in=[RunStatus.QUEUED, RunStatus.RUNNING]).exists():
        raise DomainError(_("The agendas are already being prepared."))
    bundle = AgendaBundle.objects.create(
        event=event, created_by=actor, total=len(_attending(event))
    )
    audit_record(actor=actor, record=event, action="updated", changes={"agendas": bundle.pk})
    from goglobal.events.tasks import agenda_bundle_task

    transaction.on_commit(lambda: agenda_bundle_task.enqueue(bundle_id=bundle.pk))
    return bundle


def agenda_bundle_build(*, bundle: AgendaBundle) -> AgendaBundle:
    """Render each agenda into a ZIP; a bundle already claimed by another worker is left alone."""
    claimed = AgendaBundle.objects.filter(pk=bundle.pk, status=RunStatus.QUEUED).update(
        status=RunStatus.RUNNING, updated_at=timezone.now()
    )
    if not claimed:
        bundle.refresh_from_db()
        return bundle
    try:
        people = _attending(bundle.event)
        AgendaBundle.objects.filter(pk=bundle.pk).update(total=len(people), done=0)
        with tempfile.TemporaryFile() as spool:
            with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for number, person in enumerate(people, start=1):
                    archive.writestr(pdf.agenda_filename(person), pdf.agenda_pdf(person))
                    if number % PROGRESS_EVERY == 0:
                        AgendaBundle.objects.filter(pk=bundle.pk).update(
                            done=number, updated_at=timezone.now()
                        )
            spool.seek(0)
            bundle.refresh_from_db()
            bundle.file.save(f"event-{bundle.event_id}-agendas-{bundle.pk}.zip", File(spool))
        AgendaBundle.objects.filter(pk=bundle.pk).update(
            status=RunStatus.DONE, done=len(people), updated_at=timezone.now()
        )
    except Exception as error:
        logger.exception("agenda bundle %s failed", bundle.pk)
        AgendaBundle.objects.filter(pk=bundle.pk).update(
            status=RunStatus.FAILED, error=str(error)[:2000], updated_at=timezone.now()
        )
    bundle.refresh_from_db()
    return bundle
