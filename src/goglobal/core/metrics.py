"""Prometheus metrics: requests by view, background jobs, queue depth.

Web processes record requests in ``prometheus_client`` metrics. Under gunicorn with several
workers each worker keeps its own figures, so ``PROMETHEUS_MULTIPROC_DIR`` must name an empty
folder shared by the workers of one server (``goglobal.config.gunicorn`` empties it at start and
marks exited workers dead); the endpoint then adds every worker's figures up.

Jobs run in RQ's short-lived work horses, so their counts are kept in Redis (one hash, shared
by every worker and surviving restarts) and read, with each queue's depth, when scraped. With
the inline backend the jobs run in the web process and are counted there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

REQUESTS = Counter(
    "goglobal_http_requests",
    "HTTP requests answered, by view, method and status.",
    ["view", "method", "status"],
)
LATENCY = Histogram(
    "goglobal_http_request_duration_seconds",
    "Time to answer an HTTP request, by view.",
    ["view", "method"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 5.0, 10.0),
)
INLINE_TASKS = Counter(
    "goglobal_inline_tasks",
    "Jobs run inline in this process, by task and status.",
    ["task", "status"],
)
TASK_COUNTS_KEY = "goglobal:metrics:tasks"
CONTENT_TYPE = CONTENT_TYPE_LATEST


def request_observe(*, view: str, method: str, status: int, seconds: float) -> None:
    REQUESTS.labels(view=view, method=method, status=str(status)).inc()
    LATENCY.labels(view=view, method=method).observe(seconds)


def uses_rq() -> bool:
    return bool(settings.TASKS_BACKEND == "rq")


def task_count(*, task: str, status: str) -> None:
    """Count one finished job: in Redis when workers run jobs, in this process otherwise."""
    if not uses_rq():
        INLINE_TASKS.labels(task=task, status=status).inc()
        return
    import django_rq

    django_rq.get_connection("default").hincrby(TASK_COUNTS_KEY, f"{task}|{status}", 1)


class QueueCollector(Collector):
    """Job counts and queue depth, read from Redis at each scrape."""

    def collect(self) -> Iterator[Any]:
        if not uses_rq():
            return
        import django_rq

        jobs = CounterMetricFamily(
            "goglobal_jobs",
            "Background jobs finished, by task and status.",
            labels=["task", "status"],
        )
        connection = django_rq.get_connection("default")
        for field, value in sorted(connection.hgetall(TASK_COUNTS_KEY).items()):
            name = field.decode() if isinstance(field, bytes) else str(field)
            task, _sep, status = name.partition("|")
            jobs.add_metric([task, status], int(value))
        yield jobs
        depth = GaugeMetricFamily(
            "goglobal_queue_depth", "Jobs waiting, by queue.", labels=["queue"]
        )
        failed = GaugeMetricFamily(
            "goglobal_queue_failed", "Jobs in the failed registry, by queue.", labels=["queue"]
        )
        for name in settings.RQ_QUEUES:
            queue = django_rq.get_queue(name)
            depth.add_metric([name], queue.count)
            failed.add_metric([name], queue.failed_job_registry.count)
        yield depth
        yield failed


def exposition() -> bytes:
    """The text format of every metric, added up over gunicorn's workers when they share a dir."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    output = generate_latest(registry)
    extra = CollectorRegistry()
    extra.register(QueueCollector())
    return output + generate_latest(extra)
