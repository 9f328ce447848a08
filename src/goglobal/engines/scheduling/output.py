"""Write a result in the exchange format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from goglobal.engines.scheduling.model import RESULT_FORMAT, RESULT_FORMAT_2, Result


def result_to_dict(result: Result) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": RESULT_FORMAT if result.version == 1 else RESULT_FORMAT_2,
        "meetings": [
            {"participants": list(m.participants), "slot": m.slot, "table": m.table}
            | ({"venue": m.venue} if m.venue else {})
            for m in result.meetings
        ],
        "value": result.value,
        "upper_bound": result.upper_bound,
        "ratio": round(result.ratio, 6),
        "status": result.status,
        "bound_method": result.bound_method,
        "seconds": result.seconds,
        "unscheduled": [
            {"participants": list(u.participants), "reason": u.reason} for u in result.unscheduled
        ],
    }
    if result.breaks is not None:
        data["breaks"] = {
            "total": result.breaks.total,
            "max": result.breaks.most,
            "spread": result.breaks.spread,
            "value_only_total": result.breaks.value_only_total,
            "per_participant": dict(result.breaks.per_participant),
        }
        data["shared_meetings"] = result.shared_meetings
    if result.changes is not None:
        data["changes"] = {
            "kept": result.changes.kept,
            "moved": result.changes.moved,
            "dropped": result.changes.dropped,
            "added": result.changes.added,
        }
    return data


def dump_result(result: Result, path: str | Path | None = None) -> str:
    """Return the result as JSON text (UTF-8, indented) and write it to ``path`` if given."""
    text = json.dumps(result_to_dict(result), ensure_ascii=False, indent=2) + "\n"
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text
