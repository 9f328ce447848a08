"""The id of the request being served, or of the request that enqueued the running job.

It lives in a context variable, so that every log line written while handling a request (or
running a job it enqueued) carries it, whatever module writes the line.
"""

from __future__ import annotations

import logging
import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
_SAFE = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_current: ContextVar[str] = ContextVar("goglobal_request_id", default="")


def request_id_from(header_value: str | None) -> str:
    """The caller's id when it is short and plain, otherwise a fresh one."""
    if header_value and _SAFE.match(header_value):
        return header_value
    return uuid.uuid4().hex


def current_request_id() -> str:
    return _current.get()


def set_request_id(value: str) -> None:
    _current.set(value)


class RequestIdFilter(logging.Filter):
    """Adds ``record.request_id`` to every log record (empty outside requests and jobs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            record.request_id = _current.get()
        return True
