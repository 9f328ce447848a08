"""Template context shared by every page."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from goglobal.core.shared_cache import panels_version


def cache_versions(request: HttpRequest) -> dict[str, object]:
    """``panels_version`` for the filter panels' cache keys, read only when a page uses it."""
    return {"panels_version": SimpleLazyObject(panels_version)}
