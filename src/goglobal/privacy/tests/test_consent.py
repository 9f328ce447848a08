"""A contact withdraws consent (its own link, the enterprise's portal, an officer recording it):
at once it is left out of what providers read, of peer lists and of exports."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.accounts.tests.factories import UserFactory
from goglobal.cases.selectors import provider_referral_view
from goglobal.core.models import AuditEvent
from goglobal.enterprises.models import Contact, Enterprise
from goglobal.imports.selectors import export_rows
from goglobal.privacy import consent
from goglobal.privacy.export import contact_record
from goglobal.privacy.tests.conftest import EMAIL, NAME

pytestmark = pytest.mark.django_db


def _exported_contacts() -> list[str]:
    header, rows = export_rows(kind="enterprises")
    column = header.index("contact_name")
    return [row[column] for row in rows]


def _shared_with_provider(referral) -> list[str]:
    return [c.full_name for c in provider_referral_view(referral).contacts]


def test_withdrawal_by_an_officer_takes_effect_at_once_everywhere(client, officer, subject):
    referral, enterprise = subject["referral"], subject["enterprise"]
    assert NAME in _shared_with_provider(referral)
    assert NAME in _exported_contacts()
    assert enterprise.shown_as_peer

    client.force_login(officer)
    url = reverse("privacy:contact_withdraw", args=[subject["contact"].pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"stop_peer": "on"})

    assert response.status_code == 302
    assert NAME not in _shared_with_provider(referral)
    assert "周静" in _shared_with_provider(referral)  # the other contact still consents
    assert NAME not in _exported_contacts()
    assert not Enterprise.objects.get(pk=enterprise.pk).shown_as_peer
    contact = Contact.objects.get(pk=subject["contact"].pk)
    assert contact.consent_withdrawn
    entry = AuditEvent.objects.filter(changes__channel="officer").get()
    assert entry.changes[f"contact:{contact.pk}"] == {"has_consent": [True, False]}
    history = next(s for s in contact_record(contact).sections if s.key == "consent_history")
    assert [[i.value for i in row if i.name in ("consent", "channel")] for row in history.rows] == [
        [True, "form"],
        [False, "officer"],
    ]


def test_peer_lists_shown_to_enterprises_drop_the_enterprise(officer, subject):
    from goglobal.matching.connector import peers_for

    enterprise = subject["enterprise"]
    consent.consent_withdraw(contact=subject["contact"], actor=officer, channel="officer")
    assert not Enterprise.objects.get(pk=enterprise.pk).shown_as_peer
    candidates = Enterprise.objects.filter(shown_as_peer=True)
    assert enterprise not in candidates
    assert callable(peers_for)


def test_the_contact_withdraws_itself_through_the_emailed_link(client, officer, subject):
    client.force_login(officer)
    contact = subject["contact"]
    sent = client.post(reverse("privacy:withdrawal_link_send", args=[contact.pk]))
    assert sent.status_code == 302
    [message] = mail.outbox
    assert message.to == [EMAIL]
    path = re.search(r"https?://[^/]+(/privacy/withdraw/[^/\s]+/)", message.body).group(1)
    client.logout()

    page = client.get(path)
    assert page.status_code == 200
    done = client.post(path, {"stop_peer": ""})
    assert done.status_code == 200
    assert 'data-testid="withdraw-done"' in done.content.decode()
    contact.refresh_from_db()
    assert contact.consent_withdrawn
    assert Enterprise.objects.get(pk=subject["enterprise"].pk).shown_as_peer  # not asked
    assert AuditEvent.objects.filter(changes__channel="link").exists()


def test_a_forged_or_outdated_link_withdraws_nothing(client, subject):
    contact = subject["contact"]
    token = consent.withdrawal_token(contact)
    assert client.get(reverse("privacy:withdraw_link", args=["forged"])).status_code == 404
    Contact.objects.filter(pk=contact.pk).update(email="new.address@example.cn")
    response = client.post(reverse("privacy:withdraw_link", args=[token]), {})
    assert response.status_code == 404
    assert Contact.objects.get(pk=contact.pk).has_consent


def test_a_link_expires(client, subject, settings, monkeypatch):
    import time

    from django.core import signing

    settings.GOGLOBAL_CONSENT_LINK_DAYS = 90
    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now - 91 * 86400)
    old = consent.withdrawal_token(subject["contact"])
    monkeypatch.setattr(signing.time, "time", lambda: now - 89 * 86400)
    recent = consent.withdrawal_token(subject["contact"])
    monkeypatch.undo()
    assert client.get(reverse("privacy:withdraw_link", args=[old])).status_code == 404
    assert client.get(reverse("privacy:withdraw_link", args=[recent])).status_code == 200


def test_a_member_withdraws_for_its_own_contacts_only(client, subject):
    client.force_login(subject["member"])
    own = reverse("privacy:contact_withdraw", args=[subject["contact"].pk])
    assert client.post(own, {}).status_code == 302
    assert Contact.objects.get(pk=subject["contact"].pk).consent_withdrawn
    assert AuditEvent.objects.filter(changes__channel="portal").exists()
    from goglobal.enterprises.tests.factories import ContactFactory

    elsewhere = ContactFactory()
    url = reverse("privacy:contact_withdraw", args=[elsewhere.pk])
    assert client.post(url, {}).status_code == 404
    assert Contact.objects.get(pk=elsewhere.pk).has_consent


@pytest.mark.parametrize("role", ["analyst", "organiser", "provider_member"])
def test_other_roles_cannot_withdraw_or_send_links(client, role, subject):
    client.force_login(UserFactory(role=role))
    contact = subject["contact"]
    assert (
        client.post(reverse("privacy:contact_withdraw", args=[contact.pk]), {}).status_code == 404
    )
    link = reverse("privacy:withdrawal_link_send", args=[contact.pk])
    assert client.post(link).status_code == 404
    assert Contact.objects.get(pk=contact.pk).has_consent
    assert not mail.outbox
    assert role != Role.ADMIN


def test_the_enterprise_page_shows_a_withdrawal_with_its_date(client, officer, subject):
    contact = subject["contact"]
    consent.consent_withdraw(contact=contact, actor=officer, channel="officer")
    client.force_login(subject["member"])
    url = reverse("enterprises:detail", args=[subject["enterprise"].pk])
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "已撤回" in body
    assert reverse("privacy:contact_withdraw", args=[contact.pk]) not in body
    assert reverse("privacy:contact_withdraw", args=[subject["other"].pk]) in body
    assert reverse("privacy:contact_erase", args=[contact.pk]) not in body  # staff only
