"""Cut normalised text into words: jieba for Chinese runs, a light stemmer for Latin words.

``words`` keeps every word in order (the glossary matches phrases on it); ``tokens`` drops stop
words and single Chinese characters, for lexical retrieval. jieba loads its dictionary lazily on
the first Chinese text (about a second; it caches a prefix dictionary in the temp directory).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from goglobal.engines.text.normalise import normalise

_RUN = re.compile(r"[a-z0-9]+(?:[&'./+-][a-z0-9]+)*|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_STOP_TEXT = """
a about across after all also an and any are as at be been being both but by can do does for from
has have help helps how if in into is it its let more most not of on one or other our out over own
per such than that the their them then there these they this those through to under up upon us
was we were what when where which while who will with within you your
的 了 和 与 及 或 在 是 为 等 并 也 由 对 将 把 被 从 向 于 以 其 之 而 我们 我司 本公司 公司 一家
有限公司 有限 集团 提供 相关 以及 服务 业务 能够 可以 进行 帮助 希望 需要 计划 拟 正在
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba  # imported on first use: loading its dictionary takes a second

    jieba.setLogLevel(logging.WARNING)
    from goglobal.engines.text.glossary import chinese_terms  # avoids a cycle

    for term in chinese_terms():
        jieba.add_word(term, freq=50_000)
    return jieba


def stem(word: str) -> str:
    """Fold English plurals: ``batteries`` → ``battery``, ``firms`` → ``firm`` (``ss`` kept)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str | None, *, normalised: bool = False) -> list[str]:
    """The words of ``text`` in order: stemmed Latin words; jieba search-mode words of Chinese.

    Search mode also yields the shorter words inside long ones (``知识产权保护`` gives ``知识``,
    ``产权``, ``知识产权``, ``保护`` and the whole), so partial phrases still meet.
    """
    folded = text or "" if normalised else normalise(text)
    result: list[str] = []
    for run in _RUN.findall(folded):
        if _HAN.match(run):
            result.extend(_jieba().lcut_for_search(run, HMM=False))
        else:
            result.append(stem(run))
    return result


def tokens(text: str | None, *, normalised: bool = False) -> list[str]:
    """Words for retrieval: no stop words, no single Chinese characters, no lone digits."""
    return [
        word
        for word in words(text, normalised=normalised)
        if word not in STOP_WORDS
        and not (len(word) == 1 and not word.isalpha())
        and not (len(word) == 1 and _HAN.match(word))
    ]


def has_chinese(text: str | None) -> bool:
    return bool(text and _HAN.search(text))
