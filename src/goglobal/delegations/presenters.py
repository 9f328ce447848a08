"""What the delegation pages show: a run in words, the programme by day, print and calendar."""

from __future__ import annotations

import datetime
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from goglobal.core.labels import join_list
from goglobal.delegations.models import Delegation, DelegationRun, Host, Member, Visit
from goglobal.delegations.rules import NO_ROUTE
from goglobal.delegations.selectors import Entry, Replan
from goglobal.events import ics, pdf
from goglobal.events.models import RunStatus


def visits_by_day(
    delegation: Delegation, run: DelegationRun | None
) -> list[tuple[datetime.date, list[Visit]]]:
    if run is None:
        return []
    zone = delegation.zone
    days: dict[datetime.date, list[Visit]] = {}
    for visit in (
        Visit.objects.filter(run=run)
        .select_related("host", "venue", "subgroup")
        .prefetch_related("members")
        .order_by("start", "id")
    ):
        days.setdefault(visit.start.astimezone(zone).date(), []).append(visit)
    return sorted(days.items())


def _reason(code: str) -> str:
    reasons = {
        "no_common_slot": _(
            "no time suits everyone in it once the programme and the travel are counted"
        ),
        "cap_reached": _("a person in it has no room for more meetings"),
        "slots_taken": _("every time it could take place is taken by meetings worth more"),
        "order": _("the required order of meetings leaves no time for it"),
        "fewer_breaks": _("it was left out to keep the members' days compact"),
    }
    return reasons.get(code, _("no time could be found"))


def run_summary(run: DelegationRun) -> list[str]:
    """The run's result as sentences in the reader's language."""
    if run.status == RunStatus.FAILED:
        return [_("The scheduler could not finish: %(error)s") % {"error": run.error}]
    if run.status != RunStatus.DONE:
        return [_("The scheduler is working on the programme; this page refreshes by itself.")]
    result = run.result
    meetings = result.get("meetings", [])
    left = result.get("unscheduled", [])
    group = sum(1 for m in meetings if len(m.get("participants", [])) > 2)
    lines = [
        ngettext(
            "The programme holds %(count)d of the %(asked)d meetings asked for.",
            "The programme holds %(count)d of the %(asked)d meetings asked for.",
            len(meetings),
        )
        % {"count": len(meetings), "asked": len(meetings) + len(left)}
    ]
    if group:
        lines.append(
            ngettext(
                "%(group)d of them is a sub-group meeting.",
                "%(group)d of them are sub-group meetings.",
                group,
            )
            % {"group": group}
        )
    value, bound = run.value or 0, run.upper_bound or 0
    if value >= bound:
        lines.append(
            _(
                "Its value, %(value)d points by the requests' priorities, is the best any "
                "programme could reach (the upper bound is proven)."
            )
            % {"value": value}
        )
    else:
        lines.append(
            _(
                "Its value is %(value)d points by the requests' priorities; no programme can "
                "reach more than %(bound)d (a proven bound), so this one reaches %(percent)d %%."
            )
            % {"value": value, "bound": bound, "percent": int(100 * value / bound)}
        )
    breaks = result.get("breaks") or {}
    if breaks:
        total = int(breaks.get("total", 0))
        lines.append(
            _("No member waits idle between two meetings of one day.")
            if total == 0
            else ngettext(
                "Members wait idle between meetings %(total)d time in all; "
                "the most for one person is %(most)d.",
                "Members wait idle between meetings %(total)d times in all; "
                "the most for one person is %(most)d.",
                total,
            )
            % {"total": total, "most": int(breaks.get("max", 0))}
        )
    lines.append(
        _("Every member has at least the travel time between venues, by the shortest route.")
    )
    names = _names(run)
    for row in left:
        people = [names.get(p, p) for p in row.get("participants", [])]
        lines.append(
            _("Not placed: %(people)s, because %(reason)s.")
            % {"people": join_list(people), "reason": _reason(row.get("reason", ""))}
        )
    changes = result.get("changes")
    if run.previous_id is not None and changes:
        lines.append(
            _(
                "It re-plans the published programme: %(kept)d meetings kept where they were, "
                "%(moved)d moved, %(added)d placed anew, %(dropped)d left out."
            )
            % {key: int(changes.get(key, 0)) for key in ("kept", "moved", "added", "dropped")}
        )
    if run.seconds is not None and run.seconds < 1:
        lines.append(_("Computed in under a second."))
    elif run.seconds is not None:
        lines.append(_("Computed in %(seconds).1f seconds.") % {"seconds": run.seconds})
    return lines


def _names(run: DelegationRun) -> dict[str, str]:
    names = {m.key: m.full_name for m in Member.objects.filter(delegation_id=run.delegation_id)}
    names |= {h.key: h.name for h in Host.objects.filter(delegation_id=run.delegation_id)}
    return names


def itinerary_print_html(member: Member, entries: list[Entry]) -> str:
    with translation.override(member.language):
        return render_to_string(
            "delegations/itinerary_pdf.html",
            {
                "member": member,
                "delegation": member.delegation,
                "entries": entries,
                "font_families": pdf.FONT_FAMILIES,
                "language": member.language,
            },
        )


def briefing_print_html(visit: Visit, packs: list[dict[str, Any]]) -> str:
    return render_to_string(
        "delegations/briefing_pdf.html",
        {
            "visit": visit,
            "delegation": visit.run.delegation,
            "packs": packs,
            "font_families": pdf.FONT_FAMILIES,
            "language": translation.get_language(),
        },
    )


def calendar_entries(member: Member, entries: list[Entry]) -> list[ics.CalendarEntry]:
    out = []
    for index, entry in enumerate(entries):
        with_whom = join_list(entry.with_whom)
        description = _("With %(people)s") % {"people": with_whom} if with_whom else ""
        out.append(
            ics.CalendarEntry(
                uid=f"delegation-{member.delegation_id}-member-{member.pk}-{index}"
                f"-{int(entry.start.timestamp())}@goglobal",
                start=entry.start,
                end=entry.end,
                summary=entry.title,
                location=", ".join(p for p in (entry.venue, entry.address) if p),
                description=description,
            )
        )
    return out


def replan_lines(delegation: Delegation, replans: list[Replan]) -> list[str]:
    """Each published meeting that no longer holds, in words: when and where, who, and why."""
    zone = delegation.zone
    lines = []
    for replan in replans:
        visit = replan.visit
        what = {
            "host": visit.host.name,
            "when": visit.start.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            "venue": visit.venue.name,
            "members": join_list([m.full_name for m in replan.members]),
            "other": replan.other,
            "other_venue": replan.other_venue,
            "minutes": replan.minutes,
        }
        if replan.reason == "hours":
            line = _(
                "%(host)s, %(when)s at %(venue)s: no longer within the delegation's days and "
                "programme hours."
            )
        elif replan.minutes >= NO_ROUTE:
            line = _(
                "%(host)s, %(when)s at %(venue)s: %(members)s can no longer get between it and "
                "%(other)s (%(other_venue)s); there is no route between the two venues."
            )
        elif replan.minutes == 0:
            line = _(
                "%(host)s, %(when)s at %(venue)s: %(members)s would have to be at %(other)s "
                "(%(other_venue)s) at the same time."
            )
        else:
            line = _(
                "%(host)s, %(when)s at %(venue)s: %(members)s can no longer get between it and "
                "%(other)s (%(other_venue)s) in time; the shortest route is now %(minutes)d "
                "minutes."
            )
        lines.append(line % what)
    return lines
