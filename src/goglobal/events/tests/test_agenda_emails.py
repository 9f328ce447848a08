"""Agendas sent to every participant by email from the platform, through a background job."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from goglobal.events import selectors
from goglobal.events.tests.factories import EventFactory, ParticipantFactory
from goglobal.events.tests.test_agendas import published  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_organiser_sends_every_participant_its_agenda_in_its_language(
    client,
    published,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    event, chen, wong, organiser = published
    client.force_login(organiser)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:agendas_email", args=[event.pk]))

    assert response.status_code == 302
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {chen.email, wong.email}
    to_wong = by_address[wong.email]
    assert "黃嘉欣" in to_wong.body
    assert to_wong.subject.startswith("您在")
    assert to_wong.subject.endswith("的會面安排")
    [(name, content, kind)] = to_wong.attachments
    assert name.endswith(".pdf")
    assert (kind, content[:4]) == ("application/pdf", b"%PDF")
    token = re.search(r"https?://\S+/events/agenda/(\S+)/", to_wong.body)[1]
    # The link is signed with a timestamp, so it names Wong rather than equalling a fresh link.
    assert selectors.participant_by_token(token) == wong
    link = reverse("events:agenda", args=[token])
    assert client.get(link).status_code == 200
    last = selectors.agendas_emailed_last(event=event)
    assert (last["sent"], last["failed"], last["actor"]) == (2, 0, organiser)
    page = client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "2 sent" in page


def test_agendas_are_not_sent_before_a_schedule_is_published(
    client, make_user, django_capture_on_commit_callbacks
):
    event = EventFactory()
    ParticipantFactory(event=event)
    client.force_login(make_user("organiser"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:agendas_email", args=[event.pk]), follow=True, HTTP_ACCEPT_LANGUAGE="en"
        )

    assert "Publish a schedule before sending the agendas." in response.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize("role", ["analyst", "enterprise_member", "provider_member"])
def test_only_organisers_send_agendas(
    client,
    make_user,
    role,
    published,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    event, *_rest = published
    client.force_login(make_user(role))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:agendas_email", args=[event.pk]))

    assert response.status_code in (403, 404)
    assert mail.outbox == []


def test_a_one_day_event_reads_as_one_day(client, make_user):
    event = EventFactory()
    event.ends_on = event.starts_on
    event.save(update_fields=["ends_on"])
    client.force_login(make_user("organiser"))

    body = client.get(event.get_absolute_url()).content.decode()

    day = f"{event.starts_on:%Y-%m-%d}"
    assert day in body
    assert f"{day} – {day}" not in body


def test_the_run_page_explains_the_share_of_the_bound_in_words(client, published):  # noqa: F811
    event, _chen, _wong, organiser = published
    run = event.runs.get()
    client.force_login(organiser)

    english = client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    if run.ratio >= 1:
        assert "proven optimal" in english
        assert "已证明为最优" in chinese
    else:
        assert f"reaches {round(run.ratio * 100, 1)} % of the upper bound" in english
        assert "上限的" in chinese


def test_share_of_the_bound_as_a_percentage_and_what_is_left():
    from goglobal.events.models import ScheduleRun
    from goglobal.events.views import _share_of_bound

    assert _share_of_bound(ScheduleRun(ratio=0.9734)) == {
        "percent": 97.3,
        "left": 2.7,
        "optimal": False,
    }
    assert _share_of_bound(ScheduleRun(ratio=1.0))["optimal"] is True
    assert _share_of_bound(ScheduleRun(ratio=None)) is None
