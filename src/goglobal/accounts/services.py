"""Every write to accounts."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext

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
    is_active: bool = True,
) -> User:
    """A new account; self-registered ones start inactive until their address is verified."""
    return User.objects.create_user(
        email=email,
        password=password,
        role=role,
        full_name=full_name,
        preferred_language=preferred_language,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
        is_active=is_active,
    )


class EmailVerificationTokenGenerator(PasswordResetTokenGenerator):
    """Links that activate a self-registered account: they expire with
    ``GOGLOBAL_EMAIL_VERIFY_SECONDS`` and stop working once the account is active."""

    key_salt = "goglobal.accounts.EmailVerificationTokenGenerator"

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"

    def check_token(self, user: User | None, token: str | None) -> bool:
        """Django's check with this link's own lifetime instead of PASSWORD_RESET_TIMEOUT."""
        if not (user and token) or token.count("-") != 1:
            return False
        stamp, _hash = token.split("-")
        try:
            timestamp = base36_to_int(stamp)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        age = self._num_seconds(self._now()) - timestamp
        return age <= settings.GOGLOBAL_EMAIL_VERIFY_SECONDS


email_verification_tokens = EmailVerificationTokenGenerator()


def _send(*, to: str, subject: str, template: str, context: dict[str, object]) -> None:
    body = render_to_string(template, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def registration_mail_send(*, email: str, user: User | None, site_url: str) -> None:
    """The one answer to a registration: a verification link when the account is new (or still
    unverified), otherwise a note to the existing account that someone tried its address."""
    with translation.override(user.preferred_language if user else translation.get_language()):
        if user is not None and not user.is_active and user.last_login is None:
            path = reverse(
                "accounts:verify_email",
                args=[
                    urlsafe_base64_encode(force_bytes(user.pk)),
                    email_verification_tokens.make_token(user),
                ],
            )
            _send(
                to=user.email,
                subject=gettext("Confirm your GoGlobal Connect email address"),
                template="accounts/email/verify_email.txt",
                context={"link": f"{site_url}{path}", "hours": _verify_hours()},
            )
        elif user is not None:
            _send(
                to=user.email,
                subject=gettext("Someone tried to register with your email address"),
                template="accounts/email/already_registered.txt",
                context={
                    "login": f"{site_url}{reverse('accounts:login')}",
                    "reset": f"{site_url}{reverse('accounts:password_reset')}",
                },
            )


def _verify_hours() -> int:
    return max(1, settings.GOGLOBAL_EMAIL_VERIFY_SECONDS // 3600)


def email_verify(*, uidb64: str, token: str) -> User | None:
    """Activate the account behind a verification link, or None when the link is not valid."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, TypeError, UnicodeDecodeError):
        return None
    user = User.objects.filter(pk=pk, is_active=False, last_login__isnull=True).first()
    if user is None or not email_verification_tokens.check_token(user, token):
        return None
    with transaction.atomic():
        user.is_active = True
        user.save(update_fields=["is_active"])
        security.security_event(security.EMAIL_VERIFIED, user=user)
    return user


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


class TokenScopeRefused(PermissionDenied):
    """A valid token whose scopes do not reach the request: the API answers 403, not 401."""


def api_token_authenticate(
    *, raw: str, area: str | None = None, write: bool = False, address: str = ""
) -> User | None:
    """The active user behind ``raw`` when its scopes allow the request; None for an unknown,
    revoked or expired token; ``TokenScopeRefused`` for a good token outside its scopes.

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
        raise TokenScopeRefused
    now = timezone.now()
    quiet = timedelta(seconds=settings.GOGLOBAL_API_TOKEN_AUDIT_SECONDS)
    if token.last_used_at is None or now - token.last_used_at >= quiet:
        security.security_event(
            security.TOKEN_USED, user=token.user, token=token.pk, area=area or "", address=address
        )
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


# What a security notice tells the account holder happened (ASVS 2.2.3).
NOTICE_PASSWORD_CHANGED = "password_changed"  # noqa: S105 (a kind of notice, not a secret)
NOTICE_TWO_FACTOR_ENROLLED = "two_factor_enrolled"
NOTICE_RECOVERY_CODES_RENEWED = "recovery_codes_renewed"
NOTICE_RECOVERY_CODE_USED = "recovery_code_used"


def _notice_texts(kind: str) -> tuple[str, str]:
    texts = {
        NOTICE_PASSWORD_CHANGED: (
            gettext("Your GoGlobal Connect password was changed"),
            gettext("The password of your GoGlobal Connect account was changed."),
        ),
        NOTICE_TWO_FACTOR_ENROLLED: (
            gettext("Two-factor sign-in was set up on your GoGlobal Connect account"),
            gettext(
                "An authenticator app was set up for two-factor sign-in on your GoGlobal Connect "
                "account; any authenticator set up before no longer works."
            ),
        ),
        NOTICE_RECOVERY_CODES_RENEWED: (
            gettext("New recovery codes for your GoGlobal Connect account"),
            gettext(
                "New recovery codes were made for your GoGlobal Connect account; the earlier "
                "codes no longer work."
            ),
        ),
        NOTICE_RECOVERY_CODE_USED: (
            gettext("A recovery code was used to sign in to your GoGlobal Connect account"),
            gettext(
                "One of your recovery codes was used to sign in to your GoGlobal Connect "
                "account. Each code works only once: renew them on the two-factor sign-in page "
                "when few are left."
            ),
        ),
    }
    return texts[kind]


def security_notice_send(*, user: User, kind: str, site_url: str, address: str = "") -> None:
    """Mail ``user``, in the user's language, that their password or second factor changed
    (or a recovery code was used), with when, from which address, and what to do if it was
    not them."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject, what = _notice_texts(kind)
        _send(
            to=user.email,
            subject=subject,
            template="accounts/email/security_notice.txt",
            context={
                "what": what,
                "when": timezone.localtime(),
                "address": address,
                "reset": f"{site_url}{reverse('accounts:password_reset')}",
            },
        )
