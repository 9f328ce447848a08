"""Sign-in throttling in the shared cache: failures counted per account and per address.

The cache is Redis in production (one count for every web process) and local memory in tests
and the demo. Counters are keyed on what was typed, whether or not such an account exists, so a
lockout says nothing about which addresses are registered.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or, when that is one of ``GOGLOBAL_TRUSTED_PROXIES``
    (nginx in front of gunicorn), the last address in X-Forwarded-For not added by a trusted
    proxy. Addresses a client writes into the header itself are never believed."""
    remote = str(request.META.get("REMOTE_ADDR") or "unknown")
    trusted = set(settings.GOGLOBAL_TRUSTED_PROXIES)
    if remote not in trusted:
        return remote
    chain = [
        part.strip()
        for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
        if part.strip()
    ]
    for address in reversed(chain):
        if address not in trusted:
            return address
    return remote


def _key(kind: str, value: str) -> str:
    return f"signin:{kind}:" + hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]


def _keys(scope: str, account: str, address: str) -> list[tuple[str, int]]:
    return [
        (_key(f"{scope}:account", account), settings.GOGLOBAL_LOGIN_FAILURES_PER_ACCOUNT),
        (_key(f"{scope}:address", address), settings.GOGLOBAL_LOGIN_FAILURES_PER_ADDRESS),
    ]


def is_locked(account: str, address: str, *, scope: str = "password") -> bool:
    """True when the account or the address has used up its failures for this window."""
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(scope, account, address))


def record_failure(account: str, address: str, *, scope: str = "password") -> bool:
    """Count one failure; True when this failure locks the account or the address."""
    window = settings.GOGLOBAL_LOGIN_LOCKOUT_SECONDS
    locked = False
    for key, limit in _keys(scope, account, address):
        if cache.add(key, 1, timeout=window):
            count = 1
        else:
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=window)
                count = 1
        locked = locked or count >= limit
    return locked


def clear_account(account: str, *, scope: str = "password") -> None:
    """A successful sign-in forgets the account's failures (the address keeps its count)."""
    cache.delete(_key(f"{scope}:account", account))


def hit_rate_limit(name: str, address: str, *, limit: int, window: int) -> bool:
    """Count one request under ``name`` for ``address``; True when it is over ``limit``."""
    key = _key(f"rate:{name}", address)
    if cache.add(key, 1, timeout=window):
        return limit < 1
    try:
        return cache.incr(key) > limit
    except ValueError:
        cache.add(key, 1, timeout=window)
        return False
