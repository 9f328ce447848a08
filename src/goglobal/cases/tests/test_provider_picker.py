"""The case page offers a short list of providers, yet any live provider can be chosen."""

import uuid

import pytest
from django.urls import reverse

from goglobal.cases import selectors
from goglobal.cases.models import Referral
from goglobal.cases.tests.factories import CaseFactory, ReferralFactory
from goglobal.enterprises.tests.factories import EnterpriseNeedFactory
from goglobal.knowledge.models import NeedCode
from goglobal.matching.models import MatchSuggestion
from goglobal.providers.tests.factories import ServiceProviderFactory

pytestmark = pytest.mark.django_db


def _suggest(case, providers):
    need = NeedCode.objects.get(code="legal.setup")
    batch = uuid.uuid4()
    MatchSuggestion.objects.bulk_create(
        MatchSuggestion(
            batch=batch,
            enterprise=case.enterprise,
            need=need,
            provider=provider,
            rank=rank,
            score=1.0 / rank,
            engine_version="test",
        )
        for rank, provider in enumerate(providers, start=1)
    )


def test_offered_are_the_referred_then_the_suggested(officer):
    case = CaseFactory()
    referred = ReferralFactory(case=case).provider
    first, second = ServiceProviderFactory(), ServiceProviderFactory()
    gone = ServiceProviderFactory(deleted_at="2026-01-01T00:00:00Z")
    _suggest(case, [first, referred, gone, second])
    ServiceProviderFactory()  # neither referred nor suggested

    offered = selectors.providers_offered_for(user=officer, case=case)

    assert offered == [referred, first, second]


def test_a_search_offers_providers_by_name_in_any_script(officer):
    case = CaseFactory()
    wanted = ServiceProviderFactory(name_en="Harbourview Legal LLP", name_zh_hant="港景律師事務所")
    ServiceProviderFactory(name_en="Kowloon Bank")

    assert selectors.providers_offered_for(user=officer, case=case, query="harbour") == [wanted]
    assert selectors.providers_offered_for(user=officer, case=case, query="港景律师") == [wanted]


def test_readers_who_cannot_edit_are_offered_nothing(make_user):
    case = CaseFactory()
    _suggest(case, [ServiceProviderFactory()])

    assert selectors.providers_offered_for(user=make_user("analyst"), case=case) == []


def test_the_page_lists_the_offer_not_every_provider(client, officer):
    case = CaseFactory()
    suggested = ServiceProviderFactory(name_en="Suggested Advisory Ltd")
    _suggest(case, [suggested])
    ServiceProviderFactory(name_en="Unrelated Ltd")
    client.force_login(officer)

    body = client.get(case.get_absolute_url()).content.decode()
    found = client.get(case.get_absolute_url(), {"provider_q": "unrelated"}).content.decode()

    assert "Suggested Advisory Ltd" in body
    assert "Unrelated Ltd" not in body
    assert "Unrelated Ltd" in found
    assert 'id="refer" open' in found


def test_any_live_provider_can_be_referred_and_a_refused_form_keeps_the_choice(client, officer):
    case = CaseFactory()
    EnterpriseNeedFactory(enterprise=case.enterprise)
    elsewhere = ServiceProviderFactory(name_en="Found By Search Ltd")
    gone = ServiceProviderFactory(deleted_at="2026-01-01T00:00:00Z")
    client.force_login(officer)
    url = reverse("cases:referral_add", args=[case.pk])
    need = NeedCode.objects.get(code="legal.setup").pk

    refused = client.post(url, {"need": "", "providers": [elsewhere.pk]})
    response = client.post(url, {"need": need, "providers": [elsewhere.pk], "send": "on"})
    deleted = client.post(url, {"need": need, "providers": [gone.pk]})

    assert refused.status_code == 400
    assert "Found By Search Ltd" in refused.content.decode()
    assert f'value="{elsewhere.pk}" id="id_providers_0" checked' in refused.content.decode()
    assert response.status_code == 302
    assert Referral.objects.get(case=case).provider == elsewhere
    assert deleted.status_code == 400
    assert not Referral.objects.filter(provider=gone).exists()
