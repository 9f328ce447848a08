import pytest
from ninja.testing import TestClient

from goglobal.events import services
from goglobal.events.api import router
from goglobal.events.tests.factories import MeetingRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def api():
    return TestClient(router)


def test_event_participants_run_and_published_schedule(
    api, make_user, django_capture_on_commit_callbacks
):
    organiser = make_user("organiser")
    request = MeetingRequestFactory()
    event = request.event
    with django_capture_on_commit_callbacks(execute=True):
        run = services.schedule_run_start(actor=organiser, event=event)
    services.schedule_run_publish(actor=organiser, run=run)

    listed = api.get("/", user=organiser).json()
    detail = api.get(f"/{event.pk}", user=organiser).json()
    people = api.get(f"/{event.pk}/participants", user=organiser).json()
    status = api.get(f"/{event.pk}/runs/{run.pk}", user=organiser).json()
    schedule = api.get(f"/{event.pk}/schedule", user=organiser).json()

    assert [row["id"] for row in listed] == [event.pk]
    assert detail["timezone"] == "Asia/Shanghai"
    assert len(people) == 2
    assert (status["status"], status["value"], status["is_published"]) == ("done", 3, True)
    assert sorted(schedule["meetings"][0]["participants"]) == sorted(
        [request.requester.pk, request.requested.pk]
    )


@pytest.mark.parametrize("role", ["analyst", "enterprise_member", "provider_member"])
def test_outsiders_see_no_events(api, make_user, role):
    request = MeetingRequestFactory()
    user = make_user(role)

    assert api.get(f"/{request.event.pk}", user=user).status_code == 404
    assert api.get(f"/{request.event.pk}/participants", user=user).status_code == 404
