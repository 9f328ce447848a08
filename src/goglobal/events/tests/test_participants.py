import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.events import services
from goglobal.events.models import Participant
from goglobal.events.services import ImportRowsError
from goglobal.events.tests.factories import EventFactory, ParticipantFactory
from goglobal.providers.tests.factories import ServiceProviderFactory

pytestmark = pytest.mark.django_db


def test_organiser_adds_a_participant_linked_to_an_enterprise(client, make_user):
    client.force_login(make_user("organiser"))
    event = EventFactory()
    enterprise = EnterpriseFactory()
    first_slot = event.slots.first()

    response = client.post(
        reverse("events:participant_create", args=[event.pk]),
        {
            "full_name": "陈静",
            "organisation_name": "宁波澜海动力电池",
            "kind": "enterprise",
            "email": "Chen@Example.cn",
            "language": "zh-hans",
            "social_credit_code": enterprise.social_credit_code.lower(),
            "available_slots": [first_slot.pk],
        },
    )

    assert response.status_code == 302
    person = Participant.objects.get()
    assert (person.email, person.enterprise, person.provider) == (
        "chen@example.cn",
        enterprise,
        None,
    )
    assert list(person.available_slots.all()) == [first_slot]


def test_unknown_code_and_duplicate_email_are_shown_on_the_form(client, make_user):
    client.force_login(make_user("organiser"))
    event = EventFactory()
    ParticipantFactory(event=event, email="chen@example.cn")

    response = client.post(
        reverse("events:participant_create", args=[event.pk]),
        {
            "full_name": "陈静",
            "organisation_name": "宁波",
            "kind": "provider",
            "email": "wong@example.hk",
            "language": "en",
            "provider_name": "Nowhere Advisory",
        },
    )
    duplicate = client.post(
        reverse("events:participant_create", args=[event.pk]),
        {
            "full_name": "陈静",
            "organisation_name": "宁波",
            "kind": "enterprise",
            "email": "chen@example.cn",
            "language": "en",
        },
    )

    assert response.status_code == 200
    assert "No service provider in the directory is called" in response.content.decode()
    assert duplicate.status_code == 200
    assert Participant.objects.count() == 1


def test_edit_links_a_provider_and_refuses_a_stale_version(client, make_user):
    client.force_login(make_user("organiser"))
    person = ParticipantFactory(kind="provider", language="en")
    provider = ServiceProviderFactory(external_id="HK-0042", name_en="Harbour Law Partners")
    ServiceProviderFactory(name_en="Harbour Law Associates")
    url = reverse("events:participant_edit", args=[person.event_id, person.pk])
    data = {
        "version": person.version,
        "full_name": "Wong Ka Yan",
        "organisation_name": "Harbour Law",
        "kind": "provider",
        "email": person.email,
        "language": "zh-hant",
        "max_meetings": 4,
        "provider_name": "harbour law partners",
    }

    form_page = client.get(url)
    saved = client.post(url, data)
    stale = client.post(url, data | {"full_name": "Someone else"})

    assert form_page.status_code == 200
    assert "external id" not in form_page.content.decode()
    assert saved.status_code == 302
    person.refresh_from_db()
    assert (person.full_name, person.provider, person.max_meetings) == ("Wong Ka Yan", provider, 4)
    assert person.available_slots.count() == person.event.slots.count()
    assert stale.status_code == 200
    assert "changed by someone else" in stale.content.decode()


@pytest.mark.parametrize(("role", "status"), [("officer", 403), ("analyst", 404)])
def test_only_organisers_add_or_edit(client, make_user, role, status):
    person = ParticipantFactory()
    client.force_login(make_user(role))

    add = client.get(reverse("events:participant_create", args=[person.event_id]))
    edit = client.get(reverse("events:participant_edit", args=[person.event_id, person.pk]))

    assert (add.status_code, edit.status_code) == (status, status)


def test_import_links_directory_records_and_reports_unknown_codes(make_user):
    organiser = make_user("organiser")
    event = EventFactory()
    enterprise = EnterpriseFactory()
    provider = ServiceProviderFactory(external_id="HK-0042", name_en="Harbour Law Partners")
    ServiceProviderFactory(name_en="Harbour Law Associates")
    header = "full_name,organisation,kind,email,social_credit_code,provider_external_id\n"
    good = (
        header + f"陈静,宁波,enterprise,chen@example.cn,{enterprise.social_credit_code},\n"
        "黃嘉欣,港景,provider,wong@example.hk,,HK-0042\n"
        "Alice,Victoria,investor,alice@example.hk,,\n"
    )
    bad = (
        header
        + "X,Y,enterprise,x@example.cn,91310000MA1FL0000X,\nZ,W,provider,z@example.hk,,nope\n"
    )

    with pytest.raises(ImportRowsError) as raised:
        services.registrations_import(
            actor=organiser,
            event=event,
            handle=SimpleUploadedFile("r.csv", bad.encode()),
            file_format="csv",
        )
    services.registrations_import(
        actor=organiser,
        event=event,
        handle=SimpleUploadedFile("r.csv", good.encode()),
        file_format="csv",
    )

    assert [(e.row, e.column) for e in raised.value.errors] == [
        (2, "social_credit_code"),
        (3, "provider_external_id"),
    ]
    people = {p.email: p for p in Participant.objects.filter(event=event)}
    assert people["chen@example.cn"].enterprise == enterprise
    assert people["wong@example.hk"].provider == provider
    assert people["alice@example.hk"].enterprise is None


def test_a_provider_name_matching_several_is_refused_with_their_names(client, make_user):
    client.force_login(make_user("organiser"))
    person = ParticipantFactory(kind="provider", language="en")
    ServiceProviderFactory(name_en="Harbour Law Partners")
    ServiceProviderFactory(name_en="Harbour Law Associates")
    url = reverse("events:participant_edit", args=[person.event_id, person.pk])

    response = client.post(
        url,
        {
            "version": person.version,
            "full_name": "Wong Ka Yan",
            "organisation_name": "Harbour Law",
            "kind": "provider",
            "email": person.email,
            "language": "en",
            "provider_name": "Harbour Law",
        },
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "Several service providers match" in body
    assert "Harbour Law Partners" in body
    assert "Harbour Law Associates" in body
    assert 'value="Harbour Law"' in body  # what was typed stays
    person.refresh_from_db()
    assert person.provider is None
