"""Navigation for the page chrome, by role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goglobal.accounts.models import Role


@dataclass(frozen=True)
class NavItem:
    url: str
    label: str
    active: bool


_STAFF = frozenset({Role.ADMIN, Role.OFFICER, Role.ORGANISER, Role.ANALYST})
_TASK_FORCE = frozenset({Role.ADMIN, Role.OFFICER})

# (url name, label, roles that see it; None = everybody signed in)
_NAVIGATION: list[tuple[str, Any, frozenset[str] | None]] = [
    ("analytics:overview", _("Overview"), _STAFF),
    ("cases:board", _("Cases"), frozenset({Role.ADMIN, Role.OFFICER, Role.ANALYST})),
    ("analytics:impact", _("Impact"), frozenset({Role.ADMIN, Role.OFFICER, Role.ANALYST})),
    ("cases:tasks", _("My tasks"), _TASK_FORCE),
    ("enterprises:list", _("Enterprises"), _STAFF),
    ("enterprises:portal", _("My enterprise"), frozenset({Role.ENTERPRISE_MEMBER})),
    ("cases:enterprise_case", _("Our case"), frozenset({Role.ENTERPRISE_MEMBER})),
    ("roadmaps:mine", _("Our roadmap"), frozenset({Role.ENTERPRISE_MEMBER})),
    ("providers:portal", _("My organisation"), frozenset({Role.PROVIDER_MEMBER})),
    ("cases:provider_referrals", _("Referrals"), frozenset({Role.PROVIDER_MEMBER})),
    ("providers:directory", _("Providers"), None),
    ("providers:investors", _("Investors"), None),
    ("knowledge:index", _("Markets"), None),
    ("knowledge:functions", _("Setting up in Hong Kong"), None),
    ("knowledge:stale", _("Facts"), _STAFF),
    ("events:list", _("Events"), frozenset({Role.ADMIN, Role.ORGANISER, Role.OFFICER})),
    ("imports:list", _("Imports"), _TASK_FORCE),
    ("accounts:tokens", _("API tokens"), None),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = []
    for name, label, roles in _NAVIGATION:
        if roles is not None and user.role not in roles:
            continue
        url = reverse(name)
        active = request.path == url if url == "/" else request.path.startswith(url)
        items.append(NavItem(url=url, label=str(label), active=active))
    return {"nav_items": items}
