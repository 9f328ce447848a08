"""Readiness: can this process serve requests right now?

Each check returns ``None`` when all is well, or a short reason for the load balancer's logs.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

# A passed migrations check holds until the code changes, which restarts the process; it is
# still repeated now and then in case the database was replaced (a restore, say).
_MIGRATIONS_RECHECK_SECONDS = 60.0
_migrations_ok_until = 0.0


def database_problem() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return f"database unreachable: {type(error).__name__}"
    return None


def migrations_problem() -> str | None:
    global _migrations_ok_until  # a per-process memo of a passed check
    if time.monotonic() < _migrations_ok_until:
        return None
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return f"migrations unknown: {type(error).__name__}"
    if plan:
        return f"{len(plan)} migrations not applied"
    _migrations_ok_until = time.monotonic() + _MIGRATIONS_RECHECK_SECONDS
    return None


def redis_problem() -> str | None:
    if not settings.REDIS_CONFIGURED:
        return None
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        return f"redis unreachable: {type(error).__name__}"
    return None


def readiness_problems() -> dict[str, str]:
    problems: dict[str, str] = {}
    database = database_problem()
    if database:
        problems["database"] = database
    else:
        migrations = migrations_problem()
        if migrations:
            problems["migrations"] = migrations
    redis_reason = redis_problem()
    if redis_reason:
        problems["redis"] = redis_reason
    return problems
