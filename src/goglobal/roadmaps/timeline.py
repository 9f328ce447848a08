"""The roadmap's steps as a timeline: when each can start, and a Gantt-style SVG of them.

Each step takes ``weeks`` = [fastest, slowest] and starts when every step it comes ``after``
has finished. The bar shows the fastest course solid and the slowest as a lighter tail, so an
officer sees both the plan and its risk. The SVG is drawn here (no script, no outside font) and
served inline by the platform.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from goglobal.core.labels import labelled


@dataclass(frozen=True)
class Span:
    step_id: str
    title: str
    start_fast: int
    end_fast: int
    start_slow: int
    end_slow: int
    overridden: bool = False


def spans(steps: list[dict[str, Any]], titles: dict[str, str] | None = None) -> list[Span]:
    """Start and end weeks of every step, fastest and slowest, in a dependency order.

    A step whose predecessor is missing (or a cycle, which the engine never makes but an
    override could) starts at week 0 rather than being dropped.
    """
    by_id = {step["id"]: step for step in steps}
    done: dict[str, tuple[int, int]] = {}
    visiting: set[str] = set()

    def finish(step_id: str) -> tuple[int, int]:
        if step_id in done:
            return done[step_id]
        step = by_id.get(step_id)
        if step is None or step_id in visiting:
            return (0, 0)
        visiting.add(step_id)
        starts = [finish(before) for before in step.get("after", []) if before in by_id]
        visiting.discard(step_id)
        start_fast = max((s[0] for s in starts), default=0)
        start_slow = max((s[1] for s in starts), default=0)
        fastest, slowest = _weeks(step)
        done[step_id] = (start_fast + fastest, start_slow + slowest)
        return done[step_id]

    result = []
    for step in steps:
        end_fast, end_slow = finish(step["id"])
        fastest, slowest = _weeks(step)
        result.append(
            Span(
                step_id=step["id"],
                title=(titles or {}).get(step["id"], str(step.get("title", step["id"]))),
                start_fast=end_fast - fastest,
                end_fast=end_fast,
                start_slow=end_slow - slowest,
                end_slow=end_slow,
                overridden=bool(step.get("override")),
            )
        )
    return sorted(result, key=lambda s: (s.start_fast, s.end_fast, s.step_id))


def _weeks(step: dict[str, Any]) -> tuple[int, int]:
    weeks = step.get("weeks") or [1, 1]
    fastest = max(0, int(weeks[0]))
    return fastest, max(fastest, int(weeks[-1]))


ROW = 26
LABEL = 260
WIDTH = 760


def svg(rows: list[Span], *, weeks_label: str, title: str) -> str:
    """A Gantt chart of ``rows``; ``weeks_label`` is the axis caption in the reader's language."""
    horizon = max((row.end_slow for row in rows), default=1) or 1
    scale = (WIDTH - LABEL - 20) / horizon
    height = ROW * len(rows) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label="{escape(title)}" class="roadmap-timeline">',
        f"<title>{escape(title)}</title>",
    ]
    tick = max(1, round(horizon / 8))
    for week in range(0, horizon + 1, tick):
        x = LABEL + week * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="16" x2="{x:.1f}" y2="{height - 6}" class="tl-grid"/>'
            f'<text x="{x:.1f}" y="12" class="tl-tick" text-anchor="middle">{week}</text>'
        )
    parts.append(
        f'<text x="{WIDTH - 4}" y="{height - 8}" class="tl-tick" text-anchor="end">'
        f"{escape(weeks_label)}</text>"
    )
    for index, row in enumerate(rows):
        y = 22 + index * ROW
        label = row.title if len(row.title) <= 30 else row.title[:29] + "…"
        marker = " tl-override" if row.overridden else ""
        parts.append(
            f'<g class="tl-row{marker}"><title>'
            f"{escape(labelled(row.title, f'{row.start_fast}–{row.end_slow}'))}</title>"
            f'<text x="4" y="{y + 14}" class="tl-label">{escape(label)}</text>'
            f'<rect x="{LABEL + row.start_slow * scale:.1f}" y="{y + 3}" '
            f'width="{max(2.0, (row.end_slow - row.start_slow) * scale):.1f}" height="14" '
            f'class="tl-slow" rx="2"/>'
            f'<rect x="{LABEL + row.start_fast * scale:.1f}" y="{y + 3}" '
            f'width="{max(2.0, (row.end_fast - row.start_fast) * scale):.1f}" height="14" '
            f'class="tl-fast" rx="2"/></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
