"""``roadmap PROFILE.json [--json] [--lang en|zh-hans|zh-hant]``.

The profile is read and validated before anything else; a bad file prints one line naming the
field and exits with status 2. The snapshot comes from the caller (``goglobal roadmap`` builds
it from the loaded knowledge base), so this module stays free of Django.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date

from goglobal.engines.exchange import Parser, UsageError, arguments, fail
from goglobal.engines.roadmap.build import build_roadmap
from goglobal.engines.roadmap.errors import ProfileError
from goglobal.engines.roadmap.messages import LANGS
from goglobal.engines.roadmap.model import Profile, Snapshot
from goglobal.engines.roadmap.profile import parse_profile

PROGRAM = "roadmap"


def _parser() -> Parser:
    parser = Parser(prog=PROGRAM, description="A going-global roadmap through Hong Kong.")
    parser.add_argument("profile", metavar="PROFILE.json")
    parser.add_argument("--json", action="store_true", help="the goglobal-roadmap/1 document")
    parser.add_argument("--lang", choices=LANGS, default="en")
    return parser


def read_arguments(argv: list[str] | None, *, today: date) -> tuple[Profile, bool, str] | int:
    """The parsed profile and options, or the exit status 2 after printing the error."""
    try:
        options = _parser().parse_args(arguments(PROGRAM, argv))
        profile = parse_profile(options.profile, today=today)
    except (UsageError, ProfileError) as error:
        return fail(PROGRAM, error)
    return profile, bool(options.json), str(options.lang)


def main(argv: list[str] | None, snapshot: Callable[[Profile], Snapshot], *, today: date) -> int:
    parsed = read_arguments(argv, today=today)
    if isinstance(parsed, int):
        return parsed
    profile, as_json, lang = parsed
    roadmap = build_roadmap(profile, snapshot(profile))
    if as_json:
        document = roadmap.to_json(lang)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(roadmap.text(lang))
    return 0
