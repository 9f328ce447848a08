"""The audit trail of signing in: successes, failures, lockouts, two-factor, API tokens.

Rows go to the platform's audit table (core.AuditEvent) with the account as the record when
there is one; a failure for an address that has no account is recorded with an empty record id
and the address typed, so the trail is complete without a lookup revealing anything.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from goglobal.accounts.throttle import client_address
from goglobal.core.models import AuditEvent

SIGNED_IN = "signed_in"
SIGN_IN_FAILED = "sign_in_failed"
LOCKED_OUT = "locked_out"
SIGNED_OUT = "signed_out"
TWO_FACTOR_ENROLLED = "2fa_enrolled"
TWO_FACTOR_VERIFIED = "2fa_verified"
TWO_FACTOR_FAILED = "2fa_failed"
TOKEN_CREATED = "token_created"  # noqa: S105 (an audit action, not a secret)
TOKEN_USED = "token_used"  # noqa: S105 (an audit action, not a secret)
TOKEN_REVOKED = "token_revoked"  # noqa: S105 (an audit action, not a secret)
PASSWORD_CHANGED = "password_changed"  # noqa: S105 (an audit action, not a secret)
REGISTERED = "registered"
EMAIL_VERIFIED = "email_verified"
SESSION_EXPIRED = "session_expired"


def security_event(
    action: str,
    *,
    user: Any = None,
    request: HttpRequest | None = None,
    **details: Any,
) -> AuditEvent:
    if request is not None:
        details.setdefault("address", client_address(request))
    has_user = getattr(user, "pk", None) is not None
    return AuditEvent.objects.create(
        actor=user if has_user else None,
        action=action,
        target_type="accounts.user",
        target_id=str(user.pk) if has_user else "",
        changes=details,
    )
