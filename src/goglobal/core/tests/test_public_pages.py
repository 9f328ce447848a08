"""The public chrome: who runs the platform, contact, privacy policy, personal-data collection
statement and accessibility statement, in three languages and linked from every page's footer;
nothing on the landing page sends an anonymous visitor into a sign-in wall."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = ["core:about", "core:contact", "core:privacy", "core:collection", "core:accessibility"]
TITLES = {
    "en": "Privacy policy",
    "zh-hans": "隐私政策",
    "zh-hant": "私隱政策",
}


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
@pytest.mark.parametrize("name", PAGES)
def test_every_public_page_is_open_and_translated(client, name, language):
    response = client.get(reverse(name), HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="public-page"' in body
    assert TITLES[language] in body  # in the page's own list of public pages
    if language != "en":
        main = body.split('data-testid="public-page"', 1)[1].split("</main>", 1)[0]
        assert "The " not in main  # no English sentence left on a Chinese page


def test_the_footer_links_every_public_page(client):
    body = client.get(reverse("core:landing"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    footer = body.split('<footer class="site-footer">', 1)[1]
    for name in PAGES:
        assert f'href="{reverse(name)}"' in footer


@override_settings(
    GOGLOBAL_OWNER_NAME="Task Force on Supporting Mainland Enterprises in Going Global",
    GOGLOBAL_CONTACT_EMAIL="goglobal@example.gov.hk",
    GOGLOBAL_CONTACT_PHONE="+852 0000 0000",
)
def test_contact_names_the_owner_and_its_configured_channels(client):
    body = client.get(reverse("core:contact"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "run by Task Force on Supporting Mainland Enterprises in Going Global." in body
    assert 'href="mailto:goglobal@example.gov.hk"' in body
    assert "+852 0000 0000" in body


def test_without_configured_channels_the_contact_page_shows_no_empty_rows(client):
    body = client.get(reverse("core:contact"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "run by GoGlobal Task Force." in body
    assert "mailto:" not in body
    assert '<dl class="dl-grid">' not in body


def test_no_link_on_the_landing_page_leads_an_anonymous_visitor_to_sign_in(client):
    body = client.get(reverse("core:landing"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    login = reverse("accounts:login")
    hrefs = {h for h in re.findall(r'href="(/[^"#]*)"', body) if not h.startswith("/static/")}

    walled = []
    for href in sorted(hrefs - {login}):
        response = client.get(href)
        to_login = response.status_code in (301, 302) and login in response.get("Location", "")
        if to_login or response.status_code in (401, 403):
            walled.append(href)
    assert not walled
    assert reverse("providers:directory") not in hrefs
