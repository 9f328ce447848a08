"""What each role may do, as data. Object checks live in each app's selectors."""

from __future__ import annotations

from typing import Any

from goglobal.accounts.models import Role

INTERNAL = frozenset({Role.ADMIN, Role.OFFICER, Role.ORGANISER, Role.ANALYST})
TASK_FORCE = frozenset({Role.ADMIN, Role.OFFICER})

CAPABILITIES: dict[str, frozenset[str]] = {
    "enterprise.view_any": INTERNAL,
    "enterprise.edit_any": TASK_FORCE,
    "enterprise.view_contacts_any": TASK_FORCE,
    "enterprise.create": TASK_FORCE,
    "directory.view": frozenset(Role.values),
    "directory.edit_any": TASK_FORCE,
    "data.import": TASK_FORCE,
    "data.export": TASK_FORCE,
}


def can(user: Any, capability: str) -> bool:
    """True when ``user`` is signed in, active and its role holds ``capability``."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.role in CAPABILITIES[capability]
