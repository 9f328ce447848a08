from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from goglobal.accounts import security, throttle
from goglobal.accounts.models import API_AREAS


def lockout_message() -> Any:
    minutes = max(1, settings.GOGLOBAL_LOGIN_LOCKOUT_SECONDS // 60)
    return _(
        "Too many failed attempts. Signing in is locked for %(minutes)d minutes; try again "
        "later or reset your password."
    ) % {"minutes": minutes}


class EmailAuthenticationForm(AuthenticationForm):
    """Sign-in by email, throttled per account and per address.

    An unknown address and a wrong password get the same answer (and the same password-hashing
    work, done by Django's backend for unknown accounts); the counters do not depend on whether
    the account exists.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Email")
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autofocus": True, "autocomplete": "email"}
        )

    def clean_username(self) -> str:
        return str(self.cleaned_data["username"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        email = str(self.cleaned_data.get("username") or "")
        address = throttle.client_address(self.request) if self.request else "unknown"
        if email and throttle.is_locked(email, address):
            security.security_event(
                security.LOCKED_OUT, request=self.request, email=email, refused=True
            )
            raise ValidationError(lockout_message(), code="locked")
        try:
            cleaned = super().clean()
        except ValidationError:
            if email:
                locked = throttle.record_failure(email, address)
                security.security_event(security.SIGN_IN_FAILED, request=self.request, email=email)
                if locked:
                    security.security_event(security.LOCKED_OUT, request=self.request, email=email)
                    raise ValidationError(lockout_message(), code="locked") from None
            raise
        throttle.clear_account(email)
        return cleaned


class TwoFactorTokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The six digits from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )

    def clean_token(self) -> str:
        return str(self.cleaned_data["token"]).replace(" ", "").strip().lower()


def _scope_choices() -> list[tuple[str, Any]]:
    choices: list[tuple[str, Any]] = [
        ("read", _("Read everything I can see")),
        ("write", _("Read and change everything I can change")),
    ]
    for area, label in API_AREAS.items():
        choices.append((f"{area}:read", _("%(area)s: read") % {"area": label}))
        choices.append((f"{area}:write", _("%(area)s: read and change") % {"area": label}))
    return choices


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “CRM export script”."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=_scope_choices,
        initial=["read"],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the token may do. A token never does more than you can."),
    )
    days = forms.IntegerField(
        label=_("Valid for (days)"),
        min_value=1,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        days = self.fields["days"]
        most = settings.GOGLOBAL_API_TOKEN_MAX_DAYS
        days.max_value = most  # type: ignore[attr-defined]
        days.validators.append(MaxValueValidator(most))
        days.widget.attrs["max"] = most
        days.help_text = _("At most %(days)d days.") % {"days": most}
        days.initial = min(settings.GOGLOBAL_API_TOKEN_DAYS, settings.GOGLOBAL_API_TOKEN_MAX_DAYS)
