"""``match-eval FILE [--json] [--per-query]``: the matcher on a judged set beside three baselines.

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
    parser.add_argument(
        "--per-query", action="store_true", help="also print each query's figures and top three"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        options = _parser().parse_args(arguments(PROGRAM, argv))
        judged = load_judged_set(options.file)
    except (UsageError, FormatError) as error:
        return fail(PROGRAM, error)
    result = evaluate(judged)
    rows = result.pop("per_query")
    if options.per_query:
        result["per_query"] = rows
    if options.json:
        print(json.dumps(result, ensure_ascii=False, sort_keys=True))
        return 0
    print(format_table(result, options.file))
    if options.per_query:
        print(f"{'query':<16}{'lang':<9}{'ndcg@10':>8}{'rec@20':>8}{'rr':>7}  top three")
        for row in rows:
            figures = [row[m] for m in ("ndcg@10", "recall@20", "mrr")]
            cells = "".join(f"{'-' if v is None else f'{v:.3f}':>8}" for v in figures)
            print(f"{row['id']:<16}{row['language']:<9}{cells}  {' '.join(row['top'])}")
    return 0
