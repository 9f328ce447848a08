"""The provider's inbox: where sign-in lands, its counts, the officer's note, names in the
reader's language."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from goglobal.cases.tests.factories import ReferralFactory
from goglobal.knowledge.models import Country
from goglobal.providers.tests.factories import ProviderMemberFactory, ServiceProviderFactory

pytestmark = pytest.mark.django_db


def _member(provider):
    return ProviderMemberFactory(provider=provider).user


def test_sign_in_home_leads_a_provider_member_to_its_referrals(client):
    provider = ServiceProviderFactory()
    client.force_login(_member(provider))

    response = client.get(reverse("accounts:home"))

    assert response.status_code == 302
    assert response["Location"] == reverse("cases:provider_referrals")


@override_settings(GOGLOBAL_REFERRAL_REPLY_DAYS=10)
def test_inbox_counts_new_waiting_and_in_progress(client):
    provider = ServiceProviderFactory()
    ReferralFactory(provider=provider, sent=True)
    old = ReferralFactory(provider=provider, sent=True)
    old.sent_at = timezone.now() - datetime.timedelta(days=12)
    old.save(update_fields=["sent_at"])
    ReferralFactory(provider=provider, accepted=True)
    ReferralFactory(provider=provider)  # still proposed: not the provider's to see
    ReferralFactory(provider=ServiceProviderFactory(), sent=True)  # someone else's
    client.force_login(_member(provider))

    response = client.get(reverse("cases:provider_referrals"))

    assert response.status_code == 200
    counts = response.context["counts"]
    assert (counts["new"], counts["overdue"], counts["in_progress"]) == (2, 1, 1)
    assert len(response.context["page_obj"].object_list) == 3
    overdue = client.get(reverse("cases:provider_referrals"), {"show": "overdue"})
    assert [r.pk for r in overdue.context["page_obj"].object_list] == [old.pk]
    unknown = client.get(reverse("cases:provider_referrals"), {"show": "<script>"})
    assert unknown.status_code == 200
    assert len(unknown.context["page_obj"].object_list) == 3


def test_the_officers_note_reaches_the_provider(client):
    referral = ReferralFactory(sent=True, note="请在两周内联系企业财务总监")
    client.force_login(_member(referral.provider))

    response = client.get(reverse("cases:provider_referral", args=[referral.pk]))

    assert response.status_code == 200
    assert "请在两周内联系企业财务总监" in response.content.decode()


def test_names_follow_the_readers_language(client):
    referral = ReferralFactory(accepted=True)
    enterprise = referral.case.enterprise
    enterprise.name_zh = "深圳市测试科技有限公司"
    enterprise.name_en = "Shenzhen Test Technology Co., Ltd."
    enterprise.save(update_fields=["name_zh", "name_en"])
    markets = list(Country.objects.filter(code__in=["SG", "AE"]).order_by("code"))
    enterprise.target_countries.set(markets)
    client.force_login(_member(referral.provider))
    url = reverse("cases:provider_referral", args=[referral.pk])

    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert "Shenzhen Test Technology Co., Ltd." in english
    assert "深圳市测试科技有限公司" in chinese
    assert "Shenzhen Test Technology" not in chinese
    assert f"{markets[0].name_zh_hans}、{markets[1].name_zh_hans}" in chinese
    assert f"{markets[0].name_en}, {markets[1].name_en}" in english
