"""The one exception the scheduling engine raises for bad input."""

from __future__ import annotations

from goglobal.engines.exchange import FieldError


class InstanceError(FieldError):
    """Bad input. The message names the field and the entry: ``requests[12].to: unknown …``."""
