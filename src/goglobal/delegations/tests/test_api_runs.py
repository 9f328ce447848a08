"""Scheduling, re-planning and publishing a delegation's programme through the API."""

import pytest

from goglobal.accounts.services import api_token_issue
from goglobal.delegations import services
from goglobal.delegations.models import DelegationRun, Visit
from goglobal.delegations.tests.factories import small_delegation

pytestmark = pytest.mark.django_db


def _auth(user, scopes=("delegations:write",)):
    _token, raw = api_token_issue(user=user, name="client", scopes=list(scopes))
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _post(client, path, body, auth):
    return client.post(path, body, content_type="application/json", **auth)


def _published(small, actor):
    run = services.delegation_run_start(actor=actor, delegation=small.delegation)
    run = services.delegation_run_execute(run=DelegationRun.objects.get(pk=run.pk), time_limit=5)
    assert run.status == "done", run.error
    return services.delegation_run_publish(actor=actor, run=run)


def test_a_client_re_plans_the_published_programme_and_publishes_it(
    client, officer, django_capture_on_commit_callbacks
):
    small = small_delegation(owner=officer)
    published = _published(small, officer)
    auth = _auth(officer)
    base = f"/api/delegations/{small.delegation.pk}"
    hotel, park = small.venues["Hotel"].pk, small.venues["Science park"].pk
    cut = {"trips": [{"venue_id": hotel, "other_venue_id": park, "minutes": 30}]}
    assert client.put(f"{base}/travel", cut, content_type="application/json", **auth).json()[
        "needs_replanning"
    ]
    before = {
        (v.host_id, v.start)
        for v in Visit.objects.filter(run=published).exclude(venue=small.venues["Port"])
    }

    with django_capture_on_commit_callbacks(execute=True):
        started = _post(client, f"{base}/runs", {"keep_published": True}, auth)

    assert started.status_code == 202, started.content
    assert started.json()["previous_id"] == published.pk
    run = client.get(f"{base}/runs/{started.json()['id']}", **auth).json()
    assert run["status"] == "done", run
    assert run["value"] <= run["upper_bound"]
    assert run["changes"]["kept"] >= 1
    assert run["summary"]
    assert isinstance(run["summary"][0], str)
    kept = {(v.host_id, v.start) for v in Visit.objects.filter(run_id=run["id"])}
    assert kept & before  # meetings that still hold stay where they were

    done = _post(client, f"{base}/runs/{run['id']}/publish", {}, auth)

    assert done.status_code == 200, done.content
    assert done.json()["is_published"] is True
    programme = client.get(f"{base}/programme", **auth).json()
    assert programme["run"]["id"] == run["id"]
    assert programme["needs_replanning"] is False
    published.refresh_from_db()
    assert published.is_published is False


def test_refusals_are_json_and_change_nothing(client, officer, make_user):
    small = small_delegation(owner=officer)
    other = small_delegation()
    auth = _auth(officer)
    base = f"/api/delegations/{small.delegation.pk}"

    first = _post(client, f"{base}/runs", {}, auth)  # queued: the task runs after commit
    assert first.status_code == 202
    assert first.json()["status"] == "queued"
    again = _post(client, f"{base}/runs", {}, auth)
    assert again.status_code == 400
    assert again.json()["code"] == "refused"
    early = _post(client, f"{base}/runs/{first.json()['id']}/publish", {}, auth)
    assert early.status_code == 400
    assert "finished" in early.json()["detail"]
    assert _post(client, f"{base}/runs", {"keep_published": "often"}, auth).status_code == 422

    assert (
        _post(client, f"{base}/runs", {}, _auth(officer, ("delegations:read",))).status_code == 403
    )
    member = _auth(small.member_user)
    assert _post(client, f"{base}/runs", {}, member).status_code == 403
    assert client.get(f"{base}/runs/{first.json()['id']}", **member).status_code == 403
    assert _post(client, f"{base}/runs", {}, _auth(make_user("analyst"))).status_code == 404
    other_run = services.delegation_run_start(actor=officer, delegation=other.delegation)
    assert client.get(f"{base}/runs/{other_run.pk}", **auth).status_code == 404
    assert _post(client, f"{base}/runs/{other_run.pk}/publish", {}, auth).status_code == 404

    assert DelegationRun.objects.filter(delegation=small.delegation).count() == 1
    assert not DelegationRun.objects.filter(is_published=True).exists()
