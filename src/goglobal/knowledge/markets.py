"""Markets a mainland enterprise goes global *to*: never its home market (the Chinese
mainland, ``CN``) nor Hong Kong, the connector it goes global *through*."""

from __future__ import annotations

NOT_TARGETS = frozenset({"CN", "HK"})
