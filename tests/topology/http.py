"""A small HTTP client for loopback tests: cookies, CSRF tokens, forms and file uploads."""

from __future__ import annotations

import http.client
import json
import re
import uuid
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode, urlsplit

_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.body)


class Client:
    """One user's browser, more or less: its cookies, against one base address."""

    def __init__(self, base: str, *, timeout: float = 60) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.bearer = ""

    def at(self, base: str) -> Client:
        """The same user (cookies, token) talking to another process."""
        other = Client(base, timeout=self.timeout)
        other.cookies, other.bearer = self.cookies, self.bearer
        return other

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        sent = {"Host": self.host, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.bearer and path.startswith("/api/"):
            sent["Authorization"] = f"Bearer {self.bearer}"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.request(method, path, body=body, headers=sent)
            raw = connection.getresponse()
            response = Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, raw.read())
            for header in raw.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
        finally:
            connection.close()
        return response

    def get(self, path: str, headers: dict[str, str] | None = None) -> Response:
        return self.request("GET", path, headers=headers)

    def csrf_token(self, page: str) -> str:
        match = _CSRF_FIELD.search(self.get(page).text)
        if not match:
            raise LookupError(f"no CSRF token on {page}")
        return match.group(1)

    def post_form(self, path: str, data: dict[str, str], *, page: str | None = None) -> Response:
        fields = {"csrfmiddlewaretoken": self.csrf_token(page or path), **data}
        return self.request(
            "POST",
            path,
            urlencode(fields).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    def post_json(self, path: str, payload: Any, headers: dict[str, str] | None = None) -> Response:
        body = json.dumps(payload).encode()
        return self.request(
            "POST", path, body, {"Content-Type": "application/json", **(headers or {})}
        )

    def post_file(
        self,
        path: str,
        data: dict[str, str],
        files: dict[str, tuple[str, bytes]],
        *,
        page: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        boundary = uuid.uuid4().hex
        fields = {"csrfmiddlewaretoken": self.csrf_token(page or path), **data}
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + f"{value}\r\n".encode()
            for name, value in fields.items()
        ]
        for name, (filename, content) in files.items():
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
            )
            parts.append(head.encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        content_type = f"multipart/form-data; boundary={boundary}"
        return self.request(
            "POST", path, b"".join(parts), {"Content-Type": content_type, **(headers or {})}
        )

    def login(self, email: str, password: str, *, code: str | None = None) -> None:
        """Sign in; staff give ``code`` (their authenticator's current code) as the second step."""
        response = self.post_form("/accounts/login/", {"username": email, "password": password})
        if response.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login failed: {response.status}")
        if code is not None:
            verify = "/accounts/two-factor/verify/"
            response = self.post_form(verify, {"token": code})
            if response.status != 302:
                raise RuntimeError(f"second step failed: {response.status}")
