"""Authentication from the outside: throttling, two-factor per role, tokens, resets, audit."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from goglobal.accounts import services
from goglobal.accounts.models import Role
from goglobal.core.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"
STAFF = [Role.ADMIN, Role.OFFICER, Role.ORGANISER, Role.ANALYST]
MEMBERS = [Role.ENTERPRISE_MEMBER, Role.PROVIDER_MEMBER]


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


def _sign_in(client, email, password=PASSWORD, **extra):
    return client.post(
        reverse("accounts:login"),
        {"username": email, "password": password},
        HTTP_ACCEPT_LANGUAGE="en",
        **extra,
    )


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


# Throttling and lockout ---------------------------------------------------------------------


@override_settings(GOGLOBAL_LOGIN_FAILURES_PER_ACCOUNT=5)
def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, make_user):
    make_user(Role.ENTERPRISE_MEMBER, email="amy@example.hk")
    for _ in range(4):
        assert "correct email" in _sign_in(client, "amy@example.hk", "wrong").content.decode()
    fifth = _sign_in(client, "amy@example.hk", "wrong").content.decode()
    assert "Too many failed attempts" in fifth

    refused = _sign_in(client, "amy@example.hk")

    assert refused.status_code == 200
    assert "Too many failed attempts" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions.count("sign_in_failed") == 5
    assert "locked_out" in actions


@override_settings(GOGLOBAL_LOGIN_FAILURES_PER_ACCOUNT=3, GOGLOBAL_LOGIN_LOCKOUT_SECONDS=60)
def test_the_lock_lifts_after_the_window(client, make_user, monkeypatch):
    make_user(Role.ENTERPRISE_MEMBER, email="amy@example.hk")
    for _ in range(3):
        _sign_in(client, "amy@example.hk", "wrong")
    assert "Too many" in _sign_in(client, "amy@example.hk").content.decode()

    cache.clear()  # the counters' window has passed: the cache entries expired

    assert _sign_in(client, "amy@example.hk").status_code == 302


@override_settings(GOGLOBAL_LOGIN_FAILURES_PER_ADDRESS=6, GOGLOBAL_LOGIN_FAILURES_PER_ACCOUNT=50)
def test_one_address_trying_many_accounts_is_locked_out(client, make_user):
    make_user(Role.ENTERPRISE_MEMBER, email="victim@example.hk")
    for n in range(6):
        _sign_in(client, f"guess{n}@example.hk", "wrong", REMOTE_ADDR="203.0.113.9")

    from_there = _sign_in(client, "victim@example.hk", REMOTE_ADDR="203.0.113.9")
    elsewhere = _sign_in(client, "victim@example.hk", REMOTE_ADDR="198.51.100.4")

    assert "Too many failed attempts" in from_there.content.decode()
    assert elsewhere.status_code == 302


@override_settings(GOGLOBAL_LOGIN_FAILURES_PER_ACCOUNT=3)
def test_unknown_and_wrong_accounts_get_the_same_answer_and_the_same_lockout(client, make_user):
    make_user(Role.ENTERPRISE_MEMBER, email="amy@example.hk")

    def page(email):
        body = _sign_in(client, email, "wrong").content.decode()
        body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
        return re.sub(r'value="[^"]*@example\.hk"', "", body)

    assert page("amy@example.hk") == page("nobody@example.hk")
    page("amy@example.hk")
    page("nobody@example.hk")
    assert page("amy@example.hk") == page("nobody@example.hk")
    assert "Too many failed attempts" in page("nobody@example.hk")


# Two-factor per role ------------------------------------------------------------------------


@pytest.mark.real_two_factor
@pytest.mark.parametrize("role", STAFF)
def test_staff_reach_no_page_or_api_before_enrolling(client, make_user, role):
    user = make_user(role)
    response = _sign_in(client, user.email)
    assert response.status_code == 302

    for path in ["/overview/", "/enterprises/", "/cases/", "/events/", "/accounts/tokens/"]:
        page = client.get(path)
        assert page.status_code == 302, path
        assert page["Location"].startswith(reverse("accounts:two_factor_setup"))
    assert client.get("/admin/").status_code == 302
    assert client.get("/api/enterprises/").status_code == 401


@pytest.mark.real_two_factor
def test_staff_enrol_with_a_code_and_get_recovery_codes_once(client, make_user):
    officer = make_user(Role.OFFICER)
    _sign_in(client, officer.email)
    setup = client.get(reverse("accounts:two_factor_setup"))
    body = setup.content.decode()
    assert "<svg" in body
    svg = body.split("<svg", 1)[1].split("</svg>")[0]
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # nothing fetched
    device = TOTPDevice.objects.get(user=officer, confirmed=False)

    wrong = client.post(reverse("accounts:two_factor_setup"), {"token": "000000"})
    assert "not right" in wrong.content.decode()
    time.sleep(1.1)  # django-otp makes a device wait a second after a wrong code
    done = client.post(reverse("accounts:two_factor_setup"), {"token": _code(device)})

    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert client.get("/overview/").status_code == 200
    again = client.get(reverse("accounts:two_factor_setup")).content.decode()
    assert not any(code in again for code in codes)
    assert AuditEvent.objects.filter(action="2fa_enrolled", actor=officer).exists()


@pytest.mark.real_two_factor
def test_an_enrolled_officer_must_give_a_code_each_sign_in_and_a_recovery_code_works_once(
    client, make_user
):
    from goglobal.accounts.two_factor import recovery_codes_replace

    officer = make_user(Role.OFFICER)
    TOTPDevice.objects.create(user=officer, name="authenticator", confirmed=True)
    codes = recovery_codes_replace(officer)

    _sign_in(client, officer.email)
    page = client.get("/cases/")
    assert page["Location"].startswith(reverse("accounts:two_factor_verify"))
    assert (
        "not right"
        in client.post(reverse("accounts:two_factor_verify"), {"token": "123456"}).content.decode()
    )
    time.sleep(1.1)  # django-otp makes a device wait a second after a wrong code
    ok = client.post(reverse("accounts:two_factor_verify"), {"token": codes[0], "next": "/cases/"})
    assert ok.status_code == 302
    assert ok["Location"] == "/cases/"
    assert client.get("/cases/").status_code == 200

    client.post(reverse("accounts:logout"))
    _sign_in(client, officer.email)
    reused = client.post(reverse("accounts:two_factor_verify"), {"token": codes[0]})
    assert "not right" in reused.content.decode()
    assert client.get("/cases/").status_code == 302


@pytest.mark.real_two_factor
@override_settings(GOGLOBAL_LOGIN_FAILURES_PER_ACCOUNT=3)
def test_wrong_codes_lock_the_second_step(client, make_user):
    officer = make_user(Role.OFFICER)
    device = TOTPDevice.objects.create(user=officer, name="authenticator", confirmed=True)
    _sign_in(client, officer.email)
    for _ in range(3):
        client.post(reverse("accounts:two_factor_verify"), {"token": "999999"})
    locked = client.post(reverse("accounts:two_factor_verify"), {"token": _code(device)})
    assert "Too many failed attempts" in locked.content.decode()
    assert client.get("/cases/").status_code == 302


@pytest.mark.real_two_factor
@pytest.mark.parametrize("role", MEMBERS)
def test_members_may_go_without_a_second_factor(client, make_user, role):
    user = make_user(role)
    _sign_in(client, user.email)
    home = client.get(reverse("accounts:home"))
    assert home.status_code == 302
    assert "two-factor" not in home["Location"]


# Sessions ----------------------------------------------------------------------------------


@override_settings(GOGLOBAL_SESSION_IDLE_MINUTES_STAFF=30)
def test_a_staff_session_idle_for_31_minutes_is_signed_out(client, officer):
    from goglobal.accounts.middleware import SEEN_KEY

    client.force_login(officer)
    assert client.get("/cases/").status_code == 200
    session = client.session
    session[SEEN_KEY] = session[SEEN_KEY] - 31 * 60
    session.save()

    response = client.get("/cases/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert AuditEvent.objects.filter(action="session_expired", changes__reason="idle").exists()


@override_settings(SESSION_COOKIE_AGE=3600)
def test_a_session_older_than_its_lifetime_ends_even_when_busy(client, officer):
    from goglobal.accounts.middleware import STARTED_KEY

    client.force_login(officer)
    client.get("/cases/")
    session = client.session
    session[STARTED_KEY] = session[STARTED_KEY] - 3601
    session.save()

    assert client.get("/cases/")["Location"].startswith(reverse("accounts:login"))


# API tokens ----------------------------------------------------------------------------------


def test_a_read_token_reads_but_cannot_write(client, officer):
    _t, raw = services.api_token_issue(user=officer, name="ro", scopes=["read"])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    assert client.get("/api/enterprises/", **auth).status_code == 200
    write = client.post("/api/enterprises/", {}, content_type="application/json", **auth)
    assert write.status_code == 403
    assert write.json()["code"] == "scope"


def test_an_area_token_answers_only_in_its_area(client, officer):
    _t, raw = services.api_token_issue(user=officer, name="cases", scopes=["cases:write"])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    assert client.get("/api/cases/", **auth).status_code == 200
    assert client.get("/api/enterprises/", **auth).status_code == 403


def test_tokens_live_90_days_at_most_and_expired_ones_are_refused(client, officer):
    token, raw = services.api_token_issue(user=officer, name="long", days=3650)
    assert token.expires_at - timezone.now() <= timedelta(days=90)
    default, _raw = services.api_token_issue(user=officer, name="default")
    assert timedelta(days=89) < default.expires_at - timezone.now() <= timedelta(days=90)

    token.expires_at = timezone.now() - timedelta(seconds=1)
    token.save()
    assert client.get("/api/enterprises/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401


def test_the_token_form_refuses_more_than_90_days_with_a_field_error(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("accounts:tokens"), {"name": "x", "scopes": ["read"], "days": 400}
    )
    assert response.status_code == 200
    assert "id_days_error" in response.content.decode()
    assert not officer.api_tokens.exists()


def test_token_creation_and_use_are_audited(client, officer):
    token, raw = services.api_token_issue(user=officer, name="BI", scopes=["read"])
    client.get("/api/enterprises/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    client.get("/api/enterprises/", HTTP_AUTHORIZATION=f"Bearer {raw}")

    events = AuditEvent.objects.filter(actor=officer)
    assert events.filter(action="token_created", changes__token=token.pk).count() == 1
    assert events.filter(action="token_used", changes__token=token.pk).count() == 1


# Password reset ------------------------------------------------------------------------------


def _reset_link() -> str:
    return re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[-1].body)[1]


def test_reset_answers_the_same_for_unknown_addresses_and_mails_only_real_ones(client, make_user):
    make_user(Role.ENTERPRISE_MEMBER, email="amy@example.hk")
    known = client.post(reverse("accounts:password_reset"), {"email": "amy@example.hk"})
    unknown = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.hk"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mail.outbox] == [["amy@example.hk"]]


def test_a_reset_link_works_once_and_expires(client, make_user):
    user = make_user(Role.ENTERPRISE_MEMBER, email="amy@example.hk")
    client.post(reverse("accounts:password_reset"), {"email": "amy@example.hk"})
    link = _reset_link()
    form = client.get(link, follow=True)
    new = {"new_password1": "Harbour-lights-2026", "new_password2": "Harbour-lights-2026"}
    done = client.post(form.redirect_chain[-1][0], new)
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Harbour-lights-2026")
    assert 'data-testid="reset-invalid"' in client.get(link, follow=True).content.decode()

    client.post(reverse("accounts:password_reset"), {"email": "amy@example.hk"})
    later = _reset_link()
    with override_settings(PASSWORD_RESET_TIMEOUT=-1):
        expired = client.get(later, follow=True)
    assert 'data-testid="reset-invalid"' in expired.content.decode()


def test_a_new_password_equal_to_the_full_name_is_refused(client, make_user):
    user = make_user(Role.ENTERPRISE_MEMBER, email="amy@example.hk", full_name="Amy Harbourside")
    client.post(reverse("accounts:password_reset"), {"email": "amy@example.hk"})
    form = client.get(_reset_link(), follow=True)
    refused = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Amy Harbourside", "new_password2": "Amy Harbourside"},
    )
    assert refused.status_code == 200
    assert "too similar" in refused.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_registration_refuses_a_password_equal_to_the_full_name():
    from goglobal.enterprises.forms import RegistrationAccountForm

    form = RegistrationAccountForm(
        data={
            "account-email": "wang@example.cn",
            "account-full_name": "Wang Xiaoming",
            "account-password": "Wang Xiaoming",
            "account-password_again": "Wang Xiaoming",
        },
        prefix="account",
    )

    assert not form.is_valid()
    assert "too similar" in " ".join(form.errors["password"])


# Self-registration --------------------------------------------------------------------------


def _register(client, code_seq, email="zhang@example.cn", **extra):
    from goglobal.enterprises.tests.test_views import _registration_post
    from goglobal.imports.tests.factories import social_credit_code

    data = _registration_post(social_credit_code(code_seq, "340100"))
    data["account-email"] = email
    return client.post(reverse("enterprises:register"), data, **extra)


def _verify_link() -> str:
    return re.search(r"https?://testserver(/accounts/verify/\S+/)", mail.outbox[-1].body)[1]


def test_a_new_registration_sees_nothing_until_its_address_is_verified(client):
    from goglobal.accounts.models import User

    response = _register(client, 911)

    assert response["Location"] == reverse("accounts:registration_sent")
    user = User.objects.get(email="zhang@example.cn")
    assert not user.is_active
    assert client.get(reverse("enterprises:portal")).status_code == 302
    assert _sign_in(client, "zhang@example.cn", "a-long-password-2026").status_code == 200
    assert client.get(reverse("enterprises:portal")).status_code == 302

    link = _verify_link()
    assert client.get(link).status_code == 302
    assert client.get(reverse("enterprises:portal")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(link).status_code == 400  # a link works once


def test_an_address_already_registered_gets_the_same_answer_and_no_second_account(
    client, make_user
):
    from goglobal.accounts.models import User
    from goglobal.core.models import AuditEvent
    from goglobal.enterprises.models import Contact, Enterprise
    from goglobal.enterprises.signals import enterprises_changed
    from goglobal.imports.tests.factories import social_credit_code

    make_user(Role.ENTERPRISE_MEMBER, email="taken@example.cn")
    new = _register(client, 912, email="fresh@example.cn")
    kept = [m.objects.count() for m in (User, Enterprise, Contact, AuditEvent)]
    written = []

    def on_written(sender, *, ids, **kwargs):
        written.extend(ids)

    enterprises_changed.connect(on_written, dispatch_uid="test.rehearsal")
    try:
        taken = _register(client, 913, email="taken@example.cn")
    finally:
        enterprises_changed.disconnect(dispatch_uid="test.rehearsal")

    assert new.status_code == taken.status_code == 302
    assert new["Location"] == taken["Location"]
    assert User.objects.filter(email="taken@example.cn").count() == 1
    # The registration's work is done (so it takes as long) and rolled back: nothing is kept.
    assert written
    assert [m.objects.count() for m in (User, Enterprise, Contact, AuditEvent)] == kept
    assert not Enterprise.objects.filter(
        social_credit_code=social_credit_code(913, "340100")
    ).exists()
    assert "already has an account" in mail.outbox[-1].body
    assert "/accounts/verify/" not in mail.outbox[-1].body


def test_a_verification_link_expires(client):
    _register(client, 914)
    link = _verify_link()
    with override_settings(GOGLOBAL_EMAIL_VERIFY_SECONDS=-1):
        assert client.get(link).status_code == 400
    assert client.get("/accounts/verify/MTIzNDU2/not-a-token/").status_code == 400


@override_settings(GOGLOBAL_SIGNUPS_PER_HOUR=2)
def test_sign_ups_are_rate_limited_per_address(client):
    from goglobal.accounts.models import User

    for n in range(2):
        assert _register(client, 920 + n, email=f"s{n}@example.cn").status_code == 302
    refused = _register(client, 925, email="s9@example.cn", HTTP_ACCEPT_LANGUAGE="en")

    assert refused.status_code == 429
    assert "Too many registrations" in refused.content.decode()
    assert not User.objects.filter(email="s9@example.cn").exists()


def test_passwords_shorter_than_12_characters_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="at least 12"):
        validate_password("Kowloon-26!")
    validate_password("Kowloon-2026!")


@override_settings(GOGLOBAL_LOGIN_FAILURES_PER_ADDRESS=3, GOGLOBAL_LOGIN_FAILURES_PER_ACCOUNT=50)
def test_behind_the_proxy_clients_are_counted_apart_and_a_forged_header_is_not_believed(
    client, make_user
):
    make_user(Role.ENTERPRISE_MEMBER, email="amy@example.hk")
    via_proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for n in range(3):
        # The attacker writes its own X-Forwarded-For; nginx appends the real address.
        forged = {"HTTP_X_FORWARDED_FOR": f"10.9.9.{n}, 203.0.113.7", **via_proxy}
        _sign_in(client, f"guess{n}@example.hk", "wrong", **forged)

    attacker = _sign_in(
        client, "amy@example.hk", HTTP_X_FORWARDED_FOR="10.1.1.1, 203.0.113.7", **via_proxy
    )
    someone_else = _sign_in(
        client, "amy@example.hk", HTTP_X_FORWARDED_FOR="198.51.100.4", **via_proxy
    )

    assert "Too many failed attempts" in attacker.content.decode()
    assert someone_else.status_code == 302


def test_a_member_changes_the_password_from_the_tokens_page(client, make_user):
    user = make_user(Role.ENTERPRISE_MEMBER)
    client.force_login(user)
    assert (
        reverse("accounts:password_change")
        in client.get(reverse("accounts:tokens")).content.decode()
    )

    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Lantau-ferry-2026",
            "new_password2": "Lantau-ferry-2026",
        },
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Lantau-ferry-2026")
    assert AuditEvent.objects.filter(action="password_changed", actor=user).exists()


@pytest.mark.real_two_factor
def test_the_second_step_returns_to_the_page_asked_for_but_never_off_site(client, make_user):
    officer = make_user(Role.OFFICER)
    device = TOTPDevice.objects.create(user=officer, name="authenticator", confirmed=True)
    _sign_in(client, officer.email)
    asked = client.get("/cases/?stage=qualified&page=2")
    assert asked["Location"].endswith("?next=%2Fcases%2F%3Fstage%3Dqualified%26page%3D2")

    elsewhere = client.post(
        reverse("accounts:two_factor_verify"),
        {"token": _code(device), "next": "https://evil.example/"},
    )

    assert elsewhere["Location"] == reverse("accounts:home")
