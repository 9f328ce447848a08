"""Entity resolution for mainland enterprises: one enterprise, one record.

``compare(a, b)`` scores two records (code first, then trade name, region and industry across
scripts) with reasons; ``IdentityIndex`` finds the candidates for one record among many;
``parse`` splits a Chinese or English company name into its parts. No Django here.
"""

from goglobal.engines.identity.compare import (
    REVIEW,
    THRESHOLD,
    Comparison,
    Reason,
    Record,
    clean_code,
    code_is_valid,
    compare,
)
from goglobal.engines.identity.index import IdentityIndex, Match, blocking_keys, build_index
from goglobal.engines.identity.names import ParsedName, parse
from goglobal.engines.identity.regions import Region

__all__ = [
    "REVIEW",
    "THRESHOLD",
    "Comparison",
    "IdentityIndex",
    "Match",
    "ParsedName",
    "Reason",
    "Record",
    "Region",
    "blocking_keys",
    "build_index",
    "clean_code",
    "code_is_valid",
    "compare",
    "parse",
]
