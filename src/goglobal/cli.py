"""The ``goglobal`` console command.

``goglobal schedule …`` runs the meeting scheduler, ``goglobal match-eval …`` evaluates the
matcher on a judged set and ``goglobal identity-eval …`` the entity resolution on labelled
pairs, all without Django. Every other subcommand is a
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
    if args and args[0] == "identity-eval":
        from goglobal.engines.identity.cli import main as identity_eval_main

        return identity_eval_main(args[1:])
    if args and args[0] == "roadmap":
        return _roadmap(args[1:])
    if args and args[0] == "match-refit":
        args[0] = "match_refit"
    _load_dotenv()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
    if _asks_for_help(args) and not os.environ.get("SECRET_KEY"):
        # Help signs nothing: a throwaway key lets it load the commands' descriptions.
        import secrets

        os.environ["SECRET_KEY"] = secrets.token_urlsafe(32)
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["goglobal", *args])
    except ImproperlyConfigured as error:
        print(
            f"goglobal: {error}. Every setting is listed with a safe local value in "
            ".env.example: copy it to .env (`make .env` writes one with a fresh secret key) "
            "or set the variable in the environment.",
            file=sys.stderr,
        )
        return 2
    return 0


def _asks_for_help(args: list[str]) -> bool:
    return not args or args[0] == "help" or "--help" in args or "-h" in args


def _roadmap(argv: list[str]) -> int:
    """``goglobal roadmap PROFILE.json``: the profile is validated before Django starts."""
    from datetime import date

    from goglobal.engines.roadmap import cli as roadmap_cli
    from goglobal.engines.roadmap.model import Profile, Snapshot

    def snapshot(profile: Profile) -> Snapshot:
        _load_dotenv()
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
        import django

        django.setup()
        from goglobal.knowledge.services.snapshot import snapshot_build

        return snapshot_build(as_of=profile.as_of)

    try:
        return roadmap_cli.main(argv, snapshot, today=date.today())  # noqa: DTZ011 - local day
    except Exception as error:  # the database, not the file: one line, no traceback
        from django.db import DatabaseError

        if not isinstance(error, DatabaseError):
            raise
        print(
            f"roadmap: error: cannot read the knowledge base ({error}); run goglobal migrate"
            " and goglobal knowledge load",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
