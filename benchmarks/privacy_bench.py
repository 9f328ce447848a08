"""Personal data on a demo database: the identifying-details check over every description, the
export of one enterprise (JSON and PDF in Simplified Chinese), one erasure, a retention dry run.

Usage (on a database made by ``goglobal demo --no-serve``; the erasure changes it):

    GOGLOBAL_DATA_DIR=DIR SECRET_KEY=x .venv/bin/python benchmarks/privacy_bench.py [--erase]

Prints how many demo descriptions the detector flags and for what, the export's size and time,
and (with ``--erase``) the erasure's counts and time for the enterprise with the most rows.
"""

from __future__ import annotations

import argparse
import collections
import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--erase", action="store_true", help="also erase one enterprise")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db.models import Count
    from django.utils import translation

    from goglobal.cases.disclosure import disclosure_findings
    from goglobal.core.pdf import FONT_FAMILIES, html_to_pdf
    from goglobal.enterprises.models import Enterprise
    from goglobal.privacy import erasure, retention
    from goglobal.privacy.export import enterprise_record

    enterprises = list(
        Enterprise.objects.filter(deleted_at__isnull=True).prefetch_related("contacts")
    )
    started = time.perf_counter()
    kinds: collections.Counter[str] = collections.Counter()
    flagged = 0
    for enterprise in enterprises:
        found = disclosure_findings(enterprise, enterprise.description)
        flagged += bool(found)
        kinds.update(item["kind"] for item in found)
    seconds = time.perf_counter() - started
    print(
        f"detector: {flagged} of {len(enterprises)} descriptions flagged {dict(kinds)}; "
        f"{1000 * seconds / max(1, len(enterprises)):.2f} ms per description"
    )

    busiest = (
        Enterprise.objects.filter(deleted_at__isnull=True)
        .annotate(n=Count("cases__interactions", distinct=True) + Count("contacts", distinct=True))
        .order_by("-n", "pk")
        .first()
    )
    assert busiest is not None
    from django.template.loader import render_to_string

    with translation.override("zh-hans"):
        started = time.perf_counter()
        record = enterprise_record(busiest)
        rows = sum(len(section.rows) for section in record.sections)
        built = time.perf_counter() - started
        html = render_to_string(
            "privacy/record_pdf.html",
            {
                "record": record,
                "heading": record.title,
                "intro": "",
                "font_families": FONT_FAMILIES,
                "language": "zh-hans",
            },
        )
        started = time.perf_counter()
        pdf = html_to_pdf(html)
        rendered = time.perf_counter() - started
    print(
        f"export: {rows} rows in {len(record.sections)} sections, built in {1000 * built:.0f} ms; "
        f"PDF {len(pdf) // 1024} KiB in {rendered:.2f} s"
    )
    started = time.perf_counter()
    dry = retention.retention_run(dry_run=True)
    print(
        f"retention dry run ({dry.years} years): {dry.contacts} contacts of {dry.enterprises} "
        f"enterprises, {1000 * (time.perf_counter() - started):.0f} ms"
    )
    if args.erase:
        started = time.perf_counter()
        done = erasure.enterprise_erase(actor=None, enterprise=busiest, reason="benchmark")
        print(f"erasure: {done.counts} in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
