"""Column and value mapping for imports of files in any layout (no Django).

``synonyms`` holds, per import column, the header names people give it in English, Simplified
and Traditional Chinese; ``suggest`` matches a file's headers to columns and a list's values to
reference codes by normalised text, never guessing between two equally good answers.
"""

from goglobal.engines.mapping.suggest import (
    ColumnSuggestion,
    Option,
    ValueIndex,
    header_key,
    suggest_columns,
    suggest_value,
    value_key,
)
from goglobal.engines.mapping.synonyms import SYNONYMS

__all__ = [
    "SYNONYMS",
    "ColumnSuggestion",
    "Option",
    "ValueIndex",
    "header_key",
    "suggest_columns",
    "suggest_value",
    "value_key",
]
