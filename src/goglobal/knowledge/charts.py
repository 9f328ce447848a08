"""Small line charts as inline SVG, drawn on the server: no JavaScript, no external assets."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, PAD_X, PAD_Y = 320, 120, 6, 14


def compact_number(value: float) -> str:
    """``1234567`` → ``1.23M``; language-neutral so the chart needs no translation."""
    magnitude = abs(value)
    for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if magnitude >= limit:
            return f"{value / limit:.3g}{suffix}"
    return f"{value:.3g}"


def line_chart(points: Sequence[tuple[int, float]], *, label: str) -> SafeString:
    """An SVG polyline of ``(year, value)`` points with the first and last year and the range."""
    if not points:
        return mark_safe("")
    years = [year for year, _ in points]
    values = [value for _, value in points]
    low, high = min(values), max(values)
    span_x = (years[-1] - years[0]) or 1
    span_y = (high - low) or 1.0

    def x(year: int) -> float:
        return PAD_X + (year - years[0]) * (WIDTH - 2 * PAD_X) / span_x

    def y(value: float) -> float:
        return HEIGHT - PAD_Y - (value - low) * (HEIGHT - 2 * PAD_Y) / span_y

    path = " ".join(f"{x(year):.1f},{y(value):.1f}" for year, value in points)
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-label="{label}"><title>{label}</title>'
        '<polyline fill="none" stroke="currentColor" stroke-width="2" points="{path}"/>'
        '<text x="{px}" y="10" font-size="10">{high}</text>'
        '<text x="{px}" y="{bottom}" font-size="10">{low}</text>'
        '<text x="{px}" y="{h}" font-size="10">{first}</text>'
        '<text x="{right}" y="{h}" font-size="10" text-anchor="end">{last}</text></svg>',
        w=WIDTH,
        h=HEIGHT,
        label=label,
        path=path,
        px=PAD_X,
        right=WIDTH - PAD_X,
        bottom=HEIGHT - PAD_Y - 2,
        high=compact_number(high),
        low=compact_number(low),
        first=years[0],
        last=years[-1],
    )
