"""Time the import wizard's steps on a large list with Chinese headers: what a person waits for.

    python benchmarks/wizard_bench.py [--rows 10000] [--existing 2000]

Generates ``--rows`` enterprises as ``import_bench.py`` does, under the Chinese headers a
chamber's list uses, and first imports ``--existing`` other enterprises so that the duplicate
check has a directory to search. Then, through the services the pages call: the upload (the
file read whole), the values step (every different value of the coded columns, with its
suggestion), the preview's whole-file check, a page of the preview once checked, and a check
again after one cell is corrected. Uses a fresh SQLite file in a temporary folder unless
``DATABASE_URL`` names another database. Results are recorded in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import import_bench  # the generator of the import benchmark, found beside this file

CHINESE_HEADER = [
    "编号", "企业名称", "英文名称", "统一社会信用代码", "省份", "城市", "所属行业", "员工人数",
    "营业收入", "企业性质", "上市情况", "HS编码", "企业简介", "简介语言", "网站", "目标市场",
    "需求", "联系人", "联系人邮箱", "联系电话", "是否同意引荐",
]  # fmt: skip


def _rewrite_header(path: Path, target: Path) -> None:
    with (
        path.open(encoding="utf-8", newline="") as source,
        target.open("w", encoding="utf-8", newline="") as out,
    ):
        rows = csv.reader(source)
        next(rows)
        writer = csv.writer(out)
        writer.writerow(CHINESE_HEADER)
        writer.writerows(rows)


def _timed(label: str, work, rows: int):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    print(f"{label}: {seconds:.2f} s ({rows / seconds:,.0f} rows/s)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--existing", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wizard-bench-") as name:
        folder = Path(name)
        import_bench._setup_django(folder)
        from django.core.files import File

        from goglobal.accounts.models import Role
        from goglobal.accounts.tests.factories import UserFactory
        from goglobal.imports import drafts, previews
        from goglobal.imports.kinds import KINDS

        generated = folder / "generated.csv"
        import_bench._write_csv(generated, options.existing + options.rows, options.seed)
        lines = generated.read_text(encoding="utf-8").splitlines(keepends=True)
        # the first rows make the directory the others are checked against (names alike)
        existing = folder / "existing.csv"
        existing.write_text("".join(lines[: options.existing + 1]), encoding="utf-8")
        import_bench._import(existing, f"directory of {options.existing} enterprises")
        generated.write_text("".join(lines[:1] + lines[options.existing + 1 :]), encoding="utf-8")
        path = folder / "商会名录.csv"
        _rewrite_header(generated, path)
        officer = UserFactory(role=Role.OFFICER)
        rows = options.rows

        with path.open("rb") as handle:
            draft = _timed(
                "upload (read whole, stored)",
                lambda: drafts.import_draft_create(
                    actor=officer, kind="enterprises", upload=File(handle, name=path.name)
                ),
                rows,
            )
        suggested = sum(1 for column in draft.columns.values() if column)
        print(f"columns suggested from the Chinese headers: {suggested}/{len(CHINESE_HEADER)}")
        draft.columns = {str(p): c for p, c in enumerate(KINDS["enterprises"].columns)}
        draft.save()
        columns = _timed("values step", lambda: drafts.draft_value_columns(draft), rows)
        drafts.draft_values_set(
            draft, {c.column: {t: code for t, code in c.values if code} for c in columns}
        )
        check = _timed("preview: whole-file check", lambda: previews.draft_check(draft), rows)
        print(f"  errors {check['total']}, possible duplicates {len(check['warnings'])}")
        _timed(
            "preview: a page, already checked", lambda: previews.draft_preview(draft, page=3), rows
        )
        drafts.draft_rows_change(
            draft,
            [
                drafts.RowChange(
                    number=5, fixes={1: "深圳市更正后电子有限公司"}, skip=False, link=None
                )
            ],
        )
        _timed("preview: check again after a fix", lambda: previews.draft_check(draft), rows)
        print(f"peak RSS {import_bench._peak_mib():.0f} MiB")


if __name__ == "__main__":
    main()
