"""Charts as inline SVG drawn on the server (the house style of ``knowledge/charts.py``): no
JavaScript, no external assets. Every chart is shown next to its data table, which is what
screen readers read; the SVG itself is ``aria-hidden``."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from goglobal.knowledge.charts import compact_number
from goglobal.knowledge.geography import NORTH, geography

BAR_HEIGHT, GAP, LABEL_WIDTH, WIDTH = 18, 6, 150, 460


def _n(value: float) -> str:
    return f"{value:.1f}"


def bar_chart(rows: Sequence[tuple[str, float, float | None]]) -> SafeString:
    """Horizontal bars of ``(label, recorded, confirmed)``; the confirmed part drawn darker."""
    if not rows:
        return mark_safe("")
    largest = max((recorded for _label, recorded, _c in rows), default=0) or 1
    span = WIDTH - LABEL_WIDTH - 60
    height = len(rows) * (BAR_HEIGHT + GAP)

    def bar(index: int, row: tuple[str, float, float | None]) -> tuple[object, ...]:
        label, recorded, confirmed = row
        y = index * (BAR_HEIGHT + GAP)
        return (
            y + BAR_HEIGHT - 5,
            label[:24],
            LABEL_WIDTH,
            y,
            _n(max(recorded / largest * span, 0)),
            BAR_HEIGHT,
            LABEL_WIDTH,
            y,
            _n(max((confirmed or 0) / largest * span, 0)),
            BAR_HEIGHT,
            _n(LABEL_WIDTH + recorded / largest * span + 4),
            y + BAR_HEIGHT - 5,
            compact_number(recorded),
        )

    body = format_html_join(
        "",
        '<text x="0" y="{}" font-size="11">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="currentColor" opacity="0.3"/>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="currentColor"/>'
        '<text x="{}" y="{}" font-size="11">{}</text>',
        (bar(index, row) for index, row in enumerate(rows)),
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" width="100%" height="{h}" aria-hidden="true" '
        'focusable="false">{body}</svg>',
        w=WIDTH,
        h=height,
        body=body,
    )


def column_chart(points: Sequence[tuple[str, float, float | None]]) -> SafeString:
    """Columns over time of ``(month, recorded, confirmed)``, first and last month labelled."""
    if not points:
        return mark_safe("")
    height, pad = 140, 16
    largest = max((recorded for _m, recorded, _c in points), default=0) or 1
    step = (WIDTH - 10) / len(points)

    def column(index: int, point: tuple[str, float, float | None]) -> tuple[object, ...]:
        _month, recorded, confirmed = point
        full = recorded / largest * (height - 2 * pad)
        part = (confirmed or 0) / largest * (height - 2 * pad)
        x = 5 + index * step
        return tuple(
            _n(value)
            for value in (
                x,
                height - pad - full,
                step * 0.8,
                full,
                x,
                height - pad - part,
                step * 0.8,
                part,
            )
        )

    body = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="currentColor" '
        'opacity="0.3"/><rect x="{}" y="{}" width="{}" height="{}" '
        'fill="currentColor"/>',
        (column(index, point) for index, point in enumerate(points)),
    )
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" width="100%" height="{h}" aria-hidden="true" '
        'focusable="false">{body}<text x="5" y="{h}" font-size="10">{first}</text>'
        '<text x="{right}" y="{h}" font-size="10" text-anchor="end">{last}</text>'
        '<text x="5" y="10" font-size="10">{top}</text></svg>',
        w=WIDTH,
        h=height,
        body=body,
        first=points[0][0],
        last=points[-1][0],
        right=WIDTH - 5,
        top=compact_number(largest),
    )


# A tile map of the mainland's provinces (GB/T 2260 codes): one square each, placed roughly
# where the province lies, so that a reader can find a region at a glance without a map file.
PROVINCE_TILES: dict[str, tuple[int, int]] = {
    "230000": (7, 0), "150000": (5, 1), "220000": (7, 1),
    "650000": (1, 2), "620000": (3, 2), "640000": (4, 2), "140000": (5, 2), "110000": (6, 2),
    "210000": (7, 2),
    "630000": (2, 3), "610000": (4, 3), "130000": (5, 3), "120000": (6, 3),
    "540000": (1, 4), "510000": (3, 4), "500000": (4, 4), "410000": (5, 4), "370000": (6, 4),
    "530000": (3, 5), "520000": (4, 5), "420000": (5, 5), "340000": (6, 5), "320000": (7, 5),
    "450000": (4, 6), "430000": (5, 6), "360000": (6, 6), "330000": (7, 6), "310000": (8, 6),
    "460000": (4, 7), "440000": (5, 7), "350000": (6, 7),
}  # fmt: skip
TILE = 40


def province_map(values: dict[str, float], names: dict[str, str]) -> SafeString:
    """Provinces as tiles, darker for larger values; the count in each tile."""
    largest = max(values.values(), default=0) or 1

    def tile(code: str, place: tuple[int, int]) -> tuple[object, ...]:
        value = values.get(code, 0)
        x, y = place[0] * (TILE + 3), place[1] * (TILE + 3)
        return (
            x, y, TILE, TILE, _n(0.08 + 0.92 * value / largest), names.get(code, code),
            x + TILE / 2, y + TILE / 2 + 4, compact_number(value) if value else "",
        )  # fmt: skip

    body = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="currentColor" opacity="{}">'
        "<title>{}</title></rect>"
        '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="#fff">{}</text>',
        (tile(code, place) for code, place in PROVINCE_TILES.items()),
    )
    width, height = 9 * (TILE + 3), 8 * (TILE + 3)
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-hidden="true" '
        'focusable="false">{body}</svg>',
        w=width,
        h=height,
        body=body,
    )


@functools.cache
def _land_path(width: int) -> str:
    """The inhabited land as one path of horizontal runs of grid cells (drawn once per process)."""
    geo = geography()
    cell = width / geo.columns
    rows: dict[int, list[int]] = {}
    for column, row in geo.land:
        rows.setdefault(row, []).append(column)
    land: list[str] = []
    for row, columns in sorted(rows.items()):
        runs: list[list[int]] = []  # [first, last] columns of each run of adjacent cells
        for column in sorted(columns):
            if runs and column == runs[-1][1] + 1:
                runs[-1][1] = column
            else:
                runs.append([column, column])
        for first, last in runs:
            width_ = (last - first + 1) * cell
            land.append(
                f"M{_n(first * cell)} {_n(row * cell + 0.5)}h{_n(width_)}v{_n(cell - 1)}"
                f"h{_n(-width_)}z"
            )
    return "".join(land)


MAP_WIDTH = 720


def world_map(values: dict[str, tuple[float, float | None]], names: dict[str, str]) -> SafeString:
    """Markets as circles on their capitals over the inhabited land (GeoNames): the circle's area
    is the recorded figure, the darker inner circle the confirmed part; the largest are named."""
    geo = geography()
    cell = MAP_WIDTH / geo.columns
    height = geo.rows * cell

    def place(code: str) -> tuple[float, float] | None:
        position = geo.capitals.get(code)
        if position is None:
            return None
        lat, lon = position
        return (lon + 180) / 360 * MAP_WIDTH, (NORTH - lat) / geo.step * cell

    largest = max((recorded for recorded, _confirmed in values.values()), default=0) or 1
    shown = sorted(
        ((code, value) for code, value in values.items() if value[0] and place(code)),
        key=lambda item: -item[1][0],
    )

    def radius(value: float) -> float:
        return 3 + 15 * (value / largest) ** 0.5

    def circle(item: tuple[str, tuple[float, float | None]]) -> tuple[object, ...]:
        code, (recorded, confirmed) = item
        x, y = place(code) or (0.0, 0.0)
        return (
            _n(x), _n(y), _n(radius(recorded)), names.get(code, code),
            _n(x), _n(y), _n(radius(confirmed or 0) if confirmed else 0),
        )  # fmt: skip

    labels: list[tuple[object, ...]] = []
    boxes: list[tuple[float, float, float, float]] = []
    for code, (recorded, _confirmed) in shown[:12]:
        x, y = place(code) or (0.0, 0.0)
        name = names.get(code, code)
        width = sum(11 if ord(ch) > 0x2E80 else 6.5 for ch in name)
        right_side = x <= MAP_WIDTH * 0.8  # names near the right edge are written to the left
        left = x + radius(recorded) + 2 if right_side else x - radius(recorded) - 2 - width
        box = (left, y - 8, left + width, y + 5)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes):
            continue  # a name that would overlap a larger market's is left to the table
        boxes.append(box)
        labels.append((_n(left), _n(y + 4), name))

    body = format_html(
        '<path d="{}" fill="currentColor" opacity="0.12"></path>', mark_safe(_land_path(MAP_WIDTH))
    )
    body += format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="{}" fill="currentColor" opacity="0.35"><title>{}</title>'
        '</circle><circle cx="{}" cy="{}" r="{}" fill="currentColor" opacity="0.85"></circle>',
        (circle(item) for item in shown),
    )
    body += format_html_join("", '<text x="{}" y="{}" font-size="11">{}</text>', labels)
    return format_html(
        '<svg class="chart chart-map" viewBox="0 0 {w} {h}" width="100%" aria-hidden="true" '
        'focusable="false">{body}</svg>',
        w=MAP_WIDTH,
        h=_n(height),
        body=body,
    )
