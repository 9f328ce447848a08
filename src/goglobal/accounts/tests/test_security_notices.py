"""The account holder is mailed, in their language, when the password or the second factor
changes or a recovery code is used (ASVS 2.2.3); the mail says when and from where."""

from __future__ import annotations

import re
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from goglobal.accounts.models import Role
from goglobal.accounts.two_factor import recovery_codes_replace

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"
NEW_PASSWORD = "Harbour-lights-2026"


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


def _sign_in(client, email):
    return client.post(reverse("accounts:login"), {"username": email, "password": PASSWORD})


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _only_mail_to(address):
    sent = [message for message in mail.outbox if address in message.to]
    assert len(sent) == 1, [message.subject for message in sent]
    return sent[0]


def test_changing_the_password_mails_the_holder_in_their_language(client, make_user):
    user = make_user(Role.ENTERPRISE_MEMBER, email="li@example.cn", preferred_language="zh-hans")
    client.force_login(user)

    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )

    assert response.status_code == 302
    notice = _only_mail_to("li@example.cn")
    assert "密码" in notice.subject
    assert "203.0.113.7" in notice.body
    assert "http://testserver/accounts/password/reset/" in notice.body
    assert NEW_PASSWORD not in notice.body


def test_a_refused_password_change_mails_nobody(client, make_user):
    user = make_user(Role.ENTERPRISE_MEMBER, email="li@example.cn")
    client.force_login(user)

    client.post(
        reverse("accounts:password_change"),
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert mail.outbox == []


def test_a_password_chosen_from_a_reset_link_mails_the_holder(client, make_user):
    make_user(Role.ENTERPRISE_MEMBER, email="amy@example.hk", preferred_language="zh-hant")
    client.post(reverse("accounts:password_reset"), {"email": "amy@example.hk"})
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[-1].body)[1]
    form = client.get(link, follow=True)
    mail.outbox.clear()

    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    assert done.status_code == 302
    notice = _only_mail_to("amy@example.hk")
    assert "密碼" in notice.subject


@pytest.mark.real_two_factor
def test_enrolling_and_renewing_recovery_codes_each_mail_the_holder(client, make_user):
    officer = make_user(Role.OFFICER, email="chan@example.hk", preferred_language="en")
    _sign_in(client, officer.email)
    client.get(reverse("accounts:two_factor_setup"))
    device = TOTPDevice.objects.get(user=officer, confirmed=False)

    client.post(reverse("accounts:two_factor_setup"), {"token": _code(device)})

    enrolled = _only_mail_to("chan@example.hk")
    assert "Two-factor sign-in was set up" in enrolled.subject
    mail.outbox.clear()

    client.post(reverse("accounts:two_factor_setup"), {"action": "recovery"})

    renewed = _only_mail_to("chan@example.hk")
    assert "recovery codes" in renewed.subject
    assert "earlier codes no longer work" in renewed.body


@pytest.mark.real_two_factor
def test_signing_in_with_a_recovery_code_mails_the_holder_but_an_app_code_does_not(
    client, make_user
):
    officer = make_user(Role.OFFICER, email="wong@example.hk", preferred_language="en")
    device = TOTPDevice.objects.create(user=officer, name="authenticator", confirmed=True)
    codes = recovery_codes_replace(officer)

    _sign_in(client, officer.email)
    client.post(reverse("accounts:two_factor_verify"), {"token": _code(device)})
    assert mail.outbox == []

    client.post(reverse("accounts:logout"))
    time.sleep(0.1)
    _sign_in(client, officer.email)
    used = client.post(reverse("accounts:two_factor_verify"), {"token": codes[3]})

    assert used.status_code == 302
    notice = _only_mail_to("wong@example.hk")
    assert "recovery code was used" in notice.subject
    assert codes[3] not in notice.body
