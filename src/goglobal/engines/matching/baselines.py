"""The three baselines ``match-eval`` prints beside the engine, computed on the same file.

- ``bm25``: plain BM25 (k1 1.2, b 0.75) of the enterprise's names and description against each
  provider's names and description, on normalised words (jieba for Chinese), no glossary, no
  filters.
- ``attributes``: the share of equal attributes: the provider serves the need; it covers the
  market (office or network; without a market, any target market); it lists the enterprise's
  sector; it speaks one of the contacts' languages. Four attributes, each 0 or 1.
- ``blend``: that share plus the cosine of the enterprise's and the provider's sentence vectors
  (the same off-the-shelf multilingual encoder the engine uses, ``embed``): the short blend of
  coded attributes and an encoder that a matcher has to beat to be worth its rules.

Each ranks every provider and breaks ties on the id.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from goglobal.engines.matching.embed import Vectors
from goglobal.engines.matching.model import Provider, ProviderQuery
from goglobal.engines.text.segment import tokens


class PlainBM25:
    def __init__(self, providers: tuple[Provider, ...], k1: float = 1.2, b: float = 0.75) -> None:
        self._ids = [provider.id for provider in providers]
        self._documents = [
            Counter(tokens(" ".join((*provider.names, provider.description))))
            for provider in providers
        ]
        self._lengths = [sum(document.values()) for document in self._documents]
        self._average = max(1.0, sum(self._lengths) / max(1, len(self._lengths)))
        self._df: Counter[str] = Counter()
        for document in self._documents:
            self._df.update(document.keys())
        self._k1, self._b = k1, b

    def rank(self, query: ProviderQuery) -> list[str]:
        enterprise = query.enterprise
        terms = set(tokens(" ".join((*enterprise.names, enterprise.description))))
        n = len(self._documents)
        scores = []
        for provider_id, document, length in zip(
            self._ids, self._documents, self._lengths, strict=True
        ):
            score = 0.0
            for term in terms & document.keys():
                df = self._df[term]
                idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
                tf = document[term]
                norm = self._k1 * (1 - self._b + self._b * length / self._average)
                score += idf * tf * (self._k1 + 1) / (tf + norm)
            scores.append((-score, provider_id))
        return [provider_id for _, provider_id in sorted(scores)]


def attribute_share(provider: Provider, query: ProviderQuery) -> float:
    enterprise = query.enterprise
    covered = provider.office_markets | provider.network_markets
    markets = {query.market} if query.market else set(enterprise.target_markets)
    equal = [
        query.need in provider.needs,
        bool(markets & covered),
        enterprise.sector in provider.sectors,
        bool(enterprise.languages & provider.languages),
    ]
    return sum(equal) / len(equal)


def rank_by_attributes(providers: tuple[Provider, ...], query: ProviderQuery) -> list[str]:
    scored = sorted((-attribute_share(provider, query), provider.id) for provider in providers)
    return [provider_id for _, provider_id in scored]


def rank_by_blend(
    providers: tuple[Provider, ...],
    query: ProviderQuery,
    vectors: dict[str, Vectors],
    vector: Vectors | None,
) -> list[str]:
    """Attribute share + cosine of the sentence vectors (0 where a vector is missing)."""
    scored = []
    for provider in providers:
        cosine = 0.0
        if vector is not None and provider.id in vectors:
            cosine = float(np.dot(vectors[provider.id], vector))
        scored.append((-(attribute_share(provider, query) + cosine), provider.id))
    return [provider_id for _, provider_id in sorted(scored)]
