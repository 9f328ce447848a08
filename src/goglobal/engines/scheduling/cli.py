"""``schedule INSTANCE.json -o SCHEDULE.json [--time-limit SECONDS] [--previous OLD.json]``.

Exit status 0 on success (one summary line on stdout), 2 on any bad input (one line on stderr).
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from goglobal.engines.scheduling.engine import DEFAULT_TIME_LIMIT, schedule
from goglobal.engines.scheduling.errors import InstanceError
from goglobal.engines.scheduling.output import dump_result
from goglobal.engines.scheduling.parse import load_instance, load_previous

PROGRAM = "schedule"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> _Parser:
    parser = _Parser(prog=PROGRAM, description="Schedule one-to-one meetings optimally.")
    parser.add_argument("instance", metavar="INSTANCE.json")
    parser.add_argument("-o", "--output", metavar="SCHEDULE.json", required=True)
    parser.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS")
    parser.add_argument("--previous", metavar="OLD.json")
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == [PROGRAM]:  # called as "goglobal schedule …" with the sub-command kept
        arguments = arguments[1:]
    try:
        options = _parser().parse_args(arguments)
        if not options.time_limit > 0:
            raise _UsageError(f"--time-limit must be positive, got {options.time_limit}")
        instance = load_instance(options.instance)
        previous = load_previous(options.previous) if options.previous else None
        result = schedule(instance, time_limit=options.time_limit, previous=previous)
        dump_result(result, options.output)
    except (_UsageError, InstanceError) as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"cannot write {options.output!r}: {error.strerror or error}")
    print(
        f"{len(result.meetings)} meetings, value {result.value}, upper bound {result.upper_bound}"
        f" ({result.ratio:.2%}), {result.status}, {result.seconds:.2f} s -> {options.output}"
    )
    return 0


def _fail(message: str) -> int:
    print(f"{PROGRAM}: error: {' '.join(message.split())}", file=sys.stderr)
    return 2
