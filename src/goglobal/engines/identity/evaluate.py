"""Precision and recall of "same enterprise" on a labelled set of record pairs.

The format (``goglobal-identity-eval/1``) is documented in docs/identity-eval-format.md.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goglobal.engines.exchange import FieldError, Readers
from goglobal.engines.identity.compare import THRESHOLD, Record, compare

FORMAT = "goglobal-identity-eval/1"


class FormatError(FieldError):
    """A labelled set that does not follow the format."""


_read = Readers(FormatError, strip=True)
_RECORD_KEYS = {"names", "name_zh", "name_en", "code", "region", "sector"}


@dataclass(frozen=True, slots=True)
class LabelledPair:
    id: str
    a: Record
    b: Record
    same: bool
    kind: str


def _optional_text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        _read.fail(f"{where}.{key}", "must be a string")
    return value


def _record(value: object, where: str) -> Record:
    entry = _read.obj(value, where)
    _read.only_keys(entry, _RECORD_KEYS, where)
    names: list[str] = []
    if "names" in entry:
        for position, name in enumerate(_read.array(entry["names"], f"{where}.names")):
            names.append(_read.text(name, f"{where}.names[{position}]"))
    for key in ("name_zh", "name_en"):
        text = _optional_text(entry, key, where)
        if text:
            names.append(text)
    if not names:
        _read.fail(f"{where}.names", "a record needs at least one name")
    return Record.of(
        names,
        _optional_text(entry, "code", where),
        _optional_text(entry, "region", where),
        _optional_text(entry, "sector", where),
    )


def load_pairs(source: str | Path | Mapping[str, Any]) -> list[LabelledPair]:
    data = _read.read_json(source, "labelled set")
    if data.get("format") != FORMAT:
        _read.fail("format", f"must be {FORMAT!r}")
    pairs: list[LabelledPair] = []
    seen: set[str] = set()
    for position, value in enumerate(_read.array(data.get("pairs"), "pairs")):
        where = f"pairs[{position}]"
        entry = _read.obj(value, where)
        _read.only_keys(entry, {"id", "a", "b", "same", "kind", "note"}, where)
        pair_id = str(entry.get("id") or position)
        if pair_id in seen:
            _read.fail(f"{where}.id", f"{pair_id!r} is used twice")
        seen.add(pair_id)
        same = entry.get("same")
        if not isinstance(same, bool):
            _read.fail(f"{where}.same", "must be true or false")
        kind = _optional_text(entry, "kind", where) or "unlabelled"
        a = _record(entry.get("a"), f"{where}.a")
        b = _record(entry.get("b"), f"{where}.b")
        pairs.append(LabelledPair(pair_id, a, b, same, kind))
    if not pairs:
        _read.fail("pairs", "must hold at least one pair")
    return pairs


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def evaluate(pairs: list[LabelledPair], *, threshold: float = THRESHOLD) -> dict[str, Any]:
    """Counts, precision, recall and F1, per kind of pair, and the pairs judged wrongly."""
    counts: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    mistakes: list[dict[str, Any]] = []
    for pair in pairs:
        result = compare(pair.a, pair.b)
        said = result.score >= threshold
        outcome = ("tp" if said else "fn") if pair.same else ("fp" if said else "tn")
        counts[outcome] += 1
        by_kind[pair.kind][outcome] += 1
        if outcome in ("fp", "fn"):
            mistakes.append(
                {
                    "id": pair.id,
                    "kind": pair.kind,
                    "same": pair.same,
                    "score": result.score,
                    "a": list(pair.a.names),
                    "b": list(pair.b.names),
                    "reasons": result.codes(),
                }
            )
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision and recall else None
    kinds = {
        kind: {
            "pairs": sum(c.values()),
            "correct": c["tp"] + c["tn"],
            "accuracy": _ratio(c["tp"] + c["tn"], sum(c.values())),
        }
        for kind, c in sorted(by_kind.items())
    }
    return {
        "format": FORMAT,
        "threshold": threshold,
        "pairs": len(pairs),
        "positives": tp + fn,
        "negatives": counts["fp"] + counts["tn"],
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": counts["tn"],
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "kinds": kinds,
        "mistakes": mistakes,
    }


def format_table(result: dict[str, Any], source: str) -> str:
    def show(value: float | None) -> str:
        return "-" if value is None else f"{value:.4f}"

    lines = [
        f"{source}: {result['pairs']} pairs ({result['positives']} same, "
        f"{result['negatives']} different), threshold {result['threshold']}",
        f"precision {show(result['precision'])}  recall {show(result['recall'])}  "
        f"f1 {show(result['f1'])}  (tp {result['tp']}, fp {result['fp']}, fn {result['fn']}, "
        f"tn {result['tn']})",
        f"{'kind':<28}{'pairs':>7}{'correct':>9}{'accuracy':>10}",
    ]
    for kind, row in result["kinds"].items():
        lines.append(f"{kind:<28}{row['pairs']:>7}{row['correct']:>9}{show(row['accuracy']):>10}")
    return "\n".join(lines)
