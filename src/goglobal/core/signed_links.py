"""Signed links sent to people without an account (event agendas, shared roadmaps): one way to
make them, one way to read them.

A link carries its value and the time it was made, signed with the site's key and a salt of
its own (a roadmap link cannot open an agenda). ``read`` gives the value back while the link is
younger than ``days``; an older link raises ``LinkExpiredError``, which ``ExpiredLinkMiddleware``
answers with a page in the reader's language saying the link has expired and who can send a
new one (410 Gone); a forged or damaged link is a 404 like any unknown address.

Links can be revoked by staff. The object a link names keeps a link generation (a counter, 0
until the first revocation); a link made at generation ``g > 0`` signs ``value.g``, so the
generation cannot be changed without breaking the signature. Revoking raises the counter: every
link made before stops at once (``LinkRevokedError``, answered with its own 410 page) and the
next link made is valid. Links made at generation 0 sign the bare value, as before revocation
existed, so links already sent keep working until a first revocation.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render


class LinkExpiredError(Exception):
    """A genuine link, older than its lifetime."""


class LinkRevokedError(Exception):
    """A genuine link, made before staff revoked the links of its object."""


def make(salt: str, value: str, generation: int = 0) -> str:
    signed = f"{value}.{generation}" if generation else value
    return signing.TimestampSigner(salt=salt).sign(signed)


def split_generation(signed: str) -> tuple[str, int]:
    """``(value, generation)`` of a value ``read`` gave back (generation 0 when none)."""
    value, dot, generation = signed.rpartition(".")
    if not dot:
        return signed, 0
    if not generation.isdigit():
        raise ValueError(signed)
    return value, int(generation)


def require_current(issued: int, current: int) -> None:
    """A link made at generation ``issued`` for an object now at ``current``: revoked when
    older; a generation the object never had cannot be signed, so it is an unknown link."""
    if issued < current:
        raise LinkRevokedError
    if issued > current:
        raise Http404


def read(salt: str, token: str, *, days: int, legacy: bool = False) -> str:
    """The value ``token`` was made for. ``legacy`` accepts, as expired, a link signed without
    a time by an earlier release (so it gets the expired page, never the old open-ended use)."""
    signer = signing.TimestampSigner(salt=salt)
    try:
        return signer.unsign(token, max_age=days * 86400)
    except signing.SignatureExpired as error:
        raise LinkExpiredError from error
    except (signing.BadSignature, ValueError) as error:
        # A link signed without a time passes the signature check and has no time to read.
        if legacy:
            try:
                signing.Signer(salt=salt).unsign(token)
            except signing.BadSignature:
                pass
            else:
                raise LinkExpiredError from error
        raise Http404 from error


class ExpiredLinkMiddleware:
    """An expired or revoked signed link is a clear page (410), not an error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, LinkExpiredError):
            return render(request, "core/link_expired.html", status=410)
        if isinstance(exception, LinkRevokedError):
            return render(request, "core/link_revoked.html", status=410)
        return None
