"""``schedule INSTANCE.json -o SCHEDULE.json [--time-limit SECONDS] [--previous OLD.json]``.

Exit status 0 on success (one summary line on stdout), 2 on any bad input (one line on stderr).
"""

from __future__ import annotations

from goglobal.engines.exchange import Parser, UsageError, arguments, fail
from goglobal.engines.scheduling.engine import DEFAULT_TIME_LIMIT, schedule
from goglobal.engines.scheduling.errors import InstanceError
from goglobal.engines.scheduling.output import dump_result
from goglobal.engines.scheduling.parse import load_instance, load_previous

PROGRAM = "schedule"


def _parser() -> Parser:
    parser = Parser(prog=PROGRAM, description="Schedule one-to-one meetings optimally.")
    parser.add_argument("instance", metavar="INSTANCE.json")
    parser.add_argument("-o", "--output", metavar="SCHEDULE.json", required=True)
    parser.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS")
    parser.add_argument("--previous", metavar="OLD.json")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        options = _parser().parse_args(arguments(PROGRAM, argv))
        if not options.time_limit > 0:
            raise UsageError(f"--time-limit must be positive, got {options.time_limit}")
        instance = load_instance(options.instance)
        previous = load_previous(options.previous) if options.previous else None
        result = schedule(instance, time_limit=options.time_limit, previous=previous)
        dump_result(result, options.output)
    except (UsageError, InstanceError) as error:
        return fail(PROGRAM, error)
    except OSError as error:
        return fail(PROGRAM, f"cannot write {options.output!r}: {error.strerror or error}")
    gaps = ""
    if result.breaks is not None:
        gaps = (
            f", {result.breaks.total} breaks (most {result.breaks.most},"
            f" spread {result.breaks.spread}), {result.shared_meetings} shared"
        )
    print(
        f"{len(result.meetings)} meetings, value {result.value}, upper bound {result.upper_bound}"
        f" ({result.ratio:.2%}), {result.status}{gaps}, {result.seconds:.2f} s -> {options.output}"
    )
    return 0
