"""What changed between two versions of a roadmap, and why.

Pure functions on the stored JSON (``goglobal-roadmap/1``). A change is a dict
``{"part", "item", "what", "before", "after"}``; the reasons a regeneration gives are the
profile fields that changed, a change in the knowledge base, or a later rules date.
"""

from __future__ import annotations

from typing import Any

# Each part of a roadmap, the key that names one of its items, and the fields worth reporting.
PARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "listing_routes": ("route", ("eligible",)),
    "mainland_steps": ("step", ("required",)),
    "functions": ("function", ("recommended",)),
    "markets": ("market", ("rank", "cdta", "ippa")),
    "schemes": ("scheme", ("eligible",)),
    "steps": ("id", ("weeks",)),
}


def _items(result: dict[str, Any], part: str, key: str) -> dict[str, dict[str, Any]]:
    return {str(item[key]): item for item in result.get(part, []) if key in item}


def result_changes(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """Items added, removed or decided differently between two roadmaps."""
    changes: list[dict[str, Any]] = []
    for part, (key, fields) in PARTS.items():
        old, new = _items(before, part, key), _items(after, part, key)
        for item in sorted(new.keys() - old.keys()):
            changes.append({"part": part, "item": item, "what": "added"})
        for item in sorted(old.keys() - new.keys()):
            changes.append({"part": part, "item": item, "what": "removed"})
        for item in sorted(old.keys() & new.keys()):
            for field in fields:
                if old[item].get(field) != new[item].get(field):
                    changes.append(
                        {
                            "part": part,
                            "item": item,
                            "what": field,
                            "before": old[item].get(field),
                            "after": new[item].get(field),
                        }
                    )
    return changes


def profile_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The enterprise fields whose values differ between two input profiles."""
    old, new = before.get("enterprise", {}), after.get("enterprise", {})
    return sorted(field for field in old.keys() | new.keys() if old.get(field) != new.get(field))


def why(
    *,
    before_profile: dict[str, Any],
    after_profile: dict[str, Any],
    before_knowledge: str,
    after_knowledge: str,
    overrides_changed: bool,
) -> list[dict[str, Any]]:
    """The causes of a regeneration's changes, as ``{"cause", "fields"?}`` entries."""
    causes: list[dict[str, Any]] = []
    fields = profile_changes(before_profile, after_profile)
    if fields:
        causes.append({"cause": "profile", "fields": fields})
    if before_knowledge != after_knowledge:
        causes.append({"cause": "knowledge"})
    if before_profile.get("as_of") != after_profile.get("as_of"):
        causes.append(
            {
                "cause": "as_of",
                "before": before_profile.get("as_of"),
                "after": after_profile.get("as_of"),
            }
        )
    if overrides_changed:
        causes.append({"cause": "overrides"})
    return causes
