"""What every background job carries and reports: the enqueuing request's id, its outcome.

``RequestIdQueue`` (the RQ queue class, see ``RQ["QUEUE_CLASS"]`` in the settings) stores the
current request id in each job's meta when the job is created; the ``task_started`` receiver
puts it back in the worker's context, so the job's log lines carry the request that caused it.
"""

from __future__ import annotations

import logging
from typing import Any

from django_rq.queues import DjangoRQ
from django_tasks.signals import task_enqueued, task_finished, task_started

from goglobal.core import metrics
from goglobal.core.request_context import current_request_id, set_request_id

logger = logging.getLogger("goglobal.jobs")
META_KEY = "request_id"


class RequestIdQueue(DjangoRQ):
    def create_job(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["meta"] = {META_KEY: current_request_id(), **(kwargs.get("meta") or {})}
        return super().create_job(*args, **kwargs)


def _task_name(task_result: Any) -> str:
    return str(task_result.task.module_path)


def _on_enqueued(sender: Any, task_result: Any, **kwargs: Any) -> None:
    logger.info("job enqueued", extra={"job_id": task_result.id, "task": _task_name(task_result)})


def _on_started(sender: Any, task_result: Any, **kwargs: Any) -> None:
    if metrics.uses_rq():
        set_request_id(_enqueuing_request_id(task_result))
    logger.info("job started", extra={"job_id": task_result.id, "task": _task_name(task_result)})


def _enqueuing_request_id(task_result: Any) -> str:
    """The request id stored with the RQ job (``task_started`` comes before RQ's own bookkeeping,
    so the job is read back by its id, which is the task result's)."""
    import django_rq

    try:
        job = django_rq.get_queue(task_result.task.queue_name).fetch_job(task_result.id)
    except Exception:
        logger.warning("could not read the job's request id", exc_info=True)
        return ""
    return str(job.meta.get(META_KEY, "")) if job is not None else ""


def _on_finished(sender: Any, task_result: Any, **kwargs: Any) -> None:
    status = str(task_result.status).lower()
    task = _task_name(task_result)
    logger.info("job finished", extra={"job_id": task_result.id, "task": task, "status": status})
    try:
        metrics.task_count(task=task, status=status)
    except Exception:
        logger.warning("could not count the job in the metrics", exc_info=True)


def connect() -> None:
    task_enqueued.connect(_on_enqueued, dispatch_uid="goglobal.jobs.enqueued")
    task_started.connect(_on_started, dispatch_uid="goglobal.jobs.started")
    task_finished.connect(_on_finished, dispatch_uid="goglobal.jobs.finished")
