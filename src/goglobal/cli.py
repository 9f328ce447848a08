"""The ``goglobal`` console command.

``goglobal schedule …`` runs the meeting scheduler and ``goglobal match-eval …`` evaluates the
matcher on a judged set, both without Django. Every other subcommand is a
Django management command (``goglobal demo``, ``goglobal import``, ``goglobal export``,
``goglobal knowledge load``, and all of Django's own such as ``goglobal migrate``), so
``manage.py`` stays available under one name.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _load_dotenv() -> None:
    """Read ``.env`` from the working directory, if there is one; the environment wins."""
    path = Path.cwd() / ".env"
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or "=" not in stripped:
            continue
        key, value = stripped.split("=", 1)
        os.environ.setdefault(key.strip(), value.strip().strip("'\""))


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "schedule":
        from goglobal.engines.scheduling.cli import main as schedule_main

        return schedule_main(args[1:])
    if args and args[0] == "match-eval":
        from goglobal.engines.matching.cli import main as match_eval_main

        return match_eval_main(args[1:])
    if args and args[0] == "match-refit":
        args[0] = "match_refit"
    _load_dotenv()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["goglobal", *args])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
