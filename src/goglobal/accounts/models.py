"""Users log in by email and hold exactly one role."""

from __future__ import annotations

import hashlib
from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    OFFICER = "officer", _("Task-force officer")
    ORGANISER = "organiser", _("Event organiser")
    ANALYST = "analyst", _("Analyst")
    ENTERPRISE_MEMBER = "enterprise_member", _("Enterprise member")
    PROVIDER_MEMBER = "provider_member", _("Provider member")


STAFF_ROLES = frozenset({Role.ADMIN, Role.OFFICER, Role.ORGANISER, Role.ANALYST})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True, role=Role.ADMIN)
        return self._create(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=[("en", "English"), ("zh-hans", "简体中文"), ("zh-hant", "繁體中文")],
        default="en",
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("can use the admin site"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["role"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def is_task_force(self) -> bool:
        """Admins and officers: the people who work enterprise records."""
        return self.role in {Role.ADMIN, Role.OFFICER}

    @property
    def is_internal(self) -> bool:
        """Staff of the task force and its events and analytics teams."""
        return self.role in STAFF_ROLES


API_AREAS: dict[str, Any] = {
    "reference": _("Reference data"),
    "enterprises": _("Enterprises"),
    "directory": _("Directory"),
    "matching": _("Matching"),
    "roadmaps": _("Roadmaps"),
    "cases": _("Cases"),
    "events": _("Events"),
    "delegations": _("Delegations"),
    "accounts": _("Accounts"),
    "datasets": _("Datasets"),
}
"""The API's areas: the first part of the path after /api/. A scope is ``read`` or ``write``
(every area) or ``<area>:read`` / ``<area>:write``; write includes read."""


def scope_allows(scopes: list[str], *, area: str, write: bool) -> bool:
    wanted = ["write"] if write else ["read", "write"]
    return any(scope in scopes for name in wanted for scope in (name, f"{area}:{name}"))


class ApiToken(models.Model):
    """A bearer token for API clients. Only a SHA-256 digest is stored."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    scopes = models.JSONField(_("scopes"), default=list, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def digest_of(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
