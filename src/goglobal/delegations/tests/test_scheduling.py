import datetime
import itertools

import pytest

from goglobal.core.errors import DomainError
from goglobal.delegations import rules, services
from goglobal.delegations.models import DelegationRun, Visit
from goglobal.delegations.tests.factories import small_delegation

pytestmark = pytest.mark.django_db


def _commitments(small, run):
    """Per member: (venue id, start, end) of every visit and programme item (independent)."""
    zone = small.delegation.zone
    out = {m.pk: [] for m in small.members.values()}
    for visit in Visit.objects.filter(run=run).prefetch_related("members"):
        for member in visit.members.all():
            out[member.pk].append((visit.venue_id, visit.start, visit.end))
    for item in small.delegation.programme.all():
        for member in small.members.values():
            if item.subgroup_id in (None, member.subgroup_id):
                out[member.pk].append((item.venue_id, item.start(zone), item.end(zone)))
    return out


def _minutes(small):
    return rules.shortest_routes(
        [v.pk for v in small.venues.values()],
        [(t.origin_id, t.destination_id, t.minutes) for t in small.delegation.travel.all()],
    )


def test_run_places_group_and_one_to_one_meetings_with_travel_for_every_member(officer):
    small = small_delegation(owner=officer)
    run = services.delegation_run_start(actor=officer, delegation=small.delegation)
    run = services.delegation_run_execute(run=DelegationRun.objects.get(pk=run.pk))
    assert run.status == "done", run.error
    visits = list(Visit.objects.filter(run=run).prefetch_related("members"))
    finance = {small.members["lee"].pk, small.members["chan"].pk}
    bank_group = [v for v in visits if v.host == small.hosts["bank"] and v.members.count() == 2]
    assert len(bank_group) == 1
    assert {m.pk for m in bank_group[0].members.all()} == finance
    assert bank_group[0].subgroup == small.groups["Finance"]
    assert run.value == sum(v.value for v in visits)
    assert run.upper_bound >= run.value
    routes = _minutes(small)
    for member, busy in _commitments(small, run).items():
        for (va, sa, ea), (vb, sb, eb) in itertools.combinations(busy, 2):
            gap = datetime.timedelta(minutes=routes[va, vb])
            assert ea + gap <= sb or eb + gap <= sa, (member, va, sa, vb, sb)


def test_site_visit_far_away_keeps_meetings_at_other_venues_out_of_reach(officer):
    small = small_delegation(owner=officer)
    instance = services.delegation_instance_build(delegation=small.delegation)
    wong = small.members["wong"].key
    lab_key = small.hosts["lab"].key
    lab = [r for r in instance["requests"] if r["from"] == wong and r["to"] == lab_key]
    # the lab is 75 minutes from the port tour (11:00-12:00 on day one): no slot of day one
    # leaves the time to get there or back; on day two only the 09:30 slot is out, 30 minutes
    # from the plenary at the hotel (09:00-09:30)
    day_one = {f"d0s{i}" for i in range(8)}
    assert lab
    assert set(lab[0]["not_in"]) == day_one | {"d1s0", "d1s1"}


def test_run_without_requests_is_refused(officer):
    small = small_delegation(owner=officer)
    small.delegation.requests.all().delete()
    with pytest.raises(DomainError, match="meeting requests"):
        services.delegation_run_start(actor=officer, delegation=small.delegation)
