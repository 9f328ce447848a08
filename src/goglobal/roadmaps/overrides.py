"""Officers' overrides laid over the engine's roadmap, so they survive every regeneration.

Pure functions on the roadmap JSON. An overridden item keeps what the engine computed under
``override.computed``, so the page can say "the engine said eligible; the officer decided
otherwise, because …".
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

# part of the roadmap -> (its list in the JSON, the key naming an item, the decision field)
DECISIONS: dict[str, tuple[str, str, str]] = {
    "listing_route": ("listing_routes", "route", "eligible"),
    "mainland_step": ("mainland_steps", "step", "required"),
    "function": ("functions", "function", "recommended"),
    "scheme": ("schemes", "scheme", "eligible"),
    "market": ("markets", "market", "recommended"),
}


@dataclass(frozen=True)
class Override:
    id: int
    kind: str  # "decision" or "step"
    note: str
    by: str
    on: str
    part: str = ""
    code: str = ""
    value: bool | None = None
    title: str = ""
    weeks: int | None = None
    after: str = ""


def apply(result: dict[str, Any], overrides: list[Override]) -> dict[str, Any]:
    """``result`` with every override applied and marked (a copy when there is any)."""
    if not overrides:
        return result
    applied = copy.deepcopy(result)
    for override in overrides:
        mark = {"id": override.id, "note": override.note, "by": override.by, "on": override.on}
        if override.kind == "step":
            step_ids = {step["id"] for step in applied.get("steps", [])}
            applied.setdefault("steps", []).append(
                {
                    "id": f"officer-{override.id}",
                    "function": "officer",
                    "title": override.title,
                    "after": [override.after] if override.after in step_ids else [],
                    "weeks": [override.weeks or 1, override.weeks or 1],
                    "provider_categories": [],
                    "documents": [],
                    "facts": [],
                    "override": mark,
                }
            )
            continue
        if override.part not in DECISIONS:
            continue
        part, key, field = DECISIONS[override.part]
        for item in applied.get(part, []):
            if str(item.get(key)) == override.code:
                item["override"] = {**mark, "computed": item.get(field)}
                item[field] = override.value
    return applied
