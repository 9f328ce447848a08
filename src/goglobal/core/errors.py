"""Errors that services raise and views and the API turn into messages."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A business rule refused the operation; ``message`` is already translated for the user."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class StaleRecordError(DomainError):
    """Somebody else saved the record after the actor loaded it."""

    def __init__(self, record: Any) -> None:
        from django.utils.translation import gettext

        super().__init__(
            gettext(
                "This record was changed by someone else after you opened it. "
                "Reload to see their changes; your input has been kept."
            )
        )
        self.record = record
