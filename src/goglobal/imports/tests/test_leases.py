"""A job whose worker died is taken over once its lease runs out, and finishes exactly once."""

from datetime import timedelta

from django.utils import timezone

from goglobal.core.models import AuditEvent
from goglobal.enterprises.models import Enterprise
from goglobal.imports import services
from goglobal.imports.models import ImportJob, ImportStatus
from goglobal.imports.tests.factories import EnterpriseRowFactory, csv_bytes, upload


def _queued_job(officer, rows=3):
    content = csv_bytes("enterprises", EnterpriseRowFactory.build_batch(rows))
    return services.import_job_create(
        actor=officer,
        kind="enterprises",
        upload=upload(content),
        dry_run=False,
        run_in_background=False,
    )


def _abandon(job, *, expired):
    """What a worker that died after claiming the job leaves behind."""
    lease = timezone.now() + timedelta(seconds=-5 if expired else 60)
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.RUNNING, attempts=1, lease_expires_at=lease
    )


def test_a_running_job_with_a_live_lease_is_left_to_its_worker(officer):
    job = _queued_job(officer)
    _abandon(job, expired=False)

    result = services.import_run(job=job)

    assert (result.status, result.attempts) == ("running", 1)
    assert Enterprise.objects.count() == 0


def test_a_job_whose_lease_ran_out_is_taken_over_and_finishes_once(officer):
    job = _queued_job(officer)
    _abandon(job, expired=True)

    result = services.import_run(job=job)
    again = services.import_run(job=job)

    assert (result.status, result.attempts, result.created_count) == ("succeeded", 2, 3)
    assert result.lease_expires_at is None
    assert (again.status, again.attempts) == ("succeeded", 2)
    assert Enterprise.objects.count() == 3
    assert AuditEvent.objects.filter(changes__import_job=job.pk).count() == 3


def test_a_worker_that_lost_its_claim_cannot_record_a_result(officer):
    job = _queued_job(officer)
    _abandon(job, expired=True)
    assert services._claim(job) == 2  # a second worker takes over while the first still runs

    late = services._finish(job, 1, ImportStatus.FAILED, services.Counts(), [])

    assert late is False
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("running", 2)
    assert services._finish(job, 2, ImportStatus.SUCCEEDED, services.Counts(), []) is True


def test_resume_enqueues_expired_jobs_and_gives_up_after_three_workers(officer):
    stale = _queued_job(officer)
    _abandon(stale, expired=True)
    doomed = _queued_job(officer)
    _abandon(doomed, expired=True)
    ImportJob.objects.filter(pk=doomed.pk).update(attempts=3)
    live = _queued_job(officer)
    _abandon(live, expired=False)

    ids = services.import_jobs_resume()

    assert ids == [stale.pk]
    stale.refresh_from_db()
    doomed.refresh_from_db()
    live.refresh_from_db()
    assert (stale.status, stale.created_count) == ("succeeded", 3)  # the inline backend ran it
    assert doomed.status == "failed"
    assert live.status == "running"
