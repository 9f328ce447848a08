"""Duplicates and merge pages from the outside: who may see them, what they do."""

import pytest
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.accounts.tests.factories import UserFactory
from goglobal.enterprises import identity
from goglobal.enterprises.models import (
    DuplicateCandidate,
    DuplicateStatus,
    Enterprise,
    EnterpriseMerge,
)
from goglobal.enterprises.tests.factories import (
    ContactFactory,
    EnterpriseFactory,
    EnterpriseMemberFactory,
)
from goglobal.knowledge.models import AdministrativeArea

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    province = AdministrativeArea.objects.get(code="330000")
    city = AdministrativeArea.objects.get(code="330100")
    kept = EnterpriseFactory(
        name_zh="浙江瑞晟电子科技有限公司", name_en="", province=province, city=city
    )
    merged = EnterpriseFactory(
        name_zh="瑞晟电子科技（浙江）有限公司",
        name_en="Ruisheng Electronics",
        province=province,
        city=city,
    )
    identity.duplicates_scan()
    return kept, merged


def _client(client, role):
    client.force_login(UserFactory(role=role))
    return client


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ORGANISER, Role.PROVIDER_MEMBER])
def test_other_roles_may_not_see_or_merge(client, pair, role):
    kept, merged = pair
    _client(client, role)
    assert client.get(reverse("enterprises:duplicates")).status_code == 403
    assert client.get(reverse("enterprises:merge", args=[kept.pk, merged.pk])).status_code == 403
    assert client.post(reverse("enterprises:duplicates_scan")).status_code == 403
    row = DuplicateCandidate.objects.get()
    assert client.post(reverse("enterprises:duplicate_dismiss", args=[row.pk])).status_code == 403


def test_an_enterprise_member_may_not_merge_its_own_record(client, pair):
    kept, merged = pair
    member = EnterpriseMemberFactory(enterprise=kept)
    client.force_login(member.user)
    assert client.get(reverse("enterprises:merge", args=[kept.pk, merged.pk])).status_code == 403
    page = client.get(reverse("enterprises:detail", args=[kept.pk]))
    assert page.status_code == 200
    assert "瑞晟电子科技（浙江）" not in page.content.decode()  # others are not revealed


def test_the_officer_reviews_merges_and_undoes(client, pair):
    kept, merged = pair
    ContactFactory(enterprise=merged, full_name="王芳")
    _client(client, Role.OFFICER)
    listing = client.get(reverse("enterprises:duplicates"))
    assert listing.status_code == 200
    assert "瑞晟电子科技（浙江）有限公司" in listing.content.decode()
    detail = client.get(reverse("enterprises:detail", args=[kept.pk])).content.decode()
    assert reverse("enterprises:merge", args=[kept.pk, merged.pk]) in detail
    preview = client.get(reverse("enterprises:merge", args=[kept.pk, merged.pk]))
    assert preview.status_code == 200
    assert "Ruisheng Electronics" in preview.content.decode()
    response = client.post(
        reverse("enterprises:merge", args=[kept.pk, merged.pk]),
        {"kept_version": kept.version, "merged_version": merged.version, "field-name_en": "merged"},
    )
    assert response.status_code == 302
    kept.refresh_from_db()
    assert kept.name_en == "Ruisheng Electronics"
    assert Enterprise.objects.get(pk=merged.pk).deleted_at is not None
    assert kept.contacts.filter(full_name="王芳").exists()
    assert DuplicateCandidate.objects.get().status == DuplicateStatus.MERGED
    found = client.get(reverse("enterprises:list"), {"q": "瑞晟电子科技（浙江）"})
    assert kept.name_zh in found.content.decode()  # the merged name finds the kept record
    merge = EnterpriseMerge.objects.get()
    assert client.post(reverse("enterprises:merge_undo", args=[merge.pk])).status_code == 302
    assert Enterprise.objects.get(pk=merged.pk).deleted_at is None


def test_a_stale_or_bad_merge_form_is_refused_in_place(client, pair):
    kept, merged = pair
    _client(client, Role.OFFICER)
    url = reverse("enterprises:merge", args=[kept.pk, merged.pk])
    stale = client.post(url, {"kept_version": kept.version + 5, "merged_version": merged.version})
    assert stale.status_code == 409
    bad = client.post(url, {"kept_version": "x", "field-name_zh": "neither"})
    assert bad.status_code == 409
    assert Enterprise.objects.get(pk=merged.pk).deleted_at is None
    assert client.get(reverse("enterprises:merge", args=[kept.pk, kept.pk])).status_code == 404
    assert client.get(reverse("enterprises:merge", args=[kept.pk, 999999])).status_code == 404


def test_the_scan_runs_as_a_background_job(client, pair, django_capture_on_commit_callbacks):
    DuplicateCandidate.objects.all().delete()
    _client(client, Role.OFFICER)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("enterprises:duplicates_scan"))
    assert response.status_code == 302
    assert DuplicateCandidate.objects.count() == 1
