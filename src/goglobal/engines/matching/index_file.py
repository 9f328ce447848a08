"""A built provider index saved to a file and read back, so a new process need not rebuild it.

Building the index reads every provider's text and derives its structure (about 7 ms of CPU per
provider: 100,000 providers take minutes). A saved file holds the built index and whatever the
caller keeps beside it (the platform keeps its watermarks), and is read back in seconds.

A file is only read back by the code that wrote it: its header carries a fingerprint of
the engine's own files (this package and the text tools it reads, code and data), so any change
to how the index is built makes old snapshots unreadable (``IndexFileMismatch``) instead of
silently mixing two versions. The body is signed with a key the caller holds (HMAC-SHA256): a
file that was altered, or written with another key, is refused before anything in it is loaded.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import pickle
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from goglobal.engines.matching.index import ProviderIndex

MAGIC = b"goglobal-provider-index/1\n"
_PACKAGES = ("matching", "text")


class IndexFileMismatch(Exception):  # noqa: N818 - reads as what it reports
    """The file is not a snapshot this code can read: another version, key, or damaged."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 over the engine's files (code and data, not tests), in a stable order."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for package in _PACKAGES:
        for path in sorted((root / package).rglob("*")):
            inside = path.relative_to(root).parts
            if not path.is_file() or "tests" in inside or "__pycache__" in inside:
                continue
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _read_only(values: dict[Any, Any]) -> Mapping[Any, Any]:
    return MappingProxyType(values)


class _Pickler(pickle.Pickler):
    """Read-only mappings (``MappingProxyType``) are saved as the dicts they wrap."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, MappingProxyType):
            return _read_only, (dict(obj),)
        return NotImplemented


def _body(index: ProviderIndex, extra: Mapping[str, Any]) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump((index, dict(extra)))
    return buffer.getvalue()


def save(path: Path, index: ProviderIndex, *, key: bytes, extra: Mapping[str, Any]) -> int:
    """Write ``index`` and ``extra`` to ``path`` atomically (a reader sees the old file or the
    new one, never half of one); returns the bytes written."""
    body = _body(index, extra)
    fingerprint = code_fingerprint().encode()
    signature = hmac.new(key, fingerprint + body, hashlib.sha256).hexdigest().encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC + fingerprint + b"\n" + signature + b"\n" + body)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return len(body)


def load(path: Path, *, key: bytes) -> tuple[ProviderIndex, dict[str, Any]]:
    """The index and extra values saved at ``path``; ``IndexFileMismatch`` when the file was
    written by other code or another key, or is damaged; ``FileNotFoundError`` when absent."""
    data = path.read_bytes()
    if not data.startswith(MAGIC):
        raise IndexFileMismatch("not a saved provider index")
    parts = data[len(MAGIC) :].split(b"\n", 2)
    if len(parts) != 3:
        raise IndexFileMismatch("damaged header")
    fingerprint, signature, body = parts
    if fingerprint.decode(errors="replace") != code_fingerprint():
        raise IndexFileMismatch("written by another version of the engine")
    expected = hmac.new(key, fingerprint + body, hashlib.sha256).hexdigest().encode()
    if not hmac.compare_digest(signature, expected):
        raise IndexFileMismatch("signature does not match (altered, or another key)")
    index, extra = pickle.loads(body)  # noqa: S301 - signed above with the caller's key
    if not isinstance(index, ProviderIndex) or not isinstance(extra, dict):
        raise IndexFileMismatch("unexpected contents")
    return index, extra
