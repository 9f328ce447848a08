"""The delegations API from outside: bearer tokens through /api/, as a client calls it."""

import datetime

import pytest

from goglobal.accounts.services import api_token_issue
from goglobal.delegations import services
from goglobal.delegations.models import DelegationRun, Visit
from goglobal.delegations.tests.factories import small_delegation

pytestmark = pytest.mark.django_db


def _auth(user, scopes=("delegations:read",)):
    _token, raw = api_token_issue(user=user, name="client", scopes=list(scopes))
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _published(small, actor):
    run = services.delegation_run_start(actor=actor, delegation=small.delegation)
    run = services.delegation_run_execute(run=DelegationRun.objects.get(pk=run.pk), time_limit=5)
    assert run.status == "done", run.error
    return services.delegation_run_publish(actor=actor, run=run)


def test_staff_read_the_delegation_its_venues_members_programme_and_itineraries(client, officer):
    small = small_delegation(owner=officer)
    other = small_delegation()
    auth = _auth(officer)
    base = f"/api/delegations/{small.delegation.pk}"

    listed = client.get("/api/delegations/", **auth).json()
    detail = client.get(base, **auth).json()
    members = client.get(f"{base}/members", **auth).json()
    unpublished = client.get(f"{base}/programme", **auth)

    assert {row["id"] for row in listed["items"]} == {small.delegation.pk, other.delegation.pk}
    assert listed["count"] == 2
    assert detail["days"] == ["2026-12-14", "2026-12-15"]
    assert detail["has_published_programme"] is False
    venues = {v["name"]: v for v in detail["venues"]}
    hotel, port = small.venues["Hotel"], small.venues["Port"]
    to_port = next(t for t in venues["Hotel"]["travel"] if t["venue_id"] == port.pk)
    assert (to_port["minutes"], to_port["shortest_minutes"]) == (60, 60)
    park_port = next(t for t in venues["Science park"]["travel"] if t["venue_id"] == port.pk)
    assert (park_port["minutes"], park_port["shortest_minutes"]) == (75, 75)
    assert {t["venue_id"] for t in venues["Port"]["travel"]} == {
        hotel.pk,
        small.venues["Science park"].pk,
    }
    assert client.get(f"{base}/venues", **auth).json() == detail["venues"]
    assert sorted(m["full_name"] for m in members) == sorted(
        m.full_name for m in small.members.values()
    )
    assert unpublished.status_code == 404

    run = _published(small, officer)
    programme = client.get(f"{base}/programme", **auth).json()
    lee = small.members["lee"]
    itinerary = client.get(f"{base}/members/{lee.pk}/itinerary", **auth).json()

    assert programme["run"]["id"] == run.pk
    assert programme["run"]["is_published"]
    assert len(programme["items"]) == 3
    stored = {v.pk: v for v in Visit.objects.filter(run=run).prefetch_related("members")}
    assert {m["id"] for m in programme["meetings"]} == set(stored)
    for meeting in programme["meetings"]:
        visit = stored[meeting["id"]]
        assert meeting["venue_id"] == visit.venue_id
        assert meeting["members"] == sorted(m.pk for m in visit.members.all())
        assert datetime.datetime.fromisoformat(meeting["start"]) == visit.start
    assert itinerary["published"] is True
    kinds = [entry["kind"] for entry in itinerary["entries"]]
    assert kinds.count("plenary") == 2
    lee_meetings = {v.pk for v in stored.values() if lee in v.members.all()}
    assert {e["meeting_id"] for e in itinerary["entries"] if e["kind"] == "meeting"} == (
        lee_meetings
    )


def test_a_member_account_reads_its_delegation_and_its_own_itinerary_only(client):
    small = small_delegation()
    other = small_delegation()
    auth = _auth(small.member_user)
    base = f"/api/delegations/{small.delegation.pk}"
    chan, lee = small.members["chan"], small.members["lee"]

    listed = client.get("/api/delegations/", **auth).json()

    assert [row["id"] for row in listed["items"]] == [small.delegation.pk]
    assert client.get(base, **auth).status_code == 200
    assert client.get(f"{base}/members/{chan.pk}/itinerary", **auth).status_code == 200
    # its own delegation's member list and programme are for staff: refused, not hidden
    assert client.get(f"{base}/members", **auth).status_code == 403
    assert client.get(f"{base}/programme", **auth).status_code == 403
    # another member's itinerary and another delegation are not found
    assert client.get(f"{base}/members/{lee.pk}/itinerary", **auth).status_code == 404
    elsewhere = f"/api/delegations/{other.delegation.pk}"
    for path in ("", "/venues", "/members", "/programme"):
        assert client.get(f"{elsewhere}{path}", **auth).status_code == 404, path
    other_member = other.members["lee"]
    assert client.get(f"{elsewhere}/members/{other_member.pk}/itinerary", **auth).status_code == 404


