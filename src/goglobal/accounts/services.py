"""Every write to accounts."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from goglobal.accounts import security
from goglobal.accounts.models import API_AREAS, ApiToken, Role, User, scope_allows


@transaction.atomic
def user_create(
    *,
    email: str,
    password: str,
    role: Role | str,
    full_name: str = "",
    preferred_language: str = "en",
) -> User:
    return User.objects.create_user(
        email=email,
        password=password,
        role=role,
        full_name=full_name,
        preferred_language=preferred_language,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )


def api_token_issue(
    *,
    user: User,
    name: str,
    scopes: list[str] | tuple[str, ...] = ("read",),
    days: int | None = None,
) -> tuple[ApiToken, str]:
    """Create a token and return it with its raw value, which is shown once and never stored.

    A token lives ``GOGLOBAL_API_TOKEN_DAYS`` days unless asked for less, and never longer than
    ``GOGLOBAL_API_TOKEN_MAX_DAYS``. Scopes are ``read``/``write`` or ``<area>:read|write``.
    """
    valid = {"read", "write"} | {
        f"{area}:{kind}" for area in API_AREAS for kind in ("read", "write")
    }
    unknown = sorted(set(scopes) - valid)
    if unknown or not scopes:
        raise ValueError(f"Unknown or missing token scopes: {unknown}")
    lifetime = days if days is not None else settings.GOGLOBAL_API_TOKEN_DAYS
    lifetime = max(1, min(lifetime, settings.GOGLOBAL_API_TOKEN_MAX_DAYS))
    raw = f"gg_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name,
            digest=ApiToken.digest_of(raw),
            prefix=raw[:8],
            scopes=sorted(set(scopes)),
            expires_at=timezone.now() + timedelta(days=lifetime),
        )
        security.security_event(
            security.TOKEN_CREATED,
            user=user,
            token=token.pk,
            name=name,
            scopes=token.scopes,
            expires_at=token.expires_at.isoformat(),
        )
    return token, raw


def api_token_revoke(*, token: ApiToken, actor: User) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        security.security_event(security.TOKEN_REVOKED, user=actor, token=token.pk)
    return token


def api_token_authenticate(
    *, raw: str, area: str | None = None, write: bool = False, address: str = ""
) -> User | None:
    """The active user behind ``raw`` when its scopes allow the request, or None.

    Records when the token was last used; the audit trail gets a ``token_used`` row on a
    token's first use and then at most once per ``GOGLOBAL_API_TOKEN_AUDIT_SECONDS``.
    """
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=ApiToken.digest_of(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.is_usable or not token.user.is_active:
        return None
    if area is not None and not scope_allows(token.scopes, area=area, write=write):
        return None
    now = timezone.now()
    quiet = timedelta(seconds=settings.GOGLOBAL_API_TOKEN_AUDIT_SECONDS)
    if token.last_used_at is None or now - token.last_used_at >= quiet:
        security.security_event(
            security.TOKEN_USED, user=token.user, token=token.pk, area=area or "", address=address
        )
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
