"""``identity-eval FILE [--json] [--mistakes] [--threshold T]``: precision and recall of "same
enterprise" on a labelled set of pairs.

Exit status 0 on success, 2 on any bad input (one line on stderr naming the field and entry).
"""

from __future__ import annotations

import json

from goglobal.engines.exchange import Parser, UsageError, arguments, fail
from goglobal.engines.identity.compare import THRESHOLD
from goglobal.engines.identity.evaluate import FormatError, evaluate, format_table, load_pairs

PROGRAM = "identity-eval"


def _parser() -> Parser:
    parser = Parser(prog=PROGRAM, description="Evaluate entity resolution on labelled pairs.")
    parser.add_argument("file", metavar="FILE", help="a goglobal-identity-eval/1 JSON file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--mistakes", action="store_true", help="also list the pairs judged wrongly"
    )
    parser.add_argument(
        "--threshold", type=float, default=THRESHOLD, help=f"score for 'same' (default {THRESHOLD})"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        options = _parser().parse_args(arguments(PROGRAM, argv))
        if not 0.0 <= options.threshold <= 1.0:
            raise UsageError("--threshold must be between 0 and 1")
        pairs = load_pairs(options.file)
    except (UsageError, FormatError) as error:
        return fail(PROGRAM, error)
    result = evaluate(pairs, threshold=options.threshold)
    mistakes = result.pop("mistakes")
    if options.mistakes:
        result["mistakes"] = mistakes
    if options.json:
        print(json.dumps(result, ensure_ascii=False, sort_keys=True))
        return 0
    print(format_table(result, options.file))
    if options.mistakes:
        for row in mistakes:
            print(
                f"{row['id']:<14}{row['kind']:<24}{'same' if row['same'] else 'diff':<5}"
                f"{row['score']:>6.2f}  {' / '.join(row['a'])}  ~  {' / '.join(row['b'])}"
                f"  [{' '.join(row['reasons'])}]"
            )
    return 0
