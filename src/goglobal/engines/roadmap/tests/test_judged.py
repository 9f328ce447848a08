"""The judged set: 36 profiles with answers written from the published rules (judged.json).

Each case's expected answers and the reasoning beside them come from the rules, not from the
engine. Known disagreements are listed in the file with why; every other answer must match.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from goglobal.engines.roadmap import build_roadmap, parse_profile
from goglobal.engines.roadmap.tests.kb import shipped

JUDGED = Path(__file__).with_name("judged.json")


def _answers(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "listing_routes": {r["route"]: r["eligible"] for r in doc["listing_routes"]},
        "mainland_steps": {s["step"]: s["required"] for s in doc["mainland_steps"]},
        "functions": {f["function"]: f["recommended"] for f in doc["functions"]},
        "tax_points": {f["function"]: f["tax_points"] for f in doc["functions"]},
        "markets": {m["market"]: m for m in doc["markets"]},
    }


def score(judged: dict[str, Any]) -> tuple[int, int, list[str]]:
    """(answers right, answers checked, what differed) over the whole judged set."""
    right = checked = 0
    wrong: list[str] = []
    snapshot = shipped()
    for case in judged["cases"]:
        doc = build_roadmap(parse_profile(case["profile"], today=date(2026, 12, 2)), snapshot)
        got = _answers(doc.to_json())
        for section, expected in case["expected"].items():
            for name, answer in expected.items():
                checked += 1
                actual = got[section].get(name)
                if section == "markets":
                    ok = actual is not None and all(
                        (set(value) <= set(actual[key]))
                        if isinstance(value, list)
                        else actual[key] == value
                        for key, value in answer.items()
                    )
                elif section == "tax_points":
                    ok = all(point in (actual or []) for point in answer)
                else:
                    ok = actual == answer
                if ok:
                    right += 1
                else:
                    wrong.append(
                        f"{case['id']} {section}.{name}: expected {answer!r}, got {actual!r}"
                    )
    return right, checked, wrong


def test_judged_set() -> None:
    judged = json.loads(JUDGED.read_text(encoding="utf-8"))
    assert len(judged["cases"]) >= 30
    assert all(case["reasoning"] for case in judged["cases"])
    right, checked, wrong = score(judged)
    known = judged["known_disagreements"]
    unexpected = [line for line in wrong if line.split()[0] not in known]
    assert unexpected == []
    assert right / checked >= 0.95, (right, checked)
