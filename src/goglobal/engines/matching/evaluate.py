"""Score the engine and the three baselines on a judged set, overall and by query language."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from goglobal.engines.matching import embed, reading
from goglobal.engines.matching.baselines import PlainBM25, rank_by_attributes, rank_by_blend
from goglobal.engines.matching.evalset import JudgedQuery, JudgedSet
from goglobal.engines.matching.index import ProviderIndex
from goglobal.engines.matching.metrics import summary
from goglobal.engines.matching.model import Provider
from goglobal.engines.matching.rank import rank
from goglobal.engines.matching.weights import DEFAULT_WEIGHTS, Weights

DEPTH = 20  # recall@20 needs the first 20
LANGUAGES = ("zh-hans", "zh-hant", "en")
Ranker = Callable[[JudgedQuery], list[str]]
Vectors = embed.Vectors


def encode_set(judged: JudgedSet) -> tuple[dict[str, Vectors], dict[str, Vectors]]:
    """Profile vectors of every provider and enterprise of the set, as the platform stores them
    when a profile is saved (empty dicts when the encoder is not installed)."""
    if not embed.available():  # pragma: no cover - a dependency
        return {}, {}
    texts = [embed.profile_text(p.names, p.description) for p in judged.providers]
    providers = dict(zip([p.id for p in judged.providers], _encoded(tuple(texts)), strict=True))
    enterprises = [item.query.enterprise for item in judged.queries]
    texts = [embed.profile_text(e.names, e.description) for e in enterprises]
    vectors = dict(zip([item.id for item in judged.queries], _encoded(tuple(texts)), strict=True))
    return providers, vectors


def read_set(judged: JudgedSet) -> list[Provider]:
    """The set's providers with the needs the encoder reads in their descriptions, as the
    platform stores them when a profile is saved (``reading``)."""
    read = _read(tuple(p.description for p in judged.providers))
    pairs = zip(judged.providers, read, strict=True)
    return [dataclasses.replace(provider, read_needs=needs) for provider, needs in pairs]


@lru_cache(maxsize=8)
def _read(texts: tuple[str, ...]) -> list[tuple[tuple[str, str], ...]]:
    return reading.read_needs(texts)


@lru_cache(maxsize=8)
def _encoded(texts: tuple[str, ...]) -> Vectors:
    """The same set evaluated twice in one process (tests, sweeps) is encoded once."""
    return embed.encode(list(texts))


def engine_ranker(
    judged: JudgedSet,
    weights: Weights = DEFAULT_WEIGHTS,
    vectors: tuple[dict[str, Vectors], dict[str, Vectors]] | None = None,
) -> Ranker:
    providers, enterprises = vectors if vectors is not None else encode_set(judged)
    index = ProviderIndex(read_set(judged) if providers else judged.providers, providers)

    def ranking(item: JudgedQuery) -> list[str]:
        query = dataclasses.replace(item.query, vector=enterprises.get(item.id))
        return [match.id for match in rank(index, query, weights=weights, limit=DEPTH)]

    return ranking


def _figures(queries: Sequence[JudgedQuery], rankings: Sequence[list[str]]) -> dict[str, Any]:
    figures: dict[str, Any] = summary(rankings, [item.relevant for item in queries])
    figures["by_language"] = {}
    for language in LANGUAGES:
        chosen = [i for i, item in enumerate(queries) if item.language == language]
        if chosen:
            part = summary([rankings[i] for i in chosen], [queries[i].relevant for i in chosen])
            figures["by_language"][language] = {**part, "queries": len(chosen)}
    return figures


def evaluate(
    judged: JudgedSet,
    weights: Weights = DEFAULT_WEIGHTS,
    vectors: tuple[dict[str, Vectors], dict[str, Vectors]] | None = None,
) -> dict[str, Any]:
    """The figures that ``match-eval --json`` prints (see docs/match-eval-format.md)."""
    started = time.perf_counter()
    queries = judged.queries
    vectors = vectors if vectors is not None else encode_set(judged)
    engine = engine_ranker(judged, weights, vectors)
    rankings = [engine(item) for item in queries]
    result = _figures(queries, rankings)
    result["per_query"] = [
        {"id": item.id, "language": item.language, **summary([ranking], [item.relevant]),
         "top": ranking[:3]}
        for item, ranking in zip(queries, rankings, strict=True)
    ]  # fmt: skip
    bm25 = PlainBM25(judged.providers)
    result["baselines"] = {
        "bm25": _figures(queries, [bm25.rank(item.query) for item in queries]),
        "attributes": _figures(
            queries, [rank_by_attributes(judged.providers, item.query) for item in queries]
        ),
        "blend": _figures(queries, [_blend(judged, item, vectors) for item in queries]),
    }
    result["queries"] = len(queries)
    result["providers"] = len(judged.providers)
    result["seconds"] = round(time.perf_counter() - started, 3)
    return result


def _blend(
    judged: JudgedSet, item: JudgedQuery, vectors: tuple[dict[str, Vectors], dict[str, Vectors]]
) -> list[str]:
    providers, enterprises = vectors
    return rank_by_blend(judged.providers, item.query, providers, enterprises.get(item.id))


def format_table(result: dict[str, Any], source: str) -> str:
    """The human-readable report: one row per metric, engine beside the three baselines."""
    baselines = ("bm25", "attributes", "blend")
    lines = [
        f"match-eval {source}: {result['queries']} queries, {result['providers']} providers,"
        f" {result['seconds']:.2f} s",
        f"{'':<22}{'engine':>8}{'bm25':>8}{'attributes':>12}{'blend':>8}",
    ]
    rows = [("all", [result, *(result["baselines"][name] for name in baselines)])]
    for language, figures in result["by_language"].items():
        label = f"{language} ({figures['queries']})"
        others = [result["baselines"][name]["by_language"][language] for name in baselines]
        rows.append((label, [figures, *others]))
    for label, columns in rows:
        for metric in ("ndcg@10", "recall@20", "mrr"):
            cells = [f"{figures[metric]:>{width}.3f}" for figures, width in zip(
                columns, (8, 8, 12, 8), strict=True)]  # fmt: skip
            lines.append(f"{label + ' ' + metric:<22}{''.join(cells)}")
    return "\n".join(lines)
