"""The navigation band: one current entry on every page, groups for the directory, the knowledge
base and tools, and a group a role sees only one entry of shown as a plain link."""

import re

import pytest
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NAV = re.compile(r'<nav class="site-nav".*?</nav>', re.S)


def _nav(client, user, path):
    client.force_login(user)
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200, path
    return NAV.search(response.content.decode()).group(0)


@pytest.mark.parametrize(
    ("role", "path", "current"),
    [
        (Role.OFFICER, "cases:tasks", "My tasks"),  # under /cases/, not also "Cases"
        (Role.OFFICER, "cases:board", "Cases"),
        (Role.ADMIN, "knowledge:stale", "Facts"),
        (Role.ENTERPRISE_MEMBER, "cases:enterprise_case", "Our case"),
        (Role.PROVIDER_MEMBER, "cases:provider_referrals", "Referrals"),
    ],
)
def test_exactly_one_entry_is_current(client, role, path, current):
    user = UserFactory(role=role)
    if role == Role.ENTERPRISE_MEMBER:
        from goglobal.enterprises.tests.factories import EnterpriseMemberFactory

        user = EnterpriseMemberFactory().user
    if role == Role.PROVIDER_MEMBER:
        from goglobal.providers.tests.factories import ProviderMemberFactory

        user = ProviderMemberFactory().user

    nav = _nav(client, user, reverse(path))

    marked = re.findall(r'aria-current="page">([^<]+)<', nav)
    assert marked == [current]


def test_staff_band_groups_entries_into_menus(client):
    nav = _nav(client, UserFactory(role=Role.ADMIN), reverse("cases:board"))

    groups = re.findall(r"<summary>([^<]+)", nav)
    assert groups[1:] == ["Directory", "Knowledge", "Tools"]  # the first is the narrow "Menu"
    top = re.findall(r'<ul class="site-nav-list">(.*)</ul>\s*</details>\s*</div>', nav, re.S)[0]
    top = re.sub(r"<details>.*?</details>", "", top, flags=re.S)
    plain = re.findall(r"<li><a [^>]*>([^<]+)</a></li>", top)
    assert plain == ["Overview", "Cases", "My tasks", "Impact", "Events", "Delegations"]


def test_a_group_with_one_entry_for_the_role_is_a_plain_link(client):
    from goglobal.enterprises.tests.factories import EnterpriseMemberFactory

    nav = _nav(client, EnterpriseMemberFactory().user, reverse("enterprises:portal"))

    assert re.findall(r"<summary>([^<]+)", nav)[1:] == ["Directory", "Knowledge"]
    assert ">API tokens</a>" in nav
