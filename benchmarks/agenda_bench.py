"""Time to render one participant's PDF agenda, per font choice (issue 6: under 2 s).

Usage:

    SECRET_KEY=x .venv/bin/python benchmarks/agenda_bench.py [--meetings 16] [--repeat 5]

Builds an agenda in memory (no database: unsaved model instances) in Simplified Chinese,
Traditional Chinese and English with ``--meetings`` meetings, then renders it with WeasyPrint
``--repeat`` times per font stack. Prints the first render (fonts loaded cold) and the median
of the following ones, with the PDF size. The production stack is ``goglobal.events.pdf.
FONT_FAMILIES``; the Noto-only stack shows the subsetting cost of the large CFF collections.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
import zoneinfo

os.environ.setdefault("GOGLOBAL_DATA_DIR", tempfile.mkdtemp(prefix="goglobal-agenda-bench-"))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goglobal.config.settings.base")
os.environ.setdefault("SECRET_KEY", "benchmark-only")


def _agenda(language: str, count: int):  # type: ignore[no-untyped-def]
    from goglobal.events.models import Event, Meeting, Participant, Slot, Table

    event = Event(
        pk=1,
        name_en="Shanghai Going Global Conference",
        name_zh_hans="上海企业出海推介会",
        name_zh_hant="上海企業出海推介會",
        city="上海",
        venue="上海国际会议中心",
        timezone="Asia/Shanghai",
        starts_on=datetime.date(2026, 11, 5),
        ends_on=datetime.date(2026, 11, 6),
    )
    me = Participant(
        pk=1,
        event=event,
        full_name="陈静",
        organisation_name="宁波澜海动力电池有限公司",
        language=language,
    )
    zone = zoneinfo.ZoneInfo("Asia/Shanghai")
    start = datetime.datetime(2026, 11, 5, 9, 0, tzinfo=zone)
    meetings = []
    for index in range(count):
        begin = start + datetime.timedelta(minutes=20 * index)
        slot = Slot(
            pk=index + 1,
            event=event,
            day=begin.date(),
            start=begin,
            end=begin + datetime.timedelta(minutes=20),
        )
        other = Participant(
            pk=index + 2,
            event=event,
            full_name=f"黃嘉欣 {index}",
            organisation_name=f"港景律師事務所 Victoria Capital {index}",
        )
        meetings.append(
            Meeting(
                pk=index + 1,
                slot=slot,
                table=Table(label=f"T{index % 9 + 1:03d}"),
                first=me,
                second=other,
            )
        )
    return me, meetings


def main(argv: list[str] | None = None) -> int:
    import django

    django.setup()
    from goglobal.events import pdf

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meetings", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    stacks = {
        "production (WenQuanYi first)": pdf.FONT_FAMILIES,
        "Noto Sans CJK only": '"Noto Sans CJK SC", "Noto Sans CJK TC", sans-serif',
    }
    print(f"{'fonts':32} {'language':9} {'first s':>8} {'median s':>9} {'KB':>6}")
    worst = 0.0
    for label, families in stacks.items():
        for language in ("zh-hans", "zh-hant", "en"):
            me, meetings = _agenda(language, args.meetings)
            times, size = [], 0
            for _ in range(args.repeat):
                began = time.perf_counter()
                data = pdf.html_to_pdf(pdf.render_agenda(me, meetings, font_families=families))
                times.append(time.perf_counter() - began)
                size = len(data)
            median = statistics.median(times[1:] or times)
            if families == pdf.FONT_FAMILIES:
                worst = max(worst, median)
            print(f"{label:32} {language:9} {times[0]:8.2f} {median:9.2f} {size / 1024:6.0f}")
    print(f"production worst median: {worst:.2f} s (target < 2 s)")
    return 0 if worst < 2 else 1


if __name__ == "__main__":
    sys.exit(main())
