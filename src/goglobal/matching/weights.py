"""The weights in use: the engine defaults, or those `goglobal match-refit` wrote.

The refit file is ``$GOGLOBAL_DATA_DIR/match-weights.json`` (``{"weights": {...}, ...}``); only
known weight names are taken, so an old file cannot break the matcher.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from django.conf import settings

from goglobal.engines import matching as engine

FILE_NAME = "match-weights.json"


def weights_path() -> Path:
    return Path(settings.DATA_DIR) / FILE_NAME


def current_weights() -> engine.Weights:
    path = weights_path()
    if not path.exists():
        return engine.DEFAULT_WEIGHTS
    try:
        stored = json.loads(path.read_text(encoding="utf-8")).get("weights", {})
    except (OSError, ValueError, AttributeError):
        return engine.DEFAULT_WEIGHTS
    known = {f.name for f in dataclasses.fields(engine.Weights)}
    values = {k: float(v) for k, v in stored.items() if k in known and isinstance(v, int | float)}
    return dataclasses.replace(engine.DEFAULT_WEIGHTS, **values)
