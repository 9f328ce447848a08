"""Input the API cannot use is a JSON 4xx, never a 5xx."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = "9" * 30


@pytest.mark.parametrize(
    "path",
    [
        f"/api/enterprises/?page={HUGE}",
        "/api/enterprises/?page=0",
        f"/api/enterprises/?page_size={HUGE}",
        f"/api/directory/providers?page={HUGE}",
        f"/api/directory/investors?page={HUGE}",
        f"/api/reference/staleness?months={HUGE}",
        f"/api/reference/staleness?months=-{HUGE}",
        "/api/reference/staleness?months=-99999999999",
        "/api/reference/staleness?months=99999999999",
    ],
)
def test_numbers_out_of_range_are_a_json_4xx(client, officer, path):
    client.force_login(officer)

    response = client.get(path)

    assert 400 <= response.status_code < 500, response.content
    assert response["Content-Type"].startswith("application/json")


def test_a_role_without_access_to_events_gets_a_json_403(client, make_user):
    client.force_login(make_user("analyst"))

    response = client.get("/api/events/")

    assert response.status_code in {403, 404}
    assert response["Content-Type"].startswith("application/json")
