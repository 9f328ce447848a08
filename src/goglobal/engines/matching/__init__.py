"""Matching engine: rank Hong Kong providers for a mainland enterprise's need, explainably.

Pure Python (NumPy, jieba, OpenCC); no Django. See docs/matching.md.
"""

from goglobal.engines.matching.errors import FormatError
from goglobal.engines.matching.fairness import exposure_shares, gini, rotate
from goglobal.engines.matching.index import ProviderIndex
from goglobal.engines.matching.model import (
    ENGINE_VERSION,
    Enterprise,
    Match,
    Provider,
    ProviderQuery,
    Reason,
    TrackRecord,
)
from goglobal.engines.matching.rank import rank
from goglobal.engines.matching.weights import DEFAULT_WEIGHTS, Weights

__all__ = [
    "DEFAULT_WEIGHTS",
    "ENGINE_VERSION",
    "Enterprise",
    "FormatError",
    "Match",
    "Provider",
    "ProviderIndex",
    "ProviderQuery",
    "Reason",
    "TrackRecord",
    "Weights",
    "exposure_shares",
    "gini",
    "rank",
    "rotate",
]
