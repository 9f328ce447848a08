"""Text tools shared by search and matching: normalisation across scripts and widths."""

from goglobal.engines.text.language import detect_language
from goglobal.engines.text.normalise import normalise, search_key

__all__ = ["detect_language", "normalise", "search_key"]
