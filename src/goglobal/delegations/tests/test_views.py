import pytest
from django.urls import reverse

from goglobal.cases.models import Case, Interaction
from goglobal.delegations import services
from goglobal.delegations.models import DelegationRun, Venue, Visit
from goglobal.delegations.tests.factories import small_delegation
from goglobal.enterprises.tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(officer):
    small = small_delegation(owner=officer, enterprise=EnterpriseFactory())
    run = services.delegation_run_start(actor=officer, delegation=small.delegation)
    run = services.delegation_run_execute(run=DelegationRun.objects.get(pk=run.pk))
    services.delegation_run_publish(actor=officer, run=run)
    return small, run


def test_staff_pages_render_in_three_languages(client, officer, planned):
    small, run = planned
    client.force_login(officer)
    d = small.delegation
    visit = Visit.objects.filter(run=run).first()
    urls = [
        reverse("delegations:list"),
        reverse("delegations:detail", args=[d.pk]),
        reverse("delegations:edit", args=[d.pk]),
        reverse("delegations:run", args=[d.pk, run.pk]),
        reverse("delegations:visit", args=[d.pk, visit.pk]),
        reverse("delegations:itinerary", args=[d.pk, small.members["lee"].pk]),
    ]
    for language, word in (("en", "Delegations"), ("zh-hans", "考察团"), ("zh-hant", "考察團")):
        client.cookies["django_language"] = language
        for url in urls:
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, url
        page = client.get(urls[0], HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert word in page
    run_page = client.get(urls[3]).content.decode()
    assert "to_mainland" not in client.get(urls[1]).content.decode()
    assert "proven" in run_page or "证" in run_page or "證" in run_page


def test_member_sees_only_own_itinerary_and_no_briefing(client, planned):
    small, run = planned
    d = small.delegation
    client.force_login(small.member_user)
    own = reverse("delegations:itinerary", args=[d.pk, small.members["chan"].pk])
    response = client.get(own)
    assert response.status_code == 200
    assert "Chan Siu-wai" in response.content.decode()
    assert client.get(own.replace("/", "/", 1) + "itinerary.ics").status_code == 200
    other = reverse("delegations:itinerary", args=[d.pk, small.members["lee"].pk])
    assert client.get(other).status_code == 404
    assert client.get(other + "itinerary.pdf").status_code == 404
    visit = Visit.objects.filter(run=run, members=small.members["chan"]).first()
    assert visit is not None
    assert client.get(reverse("delegations:visit", args=[d.pk, visit.pk])).status_code == 403
    assert client.get(reverse("delegations:briefing_pdf", args=[d.pk, visit.pk])).status_code == 403
    assert client.get(reverse("delegations:detail", args=[d.pk])).status_code == 403
    mine = client.get(reverse("delegations:mine")).content.decode()
    assert d.name_en in mine or d.name_zh_hans in mine


def test_provider_member_cannot_read_briefing_or_plan(client, make_user, planned):
    small, run = planned
    provider = make_user("provider_member")
    client.force_login(provider)
    visit = Visit.objects.filter(run=run).first()
    d = small.delegation
    assert client.get(reverse("delegations:visit", args=[d.pk, visit.pk])).status_code == 403
    response = client.post(
        reverse("delegations:part_add", args=[d.pk, "venue"]), {"venue-name": "Sneaky"}
    )
    assert response.status_code == 403
    assert not Venue.objects.filter(name="Sneaky").exists()


def test_bad_input_gets_field_errors_and_no_5xx(client, officer, planned):
    small, _run = planned
    client.force_login(officer)
    d = small.delegation
    response = client.post(
        reverse("delegations:part_add", args=[d.pk, "item"]),
        {
            "item-kind": "plenary",
            "item-title": "Lunch",
            "item-venue": small.venues["Hotel"].pk,
            "item-day": "2030-01-01",
            "item-starts_at": "13:00",
            "item-ends_at": "12:00",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose a day of the delegation." in page
    assert "Lunch" in page  # input kept
    response = client.post(
        reverse("delegations:travel", args=[d.pk]),
        {name: "-5" for name in ("pair_1_2",)} | {"x": "y"},
    )
    assert response.status_code in (302, 400)
    other = small_delegation(owner=officer)
    response = client.post(
        reverse("delegations:part_add", args=[d.pk, "host"]),
        {"host-name": "Elsewhere", "host-venue": other.venues["Hotel"].pk},
    )
    assert response.status_code == 400
    assert not d.hosts.filter(name="Elsewhere").exists()


def test_travel_matrix_saves_and_feeds_the_schedule(client, officer, planned):
    small, _run = planned
    client.force_login(officer)
    d = small.delegation
    hotel, park = small.venues["Hotel"], small.venues["Science park"]
    a, b = sorted((hotel.pk, park.pk))
    port = small.venues["Port"].pk
    data = {f"pair_{a}_{b}": "40"} | {
        f"pair_{min(port, v)}_{max(port, v)}": "" for v in (hotel.pk, park.pk)
    }
    response = client.post(reverse("delegations:travel", args=[d.pk]), data)
    assert response.status_code == 302
    assert d.travel.get().minutes == 40
    instance = services.delegation_instance_build(delegation=d)
    assert instance["travel"] == [{"from": f"v{a}", "to": f"v{b}", "minutes": 40}]


def test_held_meeting_is_logged_on_the_enterprise_case_once(client, officer, planned):
    small, run = planned
    client.force_login(officer)
    d = small.delegation
    visit = Visit.objects.filter(run=run, members=small.members["chan"]).first()
    url = reverse("delegations:visit", args=[d.pk, visit.pk])
    data = {"version": visit.version, "held": "on", "outcome": "follow_up", "notes": "Send deck"}
    assert client.post(url, data).status_code == 302
    case = Case.objects.get(enterprise=small.members["chan"].enterprise)
    logged = Interaction.objects.filter(case=case, kind="event")
    assert logged.count() == 1
    assert "Send deck" in logged.get().summary
    stale = client.post(url, data)
    assert stale.status_code == 400  # the version moved on: nothing is logged twice
    assert logged.count() == 1
    briefing = client.get(url).content.decode()
    assert "Send deck" in briefing  # last interactions in the pack


def test_itinerary_pdf_and_ics_in_member_language(client, officer, planned):
    small, run = planned
    client.force_login(officer)
    d = small.delegation
    lee = small.members["lee"]  # zh-hant
    response = client.get(reverse("delegations:itinerary_ics", args=[d.pk, lee.pk]))
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR")
    assert (
        body.count("BEGIN:VEVENT")
        == len([v for v in Visit.objects.filter(run=run, members=lee)])
        + d.programme.filter(subgroup__isnull=True).count()
    )
    assert "上海考察團" in body
    pdf = client.get(reverse("delegations:itinerary_pdf", args=[d.pk, lee.pk]))
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_removing_a_visited_body_with_scheduled_meetings_is_refused(client, officer, planned):
    small, run = planned
    client.force_login(officer)
    d = small.delegation
    host = small.hosts["bank"]
    url = reverse("delegations:part_remove", args=[d.pk, "host", host.pk])
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "remove those first" in response.content.decode()
    assert d.hosts.filter(pk=host.pk).exists()
    assert Visit.objects.filter(run=run, host=host).exists()
    other = small_delegation(owner=officer)
    foreign = reverse("delegations:part_remove", args=[d.pk, "venue", other.venues["Port"].pk])
    assert client.post(foreign).status_code == 404


def test_staff_read_an_itinerary_in_their_language_the_member_in_its_own(client, officer, planned):
    small, _run = planned
    d = small.delegation
    chan = small.members["chan"]  # itinerary language English
    url = reverse("delegations:itinerary", args=[d.pk, chan.pk])
    client.force_login(officer)
    staff_page = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "行程" in staff_page
    assert "Itinerary:" not in staff_page
    client.force_login(small.member_user)
    own = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "Itinerary:" in own


def test_fixed_items_too_close_for_the_trip_are_flagged(client, officer, planned):
    import datetime

    from goglobal.delegations.models import ProgrammeItem

    small, _run = planned
    d = small.delegation
    client.force_login(officer)
    url = reverse("delegations:detail", args=[d.pk])
    assert "too little time for the trip" not in client.get(url).content.decode()
    ProgrammeItem.objects.create(
        delegation=d,
        kind="site_visit",
        title="Lab tour",
        venue=small.venues["Science park"],
        subgroup=small.groups["Technology"],
        day=d.starts_on,
        starts_at=datetime.time(12, 15),  # the port tour ends at 12:00, 75 minutes away
        ends_at=datetime.time(12, 45),
    )
    page = client.get(url).content.decode()
    assert "Port tour (Port) and Lab tour (Science park) leave 2 members" in page


def test_briefing_pdf_for_staff(client, officer, planned):
    small, run = planned
    client.force_login(officer)
    visit = Visit.objects.filter(run=run, members=small.members["chan"]).first()
    response = client.get(reverse("delegations:briefing_pdf", args=[small.delegation.pk, visit.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
