"""The JSON API root: OpenAPI schema at /api/openapi.json, interactive docs at /api/docs."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DataError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from goglobal.accounts.api import router as accounts_router
from goglobal.accounts.api_auth import api_auth
from goglobal.accounts.services import TokenScopeRefused
from goglobal.analytics.api import router as datasets_router
from goglobal.cases.api import router as cases_router
from goglobal.core.api_schema import declare_errors
from goglobal.core.errors import DomainError, StaleRecordError
from goglobal.core.text_input import TextCheckingParser
from goglobal.delegations.api import router as delegations_router
from goglobal.enterprises.api import router as enterprises_router
from goglobal.events.api import router as events_router
from goglobal.knowledge.api import router as knowledge_router
from goglobal.matching.api import router as matching_router
from goglobal.providers.api import router as providers_router
from goglobal.roadmaps.api import router as roadmaps_router


def _docs_login_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The docs and the schema ask for a sign-in when ``GOGLOBAL_API_DOCS_LOGIN_REQUIRED``."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if settings.GOGLOBAL_API_DOCS_LOGIN_REQUIRED and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return guarded


class GoGlobalAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return declare_errors(super().get_openapi_schema(**kwargs))


api = GoGlobalAPI(
    title="GoGlobal Connect API",
    version="1",
    description=(
        "Enterprises, the directory of Hong Kong providers and investors, cases, events, "
        "delegations and reference data. "
        "Authenticate with `Authorization: Bearer <token>` (tokens are issued on the API tokens "
        "page) or with a signed-in browser session. Every endpoint applies the same role and "
        "record checks as the pages."
    ),
    auth=api_auth,
    urls_namespace="api",
    parser=TextCheckingParser(),
    docs_decorator=_docs_login_required,
)
api.add_router("/reference", knowledge_router, tags=["reference data"])
api.add_router("/enterprises", enterprises_router, tags=["enterprises"])
api.add_router("/directory", providers_router, tags=["directory"])
api.add_router("/matching", matching_router, tags=["matching"])
api.add_router("/roadmaps", roadmaps_router, tags=["roadmaps"])
api.add_router("/cases", cases_router, tags=["cases"])
api.add_router("/events", events_router, tags=["events"])
api.add_router("/delegations", delegations_router, tags=["delegations"])
api.add_router("/accounts", accounts_router, tags=["accounts"])
api.add_router("/datasets", datasets_router, tags=["datasets"])


@api.exception_handler(StaleRecordError)
def _stale(request: HttpRequest, error: StaleRecordError) -> HttpResponse:
    return api.create_response(request, {"detail": error.message, "code": "stale"}, status=409)


@api.exception_handler(DomainError)
def _domain(request: HttpRequest, error: DomainError) -> HttpResponse:
    return api.create_response(
        request, {"detail": error.message, "field": error.field, "code": "refused"}, status=400
    )


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    errors = (
        {field: [str(m) for m in messages] for field, messages in error.message_dict.items()}
        if hasattr(error, "error_dict")
        else {"__all__": [str(m) for m in error.messages]}
    )
    return api.create_response(request, {"detail": "invalid", "errors": errors}, status=422)


@api.exception_handler(TokenScopeRefused)
def _out_of_scope(request: HttpRequest, error: TokenScopeRefused) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": "This token's scopes do not allow this request.", "code": "scope"},
        status=403,
    )


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return api.create_response(
        request, {"detail": "You may not do this.", "code": "forbidden"}, status=403
    )


@api.exception_handler(OverflowError)
def _overflow(request: HttpRequest, error: OverflowError) -> HttpResponse:
    return api.create_response(
        request, {"detail": "A number is out of range.", "code": "out_of_range"}, status=400
    )


@api.exception_handler(DataError)
def _data(request: HttpRequest, error: DataError) -> HttpResponse:
    """A value the database cannot store or compare (out of range, or a NUL in a string)."""
    return api.create_response(
        request, {"detail": "A value cannot be stored or searched.", "code": "invalid"}, status=400
    )
