"""Signed links (event agendas, shared roadmaps) expire after their configured days; an expired
link, or an agenda link from before links carried a time, gets a page saying so in the reader's
language (410), a forged one a 404."""

import time

import pytest
from django.core import signing
from django.urls import reverse

from goglobal.core import signed_links
from goglobal.events import selectors
from goglobal.events.tests.factories import EventFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def participant():
    return ParticipantFactory(event=EventFactory(), full_name="陈静")


def test_an_agenda_link_works_until_it_expires(client, participant, settings):
    token = selectors.agenda_token(participant)
    agenda = reverse("events:agenda", args=[token])
    assert client.get(agenda).status_code == 200

    settings.GOGLOBAL_AGENDA_LINK_DAYS = 0
    time.sleep(1.1)
    expired = client.get(agenda, HTTP_ACCEPT_LANGUAGE="zh-hans")

    assert expired.status_code == 410
    body = expired.content.decode()
    assert 'data-testid="link-expired"' in body
    assert "此链接已过期" in body
    assert "陈静" not in body


def test_an_agenda_link_from_before_links_carried_a_time_is_expired(client, participant):
    old = signing.Signer(salt="goglobal.events.agenda").sign(str(participant.pk))

    response = client.get(reverse("events:agenda", args=[old]), HTTP_ACCEPT_LANGUAGE="zh-hant")

    assert response.status_code == 410
    assert "此連結已過期" in response.content.decode()


def test_a_forged_or_foreign_link_is_not_found(client, participant):
    roadmap_link = signed_links.make("goglobal.roadmaps.share", str(participant.pk))
    forged = selectors.agenda_token(participant)[:-3] + "abc"

    assert client.get(reverse("events:agenda", args=[forged])).status_code == 404
    assert client.get(reverse("events:agenda", args=[roadmap_link])).status_code == 404