@pytest.mark.parametrize("role", ["analyst", "provider_member", "enterprise_member"])
def test_outsiders_see_no_delegation(client, make_user, role):
    small = small_delegation()
    auth = _auth(make_user(role))
    base = f"/api/delegations/{small.delegation.pk}"

    assert client.get("/api/delegations/", **auth).json()["items"] == []
    for path in ("", "/venues", "/members", "/programme"):
        assert client.get(f"{base}{path}", **auth).status_code == 404, path
    member = small.members["lee"]
    assert client.get(f"{base}/members/{member.pk}/itinerary", **auth).status_code == 404


def test_a_token_without_the_delegations_scope_is_refused(client, officer):
    small = small_delegation(owner=officer)
    auth = _auth(officer, scopes=("events:read", "cases:write"))

    for path in ("/api/delegations/", f"/api/delegations/{small.delegation.pk}"):
        response = client.get(path, **auth)
        assert response.status_code == 403, path
        assert response.json()["code"] == "scope"
    assert client.get("/api/delegations/").status_code == 401


def test_bad_input_names_the_field_and_never_fails(client, officer):
    small = small_delegation(owner=officer)
    auth = _auth(officer)
    base = f"/api/delegations/{small.delegation.pk}"

    answers = [
        client.get("/api/delegations/?page=0", **auth),
        client.get("/api/delegations/?page_size=100000", **auth),
        client.get("/api/delegations/?page=99999999999999999999999", **auth),
        client.get("/api/delegations/abc", **auth),
        client.get(f"{base}/members/x/itinerary", **auth),
    ]
    for response in answers:
        assert response.status_code == 422, response.content
        assert response.json()["detail"]
    assert client.get("/api/delegations/99999999", **auth).status_code == 404
    huge = "/api/delegations/99999999999999999999999999"
    assert client.get(huge, **auth).status_code in {404, 422}
    assert client.get(f"{base}/members/999999/itinerary", **auth).status_code == 404


def test_the_schema_declares_the_delegation_operations_and_their_errors(client, officer):
    client.force_login(officer)
    schema = client.get("/api/openapi.json").json()
    paths = {p: v for p, v in schema["paths"].items() if p.startswith("/api/delegations")}

    assert set(paths) == {
        "/api/delegations/",
        "/api/delegations/{delegation_id}",
        "/api/delegations/{delegation_id}/venues",
        "/api/delegations/{delegation_id}/members",
        "/api/delegations/{delegation_id}/programme",
        "/api/delegations/{delegation_id}/members/{member_id}/itinerary",
        "/api/delegations/{delegation_id}/requests",
        "/api/delegations/{delegation_id}/travel",
        "/api/delegations/{delegation_id}/runs",
        "/api/delegations/{delegation_id}/runs/{run_id}",
        "/api/delegations/{delegation_id}/runs/{run_id}/publish",
    }
    for path, methods in paths.items():
        for method, operation in methods.items():
            responses = operation["responses"]
            assert {"401", "403"} <= set(responses), path
            assert ("404" in responses) == ("{" in path), path
            assert "422" in responses, (path, method)
    assert "201" in paths["/api/delegations/{delegation_id}/members"]["post"]["responses"]
    ids = [op["operationId"] for methods in schema["paths"].values() for op in methods.values()]
    assert len(ids) == len(set(ids))


def _post(client, path, body, auth):
    return client.post(path, body, content_type="application/json", **auth)


