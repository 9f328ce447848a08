"""``match-eval FILE [--json]``: evaluate the matcher on a judged set beside two baselines.

Exit status 0 on success, 2 on any bad input (one line on stderr naming the field and entry).
"""

from __future__ import annotations

import json

from goglobal.engines.exchange import Parser, UsageError, arguments, fail
from goglobal.engines.matching.errors import FormatError
from goglobal.engines.matching.evalset import load_judged_set
from goglobal.engines.matching.evaluate import evaluate, format_table

PROGRAM = "match-eval"


def _parser() -> Parser:
    parser = Parser(prog=PROGRAM, description="Evaluate provider matching on a judged set.")
    parser.add_argument("file", metavar="FILE", help="a goglobal-match-eval/1 JSON file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        options = _parser().parse_args(arguments(PROGRAM, argv))
        judged = load_judged_set(options.file)
    except (UsageError, FormatError) as error:
        return fail(PROGRAM, error)
    result = evaluate(judged)
    if options.json:
        print(json.dumps(result, ensure_ascii=False, sort_keys=True))
    else:
        print(format_table(result, options.file))
    return 0
