"""The one exception the matching engine raises for bad input."""

from __future__ import annotations

from goglobal.engines.exchange import FieldError


class FormatError(FieldError):
    """Bad input. The message names the field and the entry: ``providers[3].needs: …``."""
