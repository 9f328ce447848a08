"""The one exception the roadmap engine raises for bad input."""

from __future__ import annotations

from goglobal.engines.exchange import FieldError


class ProfileError(FieldError):
    """Bad input. The message names the field: ``enterprise.financials[1].revenue: …``."""