def test_staff_add_a_member_and_a_meeting_request_through_the_api(client, officer):
    from goglobal.delegations.models import Member, VisitRequest

    small = small_delegation(owner=officer)
    auth = _auth(officer, scopes=("delegations:write",))
    base = f"/api/delegations/{small.delegation.pk}"
    finance = small.groups["Finance"]

    added = _post(
        client,
        f"{base}/members",
        {
            "full_name": "Tang Wing",
            "kind": "official",
            "subgroup_id": finance.pk,
            "language": "zh-hans",
        },
        auth,
    )
    assert added.status_code == 201, added.content
    member = Member.objects.get(pk=added.json()["id"])
    assert (member.delegation, member.subgroup, member.language) == (
        small.delegation,
        finance,
        "zh-hans",
    )
    asked = _post(
        client,
        f"{base}/requests",
        {"host_id": small.hosts["port"].pk, "member_id": member.pk, "priority": "must"},
        auth,
    )
    assert asked.status_code == 201, asked.content
    request = VisitRequest.objects.get(pk=asked.json()["id"])
    assert (request.member, request.host, request.weight) == (member, small.hosts["port"], 10)
    assert any(m["id"] == member.pk for m in client.get(f"{base}/members", **auth).json())


def test_bad_members_and_requests_are_field_errors_and_change_nothing(client, officer):
    from goglobal.delegations.models import Member, VisitRequest

    small = small_delegation(owner=officer)
    other = small_delegation()
    auth = _auth(officer, scopes=("delegations:write",))
    base = f"/api/delegations/{small.delegation.pk}"
    members, requests = Member.objects.count(), VisitRequest.objects.count()
    bad = [
        ("members", {"full_name": "", "kind": "official"}, "full_name"),
        ("members", {"full_name": "X", "kind": "astronaut"}, "kind"),
        ("members", {"full_name": "X", "kind": "official", "language": "fr"}, "language"),
        # another delegation's sub-group is not a choice here
        (
            "members",
            {"full_name": "X", "kind": "official", "subgroup_id": other.groups["Finance"].pk},
            "subgroup_id",
        ),
        ("members", {"full_name": "X", "kind": "official", "user_id": 10**9}, "user_id"),
        (
            "requests",
            {"host_id": other.hosts["bank"].pk, "member_id": small.members["lee"].pk},
            "host_id",
        ),
        (
            "requests",
            {
                "host_id": small.hosts["bank"].pk,
                "member_id": small.members["lee"].pk,
                "subgroup_id": small.groups["Finance"].pk,
            },
            "member_id",
        ),
        ("requests", {"host_id": small.hosts["bank"].pk}, "member_id"),
        (
            "requests",
            {
                "host_id": small.hosts["bank"].pk,
                "member_id": small.members["lee"].pk,
                "priority": "x",
            },
            "priority",
        ),
    ]
    for path, body, field in bad:
        response = _post(client, f"{base}/{path}", body, auth)
        assert response.status_code == 422, (body, response.content)
        assert field in response.json()["errors"], (body, response.json())
    for body in ({"kind": "official"}, {"full_name": 5, "kind": None}, "not json"):
        response = _post(client, f"{base}/members", body, auth)
        assert response.status_code in {400, 422}, (body, response.content)
    assert (Member.objects.count(), VisitRequest.objects.count()) == (members, requests)


def test_writes_need_the_write_scope_a_manager_and_the_delegation(client, officer):
    small = small_delegation(owner=officer)
    other = small_delegation()
    body = {"full_name": "Tang Wing", "kind": "official"}
    base = f"/api/delegations/{small.delegation.pk}"

    read_only = _post(client, f"{base}/members", body, _auth(officer))
    member_account = _post(
        client, f"{base}/members", body, _auth(small.member_user, ("delegations:write",))
    )
    outsider = _post(
        client,
        f"/api/delegations/{other.delegation.pk}/members",
        body,
        _auth(small.member_user, ("delegations:write",)),
    )

    assert read_only.status_code == 403
    assert read_only.json()["code"] == "scope"
    assert member_account.status_code == 403
    assert outsider.status_code == 404
    assert (
        _post(
            client, "/api/delegations/99999999/members", body, _auth(officer, ("write",))
        ).status_code
        == 404
    )
    assert small.delegation.members.count() == 4


