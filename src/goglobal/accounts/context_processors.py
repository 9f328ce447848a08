"""Navigation for the page chrome, by role.

Entries of one group (the directory, the knowledge base, tools) share a menu in the band, so the
band fits one row at desktop widths; a group a role sees only one entry of stays a plain link.
Exactly one entry is current: the one whose address is the longest prefix of the page's.
"""

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
    children: tuple[NavItem, ...] = ()


_STAFF = frozenset({Role.ADMIN, Role.OFFICER, Role.ORGANISER, Role.ANALYST})
_TASK_FORCE = frozenset({Role.ADMIN, Role.OFFICER})

_GROUPS: dict[str, Any] = {
    "directory": _("Directory"),
    "knowledge": _("Knowledge"),
    "tools": _("Tools"),
}

# (url name, label, roles that see it (None: everybody signed in), group ("": none))
_NAVIGATION: list[tuple[str, Any, frozenset[str] | None, str]] = [
    ("analytics:overview", _("Overview"), _STAFF, ""),
    ("cases:board", _("Cases"), frozenset({Role.ADMIN, Role.OFFICER, Role.ANALYST}), ""),
    ("cases:tasks", _("My tasks"), _TASK_FORCE, ""),
    ("analytics:impact", _("Impact"), frozenset({Role.ADMIN, Role.OFFICER, Role.ANALYST}), ""),
    ("events:list", _("Events"), frozenset({Role.ADMIN, Role.ORGANISER, Role.OFFICER}), ""),
    (
        "delegations:list",
        _("Delegations"),
        frozenset({Role.ADMIN, Role.ORGANISER, Role.OFFICER}),
        "",
    ),
    (
        "delegations:mine",
        _("My itineraries"),
        frozenset({Role.ENTERPRISE_MEMBER, Role.PROVIDER_MEMBER}),
        "",
    ),
    ("enterprises:portal", _("My enterprise"), frozenset({Role.ENTERPRISE_MEMBER}), ""),
    ("cases:enterprise_case", _("Our case"), frozenset({Role.ENTERPRISE_MEMBER}), ""),
    ("roadmaps:mine", _("Our roadmap"), frozenset({Role.ENTERPRISE_MEMBER}), ""),
    ("providers:portal", _("My organisation"), frozenset({Role.PROVIDER_MEMBER}), ""),
    ("cases:provider_referrals", _("Referrals"), frozenset({Role.PROVIDER_MEMBER}), ""),
    ("enterprises:list", _("Enterprises"), _STAFF, "directory"),
    ("providers:directory", _("Providers"), None, "directory"),
    ("providers:investors", _("Investors"), None, "directory"),
    ("knowledge:index", _("Markets"), None, "knowledge"),
    ("knowledge:functions", _("Setting up in Hong Kong"), None, "knowledge"),
    ("knowledge:stale", _("Facts"), _STAFF, "knowledge"),
    ("imports:list", _("Imports"), _TASK_FORCE, "tools"),
    ("accounts:tokens", _("API tokens"), None, "tools"),
]


def _current(path: str, urls: list[str]) -> str | None:
    """The one address the page belongs to: the longest that is a prefix of ``path``."""
    matches = [url for url in urls if (path == url if url == "/" else path.startswith(url))]
    return max(matches, key=len, default=None)


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    seen = [
        (reverse(name), label, group)
        for name, label, roles, group in _NAVIGATION
        if roles is None or user.role in roles
    ]
    current = _current(request.path, [url for url, _label, _group in seen])
    grouped: dict[str, list[NavItem]] = {}
    order: list[str] = []  # a plain entry's url, or a group's key, in the order first seen
    for url, label, group in seen:
        key = group or url
        if key not in grouped:
            grouped[key] = []
            order.append(key)
        grouped[key].append(NavItem(url=url, label=str(label), active=url == current))
    items = []
    for key in order:
        entries = grouped[key]
        if key not in _GROUPS or len(entries) == 1:
            items.extend(entries)
            continue
        items.append(
            NavItem(
                url="",
                label=str(_GROUPS[key]),
                active=any(entry.active for entry in entries),
                children=tuple(entries),
            )
        )
    return {"nav_items": items}
