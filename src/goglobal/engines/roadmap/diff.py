"""``diff(old, new)``: what changed between two roadmap documents, and why.

Compares two ``goglobal-roadmap/1`` documents (``Roadmap.to_json()``) item by item: a route's
eligibility, a mainland step's requirement, a function's recommendation, a market's rank and
treaty status, a scheme's eligibility, steps added or removed, and facts whose value or checked
date changed. Each change carries the new item's reasons, so "why" is the same reason codes.
"""

from __future__ import annotations

from typing import Any

_KEYS = {
    "listing_routes": ("route", ("eligible",)),
    "mainland_steps": ("step", ("required",)),
    "functions": ("function", ("recommended", "score")),
    "markets": ("market", ("rank", "cdta", "fta", "ippa", "hk_offices")),
    "schemes": ("scheme", ("eligible",)),
}


def diff(  # noqa: C901 - one comparison per section
    old: dict[str, Any], new: dict[str, Any]
) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    if old.get("as_of") != new.get("as_of"):
        changes.append({"section": "as_of", "old": old.get("as_of"), "new": new.get("as_of")})
    for section, (key, fields) in _KEYS.items():
        before = {item[key]: item for item in old.get(section, [])}
        after = {item[key]: item for item in new.get(section, [])}
        for name in sorted(set(before) | set(after)):
            if name not in before:
                changes.append(
                    {
                        "section": section,
                        "item": name,
                        "change": "added",
                        "why": after[name].get("reasons", []),
                    }
                )
                continue
            if name not in after:
                changes.append({"section": section, "item": name, "change": "removed"})
                continue
            for field in fields:
                if before[name].get(field) != after[name].get(field):
                    changes.append(
                        {
                            "section": section,
                            "item": name,
                            "field": field,
                            "old": before[name].get(field),
                            "new": after[name].get(field),
                            "why": [
                                r
                                for r in after[name].get("reasons", [])
                                if r not in before[name].get("reasons", [])
                            ]
                            or after[name].get("reasons", []),
                        }
                    )
    old_steps = {(s["function"], s["title"]) for s in old.get("steps", [])}
    new_steps = {(s["function"], s["title"]) for s in new.get("steps", [])}
    for function, title in sorted(new_steps - old_steps):
        changes.append({"section": "steps", "item": title, "function": function, "change": "added"})
    for function, title in sorted(old_steps - new_steps):
        changes.append(
            {"section": "steps", "item": title, "function": function, "change": "removed"}
        )
    old_facts, new_facts = old.get("facts", {}), new.get("facts", {})
    for fact in sorted(set(old_facts) | set(new_facts)):
        if fact not in old_facts:
            changes.append({"section": "facts", "item": fact, "change": "added"})
        elif fact not in new_facts:
            changes.append({"section": "facts", "item": fact, "change": "removed"})
        elif old_facts[fact] != new_facts[fact]:
            changes.append(
                {
                    "section": "facts",
                    "item": fact,
                    "change": "updated",
                    "old": old_facts[fact],
                    "new": new_facts[fact],
                }
            )
    return changes
