"""For tests: sign a client in with a verified second factor, as a staff member would be.

Nothing here is used by the platform itself; two-factor enforcement stays on in tests.
"""

from __future__ import annotations

from typing import Any

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from goglobal.accounts.two_factor import TOTP_NAME, requires_two_factor


def enrolled_device(user: Any) -> TOTPDevice:
    """The user's confirmed authenticator (one is made when there is none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=True)


def verify_second_factor(client: Any, user: Any) -> TOTPDevice:
    """Mark the client's session as having passed the second step with the user's device."""
    device = enrolled_device(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def login_with_second_factor(client: Any, user: Any) -> None:
    """``client.force_login`` followed, for roles that need it, by a verified device."""
    client.force_login(user)
    if requires_two_factor(user):
        verify_second_factor(client, user)
