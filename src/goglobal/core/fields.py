"""Model fields shared by several apps."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Lookup


class KeyList(models.JSONField):
    """A JSON list of short strings ("need:fundraising.ipo"), searched with ``__has_any``.

    On PostgreSQL the lookup is ``?|``, which a GIN index on the column answers; on SQLite it is
    a ``json_each`` probe of the row. Both read the row's own column: no join.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs


@KeyList.register_lookup
class HasAny(Lookup):
    """True when the list holds at least one of the given strings (never for an empty set)."""

    lookup_name = "has_any"
    prepare_rhs = False

    def _keys(self) -> list[str]:
        keys = sorted({str(key) for key in self.rhs})
        if not keys:
            raise ValueError("has_any needs at least one key")
        return keys

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        keys = self._keys()
        placeholders = ", ".join(["%s"] * len(keys))
        return (
            f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE json_each.value IN ({placeholders}))",  # noqa: S608
            [*lhs_params, *keys],
        )

    def as_postgresql(self, compiler: Any, connection: Any) -> Any:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} ?| %s::text[]", [*lhs_params, self._keys()]
