"""``match-eval FILE [--json]``: evaluate the matcher on a judged set beside two baselines.

Exit status 0 on success, 2 on any bad input (one line on stderr naming the field and entry).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import NoReturn

from goglobal.engines.matching.errors import FormatError
from goglobal.engines.matching.evalset import load_judged_set
from goglobal.engines.matching.evaluate import evaluate, format_table

PROGRAM = "match-eval"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> _Parser:
    parser = _Parser(prog=PROGRAM, description="Evaluate provider matching on a judged set.")
    parser.add_argument("file", metavar="FILE", help="a goglobal-match-eval/1 JSON file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == [PROGRAM]:  # called as "goglobal match-eval …" with the sub-command kept
        arguments = arguments[1:]
    try:
        options = _parser().parse_args(arguments)
        judged = load_judged_set(options.file)
    except (_UsageError, FormatError) as error:
        print(f"{PROGRAM}: error: {' '.join(str(error).split())}", file=sys.stderr)
        return 2
    result = evaluate(judged)
    if options.json:
        print(json.dumps(result, ensure_ascii=False, sort_keys=True))
    else:
        print(format_table(result, options.file))
    return 0
