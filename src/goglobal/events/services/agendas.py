"""PDF agendas: every participant's agenda of an event rendered into one ZIP by a job."""

from __future__ import annotations

import logging
import tempfile
import zipfile

from django.conf import settings
from django.core.files import File
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from goglobal.accounts.models import User
from goglobal.core.audit import audit_record
from goglobal.core.errors import DomainError
from goglobal.events import pdf
from goglobal.events.models import AgendaBundle, Event, Participant, RunStatus
from goglobal.events.selectors import agenda_token
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


# --- agendas by email ------------------------------------------------------------------------

AGENDA_MAIL_KEY = "agendas_emailed"


def agendas_email_start(*, actor: User, event: Event) -> int:
    """Queue the job that mails every participant its agenda; only for a published schedule.
    Returns how many participants it will write to."""
    if published_run(event) is None:
        raise DomainError(_("Publish a schedule before sending the agendas."))
    people = [person for person in _attending(event) if person.email]
    if not people:
        raise DomainError(_("The event has no participant to send an agenda to."))
    from goglobal.events.tasks import agendas_email_task

    actor_id = actor.pk
    transaction.on_commit(lambda: agendas_email_task.enqueue(event_id=event.pk, actor_id=actor_id))
    return len(people)


def agenda_email_send(*, participant: Participant, site_url: str) -> None:
    """One participant's agenda: the link to its page (which stays current) and the PDF."""
    link = site_url.rstrip("/") + reverse("events:agenda", args=[agenda_token(participant)])
    with translation.override(participant.language or "en"):
        context = {"participant": participant, "event": participant.event, "link": link}
        subject = _("Your meetings at %(event)s") % {"event": participant.event.name}
        body = render_to_string("events/agenda_email.txt", context)
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [participant.email])
        message.attach(
            pdf.agenda_filename(participant), pdf.agenda_pdf(participant), "application/pdf"
        )
    message.send()


def agendas_email_send(*, event: Event, actor: User | None) -> int:
    """Mail every participant of ``event`` its agenda; a failure for one is logged and the rest
    still go. Recorded on the event's audit trail with the numbers sent and failed."""
    site_url = str(getattr(settings, "GOGLOBAL_SITE_URL", ""))
    sent = failed = 0
    for person in _attending(event):
        if not person.email:
            continue
        try:
            agenda_email_send(participant=person, site_url=site_url)
        except Exception:
            logger.exception("agenda email to participant %s failed", person.pk)
            failed += 1
        else:
            sent += 1
    audit_record(
        actor=actor,
        record=event,
        action="updated",
        changes={AGENDA_MAIL_KEY: {"sent": sent, "failed": failed}},
    )
    return sent
