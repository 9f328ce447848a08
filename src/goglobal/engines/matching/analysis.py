"""Turn profile text into retrieval terms: words (any language) and glossary concepts.

A concept term is the glossary concept id prefixed with ``@`` (``@sector.battery``); it is what
lets a Simplified-Chinese enterprise text meet an English or Traditional-Chinese provider profile.
Text is analysed sentence by sentence with a cache, because profiles repeat boilerplate sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from goglobal.engines.text.glossary import concepts
from goglobal.engines.text.normalise import normalise
from goglobal.engines.text.segment import tokens

CONCEPT = "@"
_SENTENCE_END = re.compile(r"[。！？；!?;\n|]+|\.\s+")
# A bare number ("30", "2019", "500") is no evidence of a service: it is a registry or sequence
# number, a year or a count, and two names that share one matched as strongly as two profiles
# that share a service. Numbers joined to letters ("18c", "5g") stay.
_NUMBER = re.compile(r"[\d.,:/%-]+")


def is_concept(term: str) -> bool:
    return term.startswith(CONCEPT)


def analyse(texts: Iterable[str | None]) -> Counter[str]:
    """Term counts of all ``texts`` together."""
    counts: Counter[str] = Counter()
    for text in texts:
        if text:
            for sentence in _SENTENCE_END.split(normalise(text)):
                if sentence.strip():
                    counts.update(_sentence_terms(sentence.strip()))
    return counts


@lru_cache(maxsize=200_000)
def _sentence_terms(sentence: str) -> tuple[str, ...]:
    found = concepts(sentence, normalised=True)
    words = (word for word in tokens(sentence, normalised=True) if not _NUMBER.fullmatch(word))
    return (*words, *(CONCEPT + concept for concept in found))
