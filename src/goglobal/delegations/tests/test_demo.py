import itertools

import pytest

from goglobal.cases.models import Interaction
from goglobal.delegations import rules, selectors
from goglobal.delegations.demo import delegations_demo_create
from goglobal.delegations.models import Visit, VisitEncounter
from goglobal.delegations.services import published_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_demo():
    from goglobal.cases.demo import cases_demo_create
    from goglobal.demo.accounts import demo_accounts_create
    from goglobal.demo.load import DemoSize, demo_set_create

    demo = demo_set_create(seed=2026, size=DemoSize(enterprises=30, providers=10, investors=2))
    demo_accounts_create(enterprise=demo.enterprises[0], provider=demo.providers[0])
    cases_demo_create(2026, count=20)
    return demo


def test_demo_plans_an_outbound_and_an_inbound_delegation_with_travel_kept(small_demo):
    outbound, inbound = delegations_demo_create(2026)
    assert outbound.direction == "to_mainland"
    assert outbound.mechanism is not None
    assert inbound.direction == "inbound"
    for delegation in (outbound, inbound):
        run = published_run(delegation)
        assert run is not None
        visits = list(Visit.objects.filter(run=run).prefetch_related("members"))
        assert len(visits) >= 8
        assert any(v.members.count() > 1 for v in visits)  # sub-group meetings
        routes = rules.shortest_routes(
            [v.pk for v in delegation.venues.all()],
            [(t.origin_id, t.destination_id, t.minutes) for t in delegation.travel.all()],
        )
        zone = delegation.zone
        for member in delegation.members.all():
            busy = [(v.venue_id, v.start, v.end) for v in visits if member in v.members.all()]
            busy += [
                (i.venue_id, i.start(zone), i.end(zone))
                for i in delegation.programme.all()
                if i.subgroup_id in (None, member.subgroup_id)
            ]
            for (va, sa, ea), (vb, sb, eb) in itertools.combinations(busy, 2):
                gap = routes[va, vb]
                assert (ea - sb).total_seconds() <= -60 * gap or (eb - sa).total_seconds() <= (
                    -60 * gap
                )
    assert outbound.members.filter(user__role="enterprise_member").exists()
    visited = Visit.objects.filter(run=published_run(outbound), host__enterprise__isnull=False)
    assert visited.exists()  # a directory enterprise visited: its briefing pack has a profile
    assert selectors.briefing(visited.first())
    held = VisitEncounter.objects.filter(visit__run__delegation=inbound)
    assert held.exists()
    assert Interaction.objects.filter(pk__in=held.values("interaction")).count() == held.count()
    assert not VisitEncounter.objects.filter(visit__run__delegation=outbound).exists()
