import io
import zipfile

import pypdf
import pytest
from django.urls import reverse

from goglobal.core.errors import DomainError
from goglobal.events import pdf, selectors, services
from goglobal.events.models import AgendaBundle
from goglobal.events.tests.factories import EventFactory, MeetingRequestFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def _text(data: bytes) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def published(make_user, django_capture_on_commit_callbacks):
    """An event whose schedule is published: 陈静 (Simplified) meets 黃嘉欣 (Traditional)."""
    organiser = make_user("organiser")
    event = EventFactory()
    chen = ParticipantFactory(event=event, full_name="陈静", organisation_name="宁波澜海动力电池")
    wong = ParticipantFactory(
        event=event, full_name="黃嘉欣", organisation_name="港景律師事務所", language="zh-hant"
    )
    MeetingRequestFactory(requester=chen, requested=wong)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.schedule_run_start(actor=organiser, event=event)
    services.schedule_run_publish(actor=organiser, run=run)
    return event, chen, wong, organiser


def test_agenda_pdf_renders_chinese_with_an_embedded_cjk_font(published):
    _event, chen, _wong, _organiser = published

    data = pdf.agenda_pdf(chen)

    assert data.startswith(b"%PDF")
    text = _text(data)
    assert "陈静" in text
    assert "黃嘉欣" in text
    assert "港景律師事務所" in text
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in pypdf.PdfReader(io.BytesIO(data)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("WenQuanYi" in name or "CJK" in name for name in fonts), fonts


def test_signed_link_gives_the_pdf_and_a_forged_one_does_not(client, published):
    _event, chen, _wong, _organiser = published
    token = selectors.agenda_token(chen)

    response = client.get(reverse("events:agenda_pdf", args=[token]))
    forged = client.get(reverse("events:agenda_pdf", args=[token[:-2] + "xx"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert forged.status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [("admin", 200), ("organiser", 200), ("officer", 403), ("analyst", 404)],
)
def test_only_organisers_get_a_participants_pdf(client, make_user, published, role, status):
    event, chen, _wong, _organiser = published
    client.force_login(make_user(role))

    response = client.get(reverse("events:participant_agenda_pdf", args=[event.pk, chen.pk]))

    assert response.status_code == status


def test_bundle_job_zips_every_agenda_and_the_organiser_downloads_it(
    client, published, django_capture_on_commit_callbacks
):
    event, chen, wong, organiser = published
    client.force_login(organiser)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:agendas_start", args=[event.pk]))
    bundle = AgendaBundle.objects.get()
    page = client.get(event.get_absolute_url()).content.decode()
    download = client.get(reverse("events:agendas_download", args=[event.pk, bundle.pk]))

    assert response.status_code == 302
    assert (bundle.status, bundle.total, bundle.done) == ("done", 2, 2)
    assert reverse("events:agendas_download", args=[event.pk, bundle.pk]) in page
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert sorted(archive.namelist()) == [pdf.agenda_filename(chen), pdf.agenda_filename(wong)]
    assert "黃嘉欣" in _text(archive.read(pdf.agenda_filename(wong)))


def test_bundle_needs_a_published_schedule_and_only_one_at_a_time(make_user, published):
    event, _chen, _wong, organiser = published
    AgendaBundle.objects.create(event=event, status="running")

    with pytest.raises(DomainError, match="already"):
        services.agenda_bundle_start(actor=organiser, event=event)
    with pytest.raises(DomainError, match="Publish"):
        services.agenda_bundle_start(actor=organiser, event=EventFactory())


def test_running_bundle_shows_progress_and_officers_cannot_download(client, make_user, published):
    event, _chen, _wong, organiser = published
    bundle = AgendaBundle.objects.create(event=event, status="done", total=2, done=2, file="x.zip")
    AgendaBundle.objects.create(event=event, status="running", total=10, done=4)
    client.force_login(organiser)
    page = client.get(event.get_absolute_url()).content.decode()
    client.force_login(make_user("officer"))

    start = client.post(reverse("events:agendas_start", args=[event.pk]))
    download = client.get(reverse("events:agendas_download", args=[event.pk, bundle.pk]))

    assert 'http-equiv="refresh"' in page
    assert "4 of 10 agendas rendered" in page
    assert start.status_code == 403
    assert download.status_code == 403
