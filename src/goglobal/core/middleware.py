"""Request id, JSON access log and metrics for every request; a 503 when the database is down."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty

from goglobal.core import metrics
from goglobal.core.request_context import HEADER, request_id_from, set_request_id
from goglobal.core.unavailable import service_unavailable

access_log = logging.getLogger("goglobal.request")
logger = logging.getLogger(__name__)


def _view_name(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "<unresolved>"
    return match.view_name or "<unnamed>"


def _user_id(request: HttpRequest) -> int | None:
    """The signed-in user's id, if the request already loaded the user (never a query here)."""
    user = getattr(request, "user", None)
    wrapped = getattr(user, "_wrapped", user)
    if wrapped is None or wrapped is empty:
        return None
    return getattr(wrapped, "pk", None)


class RequestLogMiddleware:
    """Outermost: gives the request its id and logs, counts and times its answer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_from(request.headers.get(HEADER))
        set_request_id(request_id)
        request.request_id = request_id  # type: ignore[attr-defined]
        started = time.perf_counter()
        response = self.get_response(request)
        seconds = time.perf_counter() - started
        response[HEADER] = request_id
        view = _view_name(request)
        metrics.request_observe(
            view=view, method=request.method or "", status=response.status_code, seconds=seconds
        )
        access_log.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "view": view,
                "status": response.status_code,
                "duration_ms": round(seconds * 1000, 1),
                "user_id": _user_id(request),
            },
        )
        return response


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 with a plain page, not a traceback."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("database unavailable: %s", type(exception).__name__)
        return service_unavailable(request)
