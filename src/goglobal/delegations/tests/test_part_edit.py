"""Editing a delegation's parts in place: members, sub-groups, venues, visited bodies, programme
items and meeting requests, checked as when they are added, never over somebody else's change."""

import re

import pytest
from django.urls import reverse

from goglobal.core.models import AuditEvent
from goglobal.delegations import services
from goglobal.delegations.models import DelegationRun, Member, ProgrammeItem, Visit
from goglobal.delegations.services import delegations as parts
from goglobal.delegations.tests.factories import small_delegation

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(officer):
    small = small_delegation(owner=officer)
    run = services.delegation_run_start(actor=officer, delegation=small.delegation)
    run = services.delegation_run_execute(run=DelegationRun.objects.get(pk=run.pk), time_limit=5)
    services.delegation_run_publish(actor=officer, run=run)
    return small, run


def _edit(delegation, part, row):
    return reverse("delegations:part_edit", args=[delegation.pk, part, row.pk])


def _seen(page: str) -> str:
    return re.search(r'name="seen" value="([0-9a-f]+)"', page)[1]


def _member_data(member, **changes):
    data = {
        "member-full_name": member.full_name,
        "member-kind": member.kind,
        "member-organisation_name": member.organisation_name,
        "member-subgroup": member.subgroup_id or "",
        "member-language": member.language,
    }
    data.update(changes)
    return data


def test_an_officer_moves_a_member_to_another_sub_group(client, officer, planned):
    small, _run = planned
    delegation, ho = small.delegation, small.members["ho"]
    client.force_login(officer)
    page = client.get(_edit(delegation, "member", ho), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "Edit a member" in page.content.decode()

    response = client.post(
        _edit(delegation, "member", ho),
        _member_data(ho, **{"member-subgroup": small.groups["Finance"].pk})
        | {"seen": _seen(page.content.decode())},
    )

    assert response.status_code == 302
    ho.refresh_from_db()
    assert ho.subgroup == small.groups["Finance"]
    audit = AuditEvent.objects.filter(target_type="delegations.delegation").latest("id")
    technology, finance = small.groups["Technology"].pk, small.groups["Finance"].pk
    assert audit.changes == {f"member {ho.pk}": {"subgroup": [technology, finance]}}
    assert audit.actor == officer


def test_a_save_over_somebody_elses_change_is_refused_and_loses_nothing(client, officer, planned):
    small, _run = planned
    delegation, ho = small.delegation, small.members["ho"]
    client.force_login(officer)
    seen = _seen(client.get(_edit(delegation, "member", ho)).content.decode())
    ho.full_name = "Ho Tin-yan"  # a colleague saves first
    parts.part_update(
        actor=officer,
        delegation=delegation,
        row=ho,
        fields=["full_name"],
        seen=parts.part_seen(Member.objects.get(pk=ho.pk), ["full_name"]),
    )

    response = client.post(
        _edit(delegation, "member", Member.objects.get(pk=ho.pk)),
        _member_data(ho, **{"member-full_name": "Ho T.", "member-language": "zh-hans"})
        | {"seen": seen},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 409
    page = response.content.decode()
    assert "changed by someone else" in page
    assert "Ho T." in page  # the input is kept
    ho.refresh_from_db()
    assert (ho.full_name, ho.language) == ("Ho Tin-yan", "en")


def test_bad_values_get_field_errors_and_change_nothing(client, officer, planned):
    small, _run = planned
    delegation = small.delegation
    item = ProgrammeItem.objects.get(delegation=delegation, title="Port tour")
    other = small_delegation(owner=officer)
    client.force_login(officer)
    url = _edit(delegation, "item", item)
    seen = _seen(client.get(url).content.decode())
    data = {
        "item-kind": item.kind,
        "item-title": item.title,
        "item-venue": item.venue_id,
        "item-subgroup": item.subgroup_id,
        "item-day": item.day.isoformat(),
        "item-starts_at": "12:00",
        "item-ends_at": "11:00",
        "seen": seen,
    }

    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    response = client.post(
        url, data | {"item-ends_at": "13:00", "item-venue": other.venues["Hotel"].pk}
    )
    assert response.status_code == 400
    assert "item-venue" in response.content.decode()

    item.refresh_from_db()
    assert (str(item.starts_at), str(item.ends_at), item.venue_id) == (
        "11:00:00",
        "12:00:00",
        small.venues["Port"].pk,
    )


def test_a_change_that_breaks_the_published_programme_says_so(client, officer, planned):
    small, run = planned
    delegation = small.delegation
    assert Visit.objects.filter(run=run).exists()
    client.force_login(officer)
    for plenary in ProgrammeItem.objects.filter(delegation=delegation, kind="plenary"):
        url = _edit(delegation, "item", plenary)
        data = {
            "item-kind": "plenary",
            "item-title": "All-day briefing",
            "item-venue": plenary.venue_id,
            "item-subgroup": "",
            "item-day": plenary.day.isoformat(),
            "item-starts_at": "09:00",
            "item-ends_at": "13:00",
            "seen": _seen(client.get(url).content.decode()),
        }
        response = client.post(url, data, follow=True, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200

    assert "All-day briefing" in response.content.decode()
    messages = [str(message) for message in response.context["messages"]]
    assert any("no longer hold" in message for message in messages), messages


def test_only_delegation_staff_edit_and_only_their_own_rows(client, officer, make_user, planned):
    small, _run = planned
    delegation, ho = small.delegation, small.members["ho"]
    other = small_delegation(owner=officer)

    client.force_login(small.member_user)
    assert client.get(_edit(delegation, "member", ho)).status_code == 403
    client.force_login(make_user("analyst"))
    assert client.get(_edit(delegation, "member", ho)).status_code == 403

    client.force_login(officer)
    foreign = other.members["ho"]
    assert client.get(_edit(delegation, "member", foreign)).status_code == 404
    assert client.post(_edit(delegation, "member", foreign), {"seen": "x"}).status_code == 404
    assert client.get(f"/delegations/{delegation.pk}/visit/{ho.pk}/edit/").status_code == 404
    foreign.refresh_from_db()
    assert foreign.full_name == "Ho Tin"
