"""A published programme re-checked when travel, hours or sub-groups change, and re-planned
keeping the meetings that still hold. The tests judge the programme with their own check."""

import datetime
import itertools

import pytest
from django.urls import reverse

from goglobal.delegations import rules, selectors, services
from goglobal.delegations.models import DelegationRun, Visit
from goglobal.delegations.tests.factories import small_delegation

pytestmark = pytest.mark.django_db


def _violations(delegation, run):
    """(member pk, visit pk) of every meeting a member cannot reach with the data as it is now:
    the member's meetings and items, pair by pair, against its own Floyd-Warshall routes."""
    zone = delegation.zone
    venues = [v.pk for v in delegation.venues.all()]
    best = {(a, b): 0 if a == b else 10**9 for a in venues for b in venues}
    for t in delegation.travel.all():
        best[t.origin_id, t.destination_id] = best[t.destination_id, t.origin_id] = t.minutes
    for k, a, b in itertools.product(venues, repeat=3):
        best[a, b] = min(best[a, b], best[a, k] + best[k, b])
    out = set()
    for member in delegation.members.all():
        busy = [
            (v.venue_id, v.start, v.end, v.pk)
            for v in Visit.objects.filter(run=run, members=member)
        ]
        busy += [
            (i.venue_id, i.start(zone), i.end(zone), None)
            for i in delegation.programme.all()
            if i.subgroup_id in (None, member.subgroup_id)
        ]
        for (va, sa, ea, a), (vb, sb, eb, b) in itertools.combinations(busy, 2):
            if a is None and b is None:
                continue
            gap = datetime.timedelta(minutes=min(best[va, vb], 10**6))
            if not (ea + gap <= sb or eb + gap <= sa):
                out |= {(member.pk, pk) for pk in (a, b) if pk is not None}
    return out


def _published(small, officer):
    run = services.delegation_run_start(actor=officer, delegation=small.delegation)
    run = services.delegation_run_execute(run=DelegationRun.objects.get(pk=run.pk), time_limit=5)
    assert run.status == "done", run.error
    return services.delegation_run_publish(actor=officer, run=run)


def _matrix(delegation):
    return {(t.origin_id, t.destination_id): t.minutes for t in delegation.travel.all()}


