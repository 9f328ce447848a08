"""Two-factor sign-in: TOTP devices (django-otp) with single-use recovery codes.

Staff roles (admin, officer, organiser, analyst) must enrol and verify a device before any
page or session-authenticated API call answers them; members may enrol if they wish. The QR
code is drawn here as SVG (segno), so the secret never leaves the server.
"""

from __future__ import annotations

import io
from base64 import b32encode
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from goglobal.accounts.models import STAFF_ROLES, User

RECOVERY_CODE_COUNT = 10
TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery codes"


def requires_two_factor(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.role in STAFF_ROLES


def has_confirmed_device(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def needs_second_factor(request: HttpRequest) -> bool:
    """True for a signed-in user who must verify a second factor and has not, this session."""
    user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_verified", lambda: False)():
        return False
    return requires_two_factor(user) or has_confirmed_device(user)


def pending_device(user: User) -> TOTPDevice:
    """The unconfirmed device being enrolled (a new secret when there is none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=TOTP_NAME).first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)


def secret_base32(device: TOTPDevice) -> str:
    return b32encode(device.bin_key).decode().rstrip("=")


def qr_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an inline SVG QR code."""
    import segno

    out = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        out, kind="svg", scale=4, xmldecl=False, svgns=True, nl=False
    )
    return out.getvalue().decode()


@transaction.atomic
def confirm_device(device: TOTPDevice) -> list[str]:
    """Confirm ``device``; the user's other authenticators go, new recovery codes are made."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_replace(device.user)


@transaction.atomic
def is_recovery_device(device: Any) -> bool:
    """Whether ``device`` (one that matched a code) is the user's set of recovery codes."""
    return isinstance(device, StaticDevice)


def recovery_codes_replace(user: User) -> list[str]:
    """New single-use recovery codes for ``user`` (the old ones stop working); shown once."""
    static, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=code) for code in codes])
    return codes
