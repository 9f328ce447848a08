"""Staff withdraw the signed links they sent: every earlier link of the participant (agenda) or
roadmap version (shared roadmap) answers 410 with a page saying it was withdrawn, in the
reader's language; the next link made works; a user without the role cannot withdraw; each
withdrawal is in the audit trail."""

import pytest
from django.test import Client
from django.urls import reverse

from goglobal.core.models import AuditEvent
from goglobal.enterprises.tests.factories import EnterpriseFactory, EnterpriseMemberFactory
from goglobal.events import selectors as event_selectors
from goglobal.events.tests.factories import EventFactory, ParticipantFactory
from goglobal.roadmaps import selectors as roadmap_selectors
from goglobal.roadmaps import services as roadmap_services

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def participant():
    return ParticipantFactory(event=EventFactory(), full_name="陈静")


def _agenda(token: str) -> str:
    return reverse("events:agenda", args=[token])


def _revoke_agenda(participant) -> str:
    return reverse("events:participant_links_revoke", args=[participant.event_id, participant.pk])


def test_an_organiser_withdraws_agenda_links_and_a_new_one_works(make_user, participant):
    organiser = _client(make_user("organiser"))
    anonymous = Client()
    page = organiser.get(reverse("events:participants", args=[participant.event_id]))
    assert _revoke_agenda(participant) in page.content.decode()
    old = event_selectors.agenda_token(participant)
    assert anonymous.get(_agenda(old)).status_code == 200

    response = organiser.post(_revoke_agenda(participant))

    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.link_generation == 1
    for language, words in [
        ("en", "This link has been withdrawn"),
        ("zh-hans", "此链接已被撤回"),
        ("zh-hant", "此連結已被撤回"),
    ]:
        withdrawn = anonymous.get(_agenda(old), HTTP_ACCEPT_LANGUAGE=language)
        assert withdrawn.status_code == 410
        body = withdrawn.content.decode()
        assert 'data-testid="link-revoked"' in body
        assert words in body
        assert "陈静" not in body
    assert anonymous.get(reverse("events:agenda_pdf", args=[old])).status_code == 410
    new = event_selectors.agenda_token(participant)
    assert new != old
    assert anonymous.get(_agenda(new)).status_code == 200
    audit = AuditEvent.objects.get(target_type="events.participant", target_id=str(participant.pk))
    assert audit.changes == {"link_generation": [0, 1]}


def test_a_second_withdrawal_stops_the_link_sent_after_the_first(make_user, participant):
    organiser = _client(make_user("organiser"))
    organiser.post(_revoke_agenda(participant))
    participant.refresh_from_db()
    second = event_selectors.agenda_token(participant)
    organiser.post(_revoke_agenda(participant))
    participant.refresh_from_db()

    assert Client().get(_agenda(second)).status_code == 410
    assert Client().get(_agenda(event_selectors.agenda_token(participant))).status_code == 200


@pytest.mark.parametrize("role", ["officer", "analyst", "enterprise_member"])
def test_a_user_who_does_not_organise_events_cannot_withdraw_agenda_links(
    make_user, participant, role
):
    old = event_selectors.agenda_token(participant)

    response = _client(make_user(role)).post(_revoke_agenda(participant))

    assert response.status_code in (403, 404)
    participant.refresh_from_db()
    assert participant.link_generation == 0
    assert Client().get(_agenda(old)).status_code == 200
    assert Client().post(_revoke_agenda(participant)).status_code == 302


def test_a_participant_of_another_event_is_not_found(make_user, participant):
    other = EventFactory()
    url = reverse("events:participant_links_revoke", args=[other.pk, participant.pk])

    assert _client(make_user("organiser")).post(url).status_code == 404


def test_withdrawing_needs_a_post(make_user, participant):
    assert _client(make_user("organiser")).get(_revoke_agenda(participant)).status_code == 405


def test_a_damaged_link_with_a_generation_is_not_found(participant):
    participant.link_generation = 2
    participant.save(update_fields=["link_generation"])
    token = event_selectors.agenda_token(participant)

    assert Client().get(_agenda(token[:-2] + "xy")).status_code == 404


@pytest.fixture
def roadmap(officer):
    return roadmap_services.roadmap_generate(actor=officer, enterprise=EnterpriseFactory())


def _shared(token: str) -> str:
    return reverse("roadmaps:shared", args=[token])


def _revoke_roadmap(roadmap) -> str:
    return reverse("roadmaps:share_revoke", args=[roadmap.enterprise_id, roadmap.number])


def test_an_officer_withdraws_shared_roadmap_links_and_a_new_one_works(officer, roadmap):
    client = _client(officer)
    anonymous = Client()
    share = client.post(reverse("roadmaps:share", args=[roadmap.enterprise_id, roadmap.number]))
    assert _revoke_roadmap(roadmap) in share.content.decode()
    old = share.context["share_url"].rsplit("/shared/", 1)[1].rstrip("/")
    assert anonymous.get(_shared(old)).status_code == 200

    response = client.post(_revoke_roadmap(roadmap))

    assert response.status_code == 302
    withdrawn = anonymous.get(_shared(old), HTTP_ACCEPT_LANGUAGE="zh-hant")
    assert withdrawn.status_code == 410
    assert "此連結已被撤回" in withdrawn.content.decode()
    assert anonymous.get(reverse("roadmaps:shared_pdf", args=[old])).status_code == 410
    roadmap.refresh_from_db()
    new = roadmap_selectors.share_token(roadmap)
    assert anonymous.get(_shared(new)).status_code == 200
    audit = AuditEvent.objects.filter(target_type="roadmaps.roadmap", target_id=str(roadmap.pk))
    assert audit.latest("id").changes == {"link_generation": [0, 1]}


@pytest.mark.parametrize("role", ["analyst", "organiser"])
def test_staff_who_cannot_share_roadmaps_cannot_withdraw_their_links(make_user, roadmap, role):
    old = roadmap_selectors.share_token(roadmap)

    response = _client(make_user(role)).post(_revoke_roadmap(roadmap))

    assert response.status_code in (403, 404)
    assert Client().get(_shared(old)).status_code == 200


def test_a_member_of_another_enterprise_cannot_withdraw_its_links(roadmap):
    stranger = EnterpriseMemberFactory(enterprise=EnterpriseFactory()).user
    old = roadmap_selectors.share_token(roadmap)

    assert _client(stranger).post(_revoke_roadmap(roadmap)).status_code == 404
    assert Client().get(_shared(old)).status_code == 200