def test_travel_times_saved_through_the_api_say_when_the_programme_needs_replanning(
    client, officer
):
    small = small_delegation(owner=officer)
    other = small_delegation()
    _published(small, officer)
    auth = _auth(officer, scopes=("delegations:write",))
    url = f"/api/delegations/{small.delegation.pk}/travel"
    hotel, park, port = (small.venues[n].pk for n in ("Hotel", "Science park", "Port"))
    same = {
        "trips": [
            {"venue_id": hotel, "other_venue_id": park, "minutes": 30},
            {"venue_id": port, "other_venue_id": hotel, "minutes": 60},
            {"venue_id": park, "other_venue_id": port, "minutes": 75},
        ]
    }
    cut_off = {"trips": [{"venue_id": hotel, "other_venue_id": park, "minutes": 30}]}

    kept = client.put(url, same, content_type="application/json", **auth)
    assert kept.status_code == 200, kept.content
    assert kept.json()["needs_replanning"] is False
    port_row = next(v for v in kept.json()["venues"] if v["id"] == port)
    assert {t["venue_id"]: t["minutes"] for t in port_row["travel"]} == {hotel: 60, park: 75}

    # the port reachable from nowhere: its meetings and the port tour no longer hold
    cut = client.put(url, cut_off, content_type="application/json", **auth)
    assert cut.status_code == 200, cut.content
    assert small.delegation.travel.count() == 1
    programme = client.get(f"/api/delegations/{small.delegation.pk}/programme", **auth).json()
    port_meetings = {m["id"] for m in programme["meetings"] if m["venue_id"] == port}
    assert cut.json()["needs_replanning"] is bool(port_meetings)
    assert port_meetings <= {r["meeting_id"] for r in programme["replanning"]}

    bad = [
        ({"trips": [{"venue_id": hotel, "other_venue_id": hotel, "minutes": 5}]}, 422),
        ({"trips": [{"venue_id": hotel, "other_venue_id": park, "minutes": 1441}]}, 422),
        ({"trips": [{"venue_id": hotel, "other_venue_id": park, "minutes": -1}]}, 422),
        ({"trips": same["trips"] + same["trips"][:1]}, 422),
        ({"trips": [{"venue_id": hotel, "other_venue_id": other.venues["Port"].pk}]}, 400),
        ({"trips": [{"venue_id": hotel, "other_venue_id": 10**30, "minutes": 5}]}, 400),
        ({"trips": "none"}, 422),
    ]
    for body, code in bad:
        response = client.put(url, body, content_type="application/json", **auth)
        assert response.status_code == code, (body, response.content)
        assert response.json()["detail"]
    assert small.delegation.travel.count() == 1
    read_only = client.put(url, same, content_type="application/json", **_auth(officer))
    assert read_only.status_code == 403
    elsewhere = f"/api/delegations/{other.delegation.pk}/travel"
    member = _auth(small.member_user, ("delegations:write",))
    assert client.put(elsewhere, same, content_type="application/json", **member).status_code == 404
    assert client.put(url, same, content_type="application/json", **member).status_code == 403


def test_ids_out_of_range_on_every_delegation_operation_are_a_json_4xx(client, officer):
    small = small_delegation(owner=officer)
    auth = _auth(officer, scopes=("delegations:write",))
    huge, d, m = "9" * 30, small.delegation.pk, small.members["lee"].pk
    calls = [
        ("get", f"/api/delegations/{huge}"),
        ("get", f"/api/delegations/{huge}/venues"),
        ("get", f"/api/delegations/{huge}/members"),
        ("get", f"/api/delegations/{huge}/programme"),
        ("get", f"/api/delegations/{d}/members/{huge}/itinerary"),
        ("get", f"/api/delegations/{huge}/members/{m}/itinerary"),
        ("post", f"/api/delegations/{huge}/members"),
        ("post", f"/api/delegations/{d}/members"),
        ("post", f"/api/delegations/{d}/requests"),
        ("put", f"/api/delegations/{huge}/travel"),
        ("put", f"/api/delegations/{d}/travel"),
        ("post", f"/api/delegations/{huge}/runs"),
        ("get", f"/api/delegations/{d}/runs/{huge}"),
        ("post", f"/api/delegations/{d}/runs/{huge}/publish"),
    ]
    bodies = {
        "post": {
            "full_name": "X",
            "kind": "official",
            "subgroup_id": int(huge),
            "host_id": int(huge),
        },
        "put": {"trips": [{"venue_id": int(huge), "other_venue_id": int(huge) - 1}]},
    }
    for method, path in calls:
        extra = {"content_type": "application/json"} if method != "get" else {}
        response = getattr(client, method)(path, bodies.get(method), **extra, **auth)
        assert 400 <= response.status_code < 500, (method, path, response.content)
        assert response["Content-Type"].startswith("application/json"), path
