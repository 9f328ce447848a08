"""Text tools shared by search and matching: normalisation, segmentation, the glossary."""

from goglobal.engines.text.glossary import concepts, glossary
from goglobal.engines.text.language import detect_language
from goglobal.engines.text.normalise import normalise, search_key
from goglobal.engines.text.segment import tokens, words

__all__ = [
    "concepts",
    "detect_language",
    "glossary",
    "normalise",
    "search_key",
    "tokens",
    "words",
]
