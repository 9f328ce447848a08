"""Organisers add participants from the directory in bulk, without a hand-written CSV."""

import pytest
from django.urls import reverse

from goglobal.enterprises.tests.factories import ContactFactory
from goglobal.events.models import Participant
from goglobal.events.tests.factories import EventFactory, ParticipantFactory
from goglobal.providers.tests.factories import ServiceProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    chen = ContactFactory(full_name="陈静", email="chen@lanhai.cn", languages=["zh"])
    chen.enterprise.name_zh = "宁波澜海动力电池有限公司"
    chen.enterprise.save(update_fields=["name_zh"])
    no_email = ContactFactory(full_name="李强", email="")
    law = ServiceProviderFactory(
        name_en="Harbourview Legal LLP", email="events@harbourview.hk", languages=["en", "yue"]
    )
    return chen, no_email, law


def test_search_then_add_the_ticked_ones_linked_to_their_records(client, make_user, directory):
    chen, _no_email, law = directory
    event = EventFactory()
    ParticipantFactory(event=event, email="chen@lanhai.cn")  # already registered
    client.force_login(make_user("organiser"))
    url = reverse("events:participants_directory", args=[event.pk])

    found = client.get(url, {"q": "澜海"})
    assert [c.pk for c in found.context["contacts"]] == [chen.pk]
    assert found.context["contacts"][0].registered is True
    assert "李强" not in found.content.decode()  # no email: cannot get an agenda

    other = ContactFactory(full_name="王芳", email="wang@example.cn", languages=["zh"])
    response = client.post(
        url, {"contact": [str(chen.pk), str(other.pk), "x"], "provider": [str(law.pk)]}
    )

    assert response.status_code == 302
    added = Participant.objects.filter(event=event).exclude(email="chen@lanhai.cn")
    by_email = {p.email: p for p in added}
    assert set(by_email) == {"wang@example.cn", "events@harbourview.hk"}
    wang, firm = by_email["wang@example.cn"], by_email["events@harbourview.hk"]
    assert (wang.kind, wang.enterprise) == ("enterprise", other.enterprise)
    assert wang.language == "zh-hans"
    assert (firm.kind, firm.provider, firm.language) == ("provider", law, "en")
    assert Participant.objects.filter(event=event, email="chen@lanhai.cn").count() == 1


def test_nothing_ticked_is_a_message_not_an_error(client, make_user, directory):
    event = EventFactory()
    client.force_login(make_user("organiser"))

    response = client.post(
        reverse("events:participants_directory", args=[event.pk]),
        {},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "Tick at least one" in response.content.decode()
    assert not Participant.objects.filter(event=event).exists()


@pytest.mark.parametrize("role", ["analyst", "enterprise_member", "provider_member"])
def test_only_organisers_add_from_the_directory(client, make_user, role, directory):
    chen, _no_email, _law = directory
    event = EventFactory()
    client.force_login(make_user(role))
    url = reverse("events:participants_directory", args=[event.pk])

    assert client.get(url).status_code in (403, 404)
    assert client.post(url, {"contact": [chen.pk]}).status_code in (403, 404)
    assert not Participant.objects.filter(event=event).exists()
