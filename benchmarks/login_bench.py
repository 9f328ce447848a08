"""Sign-in and registration timing: does a wrong password for a real account take as long as any
password for an address with no account, and does a registration for an address that already has
an account take as long as one for a new address? (ASVS 2.2 / no enumeration by timing.)

Usage:

    .venv/bin/python benchmarks/login_bench.py --attempts 40 --registrations 40

Runs against a throwaway SQLite database with the production password hasher (PBKDF2, Django's
default), through the real sign-in form in-process with Django's test client. Throttling is
raised out of the way for the run (the lockout is tested elsewhere); every attempt comes from a
different address. Prints p50 and p95 in milliseconds for: a wrong password for an existing
account, an unknown address, and a correct sign-in, then the ratio of the two failure medians;
then, with the reference data loaded, the enterprise registration form posted in full for a new
address and for an address that has an account (sign-up rate limit raised likewise; each post a
new enterprise), and the ratio of their medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
_DATA = tempfile.mkdtemp(prefix="goglobal-login-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("GOGLOBAL_SSL_REDIRECT", "false")
os.environ.setdefault("GOGLOBAL_SECURE_COOKIES", "false")
os.environ.setdefault("GOGLOBAL_LOG_LEVEL", "WARNING")
os.environ["GOGLOBAL_DATA_DIR"] = _DATA
os.environ["DATABASE_URL"] = f"sqlite:///{_DATA}/bench.sqlite3"
os.environ["GOGLOBAL_LOGIN_FAILURES_PER_ACCOUNT"] = "1000000"
os.environ["GOGLOBAL_LOGIN_FAILURES_PER_ADDRESS"] = "1000000"
os.environ["GOGLOBAL_SIGNUPS_PER_HOUR"] = "1000000"
os.environ.setdefault("GOGLOBAL_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
os.environ.setdefault(
    "GOGLOBAL_STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage"
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

PASSWORD = "harbour-timing-2026"  # noqa: S105 (a throwaway benchmark account)


def _time(client: Client, email: str, password: str, n: int) -> float:
    started = time.perf_counter()
    response = client.post(
        "/accounts/login/",
        {"username": email, "password": password},
        REMOTE_ADDR=f"10.0.{n // 250}.{n % 250}",
    )
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code not in (200, 302):
        raise RuntimeError(f"unexpected {response.status_code}")
    return elapsed


def _time_registration(email: str, n: int) -> float:
    from goglobal.enterprises.rules import social_credit_check_character
    from goglobal.enterprises.tests.test_views import _registration_post

    body = f"91340100{n:09d}"
    # The registration form as the enterprise tests post it, a new enterprise each time.
    data = _registration_post(body + social_credit_check_character(body))
    data["account-email"] = email
    started = time.perf_counter()
    response = Client().post(
        "/enterprises/register/", data, REMOTE_ADDR=f"10.1.{n // 250}.{n % 250}"
    )
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 302:
        raise RuntimeError(f"registration answered {response.status_code}")
    return elapsed


def _summary(name: str, values: list[float]) -> float:
    values = sorted(values)
    p50 = statistics.median(values)
    p95 = values[int(0.95 * (len(values) - 1))]
    print(f"{name:<28} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   (n={len(values)})")
    return p50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=40)
    parser.add_argument("--registrations", type=int, default=40)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    from goglobal.accounts.models import Role
    from goglobal.accounts.services import user_create

    user_create(email="member@example.hk", password=PASSWORD, role=Role.ENTERPRISE_MEMBER)
    wrong, unknown, right = [], [], []
    for n in range(args.attempts):
        wrong.append(_time(Client(), "member@example.hk", "not-the-password", 3 * n))
        unknown.append(_time(Client(), f"nobody{n}@example.hk", "not-the-password", 3 * n + 1))
        right.append(_time(Client(), "member@example.hk", PASSWORD, 3 * n + 2))
    a = _summary("wrong password", wrong)
    b = _summary("unknown address", unknown)
    _summary("correct sign-in", right)
    print(f"median unknown / wrong: {b / a:.2f}")
    if args.registrations:
        from goglobal.knowledge.services import reference_data_load

        reference_data_load()
        new, taken = [], []
        for n in range(args.registrations):
            new.append(_time_registration(f"new{n}@example.cn", 2 * n + 1))
            taken.append(_time_registration("member@example.hk", 2 * n + 2))
        c = _summary("registration, new address", new)
        d = _summary("registration, taken address", taken)
        print(f"median taken / new: {d / c:.2f}")


if __name__ == "__main__":
    main()