def _slow_down(small, officer, visit):
    """Make every trip to or from the venue of ``visit`` longer than the time between the
    morning plenary (09:00-09:30 at the hotel) and the meeting: it can no longer be reached."""
    local = visit.start.astimezone(small.delegation.zone)
    gap = int((local - local.replace(hour=9, minute=30)).total_seconds() // 60)
    minutes = _matrix(small.delegation)
    for pair in minutes:
        if visit.venue_id in pair:
            minutes[pair] = max(minutes[pair], gap + 30)
    services.travel_matrix_save(actor=officer, delegation=small.delegation, minutes=minutes)


def _away_from_hotel(small, run):
    zone = small.delegation.zone
    visits = Visit.objects.filter(run=run).exclude(venue=small.venues["Hotel"]).order_by("start")
    visit = next(
        (v for v in visits if v.start.astimezone(zone).time() <= datetime.time(12, 0)), None
    )
    assert visit is not None, "the programme has a morning meeting away from the hotel"
    return Visit.objects.get(pk=visit.pk)


def test_slower_travel_marks_the_programme_and_names_meetings_and_members(client, officer):
    small = small_delegation(owner=officer)
    run = _published(small, officer)
    delegation = small.delegation
    page = reverse("delegations:detail", args=[delegation.pk])
    client.force_login(officer)
    assert _violations(delegation, run) == set()
    assert selectors.programme_replans(delegation, run) == []
    assert "needs re-planning" not in client.get(page).content.decode()
    before = _matrix(delegation)

    visit = _away_from_hotel(small, run)
    _slow_down(small, officer, visit)

    broken = _violations(delegation, run)
    replans = selectors.programme_replans(delegation, run)
    named = {(m.pk, r.visit.pk) for r in replans for m in r.members}
    assert broken
    assert {v for _m, v in named} <= {v for _m, v in broken}
    # every member who cannot make a meeting is named, on that meeting or the one it clashes with
    for member, pk in broken:
        assert any(m == member for m, _v in named), (member, pk)
    assert visit.pk in {r.visit.pk for r in replans}
    english = client.get(page).content.decode()
    assert "The published programme needs re-planning" in english
    assert visit.host.name in english
    for replan in replans:
        for member in replan.members:
            assert member.full_name in english
    assert "shortest route is now" in english
    simplified = client.get(page, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    traditional = client.get(page, HTTP_ACCEPT_LANGUAGE="zh-hant").content.decode()
    assert "已发布的行程需要重新排程" in simplified
    assert "已發佈的行程需要重新排程" in traditional

    api = client.get(f"/api/delegations/{delegation.pk}/programme").json()
    assert api["needs_replanning"] is True
    assert {r["meeting_id"] for r in api["replanning"]} == {r.visit.pk for r in replans}
    assert all(r["text"] and r["member_ids"] for r in api["replanning"])

    # restoring the travel times clears the mark without a new run
    services.travel_matrix_save(actor=officer, delegation=delegation, minutes=before)
    assert selectors.programme_replans(delegation, run) == []
    assert "needs re-planning" not in client.get(page).content.decode()
    api = client.get(f"/api/delegations/{delegation.pk}/programme").json()
    assert (api["needs_replanning"], api["replanning"]) == (False, [])


def test_replanning_keeps_the_meetings_that_hold_and_clears_the_mark(
    client, officer, django_capture_on_commit_callbacks
):
    small = small_delegation(owner=officer)
    run = _published(small, officer)
    delegation = small.delegation
    visit = _away_from_hotel(small, run)
    _slow_down(small, officer, visit)
    replanned = {r.visit.pk for r in selectors.programme_replans(delegation, run)}
    holding = [
        (v.host_id, v.start, frozenset(m.pk for m in v.members.all()))
        for v in Visit.objects.filter(run=run).exclude(pk__in=replanned)
    ]
    assert replanned

    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("delegations:run_start", args=[delegation.pk]), {"keep": "1"}
        )
    new = DelegationRun.objects.exclude(pk=run.pk).get(delegation=delegation)
    assert response.status_code == 302
    new.refresh_from_db()
    assert new.status == "done", new.error
    assert new.previous_id == run.pk
    assert len(new.kept) == len(holding)
    after = {
        (v.host_id, v.start, frozenset(m.pk for m in v.members.all()))
        for v in Visit.objects.filter(run=new)
    }
    assert set(holding) <= after
    assert _violations(delegation, new) == set()
    summary = client.get(reverse("delegations:run", args=[delegation.pk, new.pk])).content
    assert b"kept where they were" in summary

    # until the new run is published, the published programme still needs re-planning
    page = reverse("delegations:detail", args=[delegation.pk])
    assert "needs re-planning" in client.get(page).content.decode()
    services.delegation_run_publish(actor=officer, run=new)
    assert selectors.programme_replans(delegation, new) == []
    assert "needs re-planning" not in client.get(page).content.decode()


def test_shorter_hours_and_a_new_sub_group_are_checked_too(officer):
    small = small_delegation(owner=officer)
    run = _published(small, officer)
    delegation = small.delegation
    zone = delegation.zone
    early = [
        v.pk
        for v in Visit.objects.filter(run=run)
        if v.start.astimezone(zone).time() < datetime.time(10, 0)
    ]
    services.delegation_update(
        actor=officer,
        delegation=delegation,
        seen_version=delegation.version,
        values={"day_starts_at": datetime.time(10, 0)},
    )
    hours = {
        r.visit.pk for r in selectors.programme_replans(delegation, run) if r.reason == "hours"
    }
    assert hours == set(early)

    services.delegation_update(
        actor=officer,
        delegation=delegation,
        seen_version=delegation.version,
        values={"day_starts_at": datetime.time(9, 0)},
    )
    assert selectors.programme_replans(delegation, run) == []
    # a member moved to the sub-group of the port tour must now be at the port on day one
    lee = small.members["lee"]
    lee.subgroup = small.groups["Technology"]
    lee.save()
    broken = _violations(delegation, run)
    replans = selectors.programme_replans(delegation, run)
    assert {m for m, _v in broken} == {m.pk for r in replans for m in r.members}


def test_a_member_cannot_make_two_commitments_too_close_for_the_trip():
    zone = datetime.UTC
    day = datetime.datetime(2026, 12, 14, 10, 0, tzinfo=zone)
    half = datetime.timedelta(minutes=30)
    first = rules.Commitment("visit", 1, 1, day, day + half)
    second = rules.Commitment("visit", 2, 2, day + half, day + 2 * half)
    plenary = rules.Commitment("item", 3, 1, day - 2 * half, day - half)

    assert rules.unreachable([first, second, plenary], {(1, 2): 20, (2, 1): 20, (1, 1): 0}) == [
        (first, second, 20)
    ]
    assert rules.unreachable([first, second], {(1, 2): 0, (2, 1): 0}) == []
    assert rules.unreachable([second, plenary], {}) == [(plenary, second, rules.NO_ROUTE)]


def test_saving_slower_travel_on_the_page_says_the_programme_no_longer_holds(client, officer):
    small = small_delegation(owner=officer)
    run = _published(small, officer)
    delegation = small.delegation
    visit = _away_from_hotel(small, run)
    client.force_login(officer)
    url = reverse("delegations:travel", args=[delegation.pk])
    fields = {f"pair_{a}_{b}": minutes for (a, b), minutes in _matrix(delegation).items()}

    unchanged = client.post(url, fields, follow=True).content.decode()
    slower = {
        name: 240 if str(visit.venue_id) in name.split("_")[1:] else minutes
        for name, minutes in fields.items()
    }
    changed = client.post(url, slower, follow=True).content.decode()

    assert "Travel times saved." in unchanged
    assert "no longer hold" not in unchanged
    assert "After this change, meetings of the published programme no longer hold" in changed
    assert "The published programme needs re-planning" in changed
