"""Every write to accounts."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from goglobal.accounts.models import ApiToken, Role, User


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


def api_token_issue(*, user: User, name: str, days: int | None = None) -> tuple[ApiToken, str]:
    """Create a token and return it with its raw value, which is shown once and never stored."""
    raw = f"gg_{secrets.token_urlsafe(32)}"
    lifetime = days if days is not None else settings.GOGLOBAL_API_TOKEN_DAYS
    token = ApiToken.objects.create(
        user=user,
        name=name,
        digest=ApiToken.digest_of(raw),
        prefix=raw[:8],
        expires_at=timezone.now() + timedelta(days=lifetime),
    )
    return token, raw


def api_token_revoke(*, token: ApiToken, actor: User) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(*, raw: str) -> User | None:
    """The active user behind ``raw``, or None. Records when the token was last used."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=ApiToken.digest_of(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.is_usable or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
