"""Case → referral in one screen: the matcher's suggestions per need on the case page, with
reasons in words, and "Refer" sending at once (a draft only when the officer asks)."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from goglobal.cases.models import Referral
from goglobal.cases.tests.factories import CaseFactory
from goglobal.enterprises.tests.factories import EnterpriseNeedFactory
from goglobal.knowledge.models import NeedCode
from goglobal.matching import services as matching_services
from goglobal.matching.models import MatchSuggestion
from goglobal.providers.tests.factories import ServiceProviderFactory

pytestmark = pytest.mark.django_db

ROLES = ["admin", "officer", "analyst", "organiser", "enterprise_member", "provider_member"]


@pytest.fixture
def case():
    need = NeedCode.objects.get(code="tax.planning")
    case = CaseFactory()
    EnterpriseNeedFactory(enterprise=case.enterprise, need=need)
    provider = ServiceProviderFactory(
        name_en="Alpha Tax Advisers", name_zh_hans="阿尔法税务顾问", category="accounting_tax"
    )
    provider.needs.add(need)
    return case


def test_case_page_asks_the_matcher_and_shows_suggestions_with_reasons(client, officer, case):
    client.force_login(officer)
    url = reverse("cases:detail", args=[case.pk])

    before = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Find providers for the needs without suggestions" in before
    asked = client.post(reverse("cases:suggest", args=[case.pk]))
    assert asked.status_code == 302
    assert asked.url.endswith("#suggestions")
    stored = MatchSuggestion.objects.get(enterprise=case.enterprise)

    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    body = english.content.decode()
    assert "Alpha Tax Advisers" in body
    assert "阿尔法税务顾问" in chinese
    assert reverse("cases:refer_suggestion", args=[stored.pk]) in body
    [(_row, rows)] = english.context["suggested"]
    assert [s.pk for s in rows] == [stored.pk]
    assert rows[0].reason_texts, "each suggestion carries its reasons"
    for text in rows[0].reason_texts:
        assert escape(text) in body
        assert "." not in text.split(" ")[0], "a reason is a sentence, not a code"


def test_refer_from_the_case_page_sends_in_one_step_with_the_note(client, officer, case):
    client.force_login(officer)
    [suggestion] = matching_services.match_suggest(
        enterprise=case.enterprise, need=case.enterprise.needs.get().need, actor=officer
    )

    response = client.post(
        reverse("cases:refer_suggestion", args=[suggestion.pk]),
        {"note": "财务总监下周在港，请尽快联系"},
    )

    referral = Referral.objects.get(case=case)
    assert response.status_code == 302
    assert (referral.status, referral.note) == ("sent", "财务总监下周在港，请尽快联系")
    assert referral.sent_at is not None
    page = client.get(reverse("cases:detail", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="en")
    [(_row, rows)] = page.context["suggested"]
    assert rows[0].referral == referral  # shown as referred, no second button
    assert reverse("cases:refer_suggestion", args=[suggestion.pk]) not in page.content.decode()


def test_a_too_long_note_is_refused_with_a_message_and_nothing_is_sent(client, officer, case):
    client.force_login(officer)
    [suggestion] = matching_services.match_suggest(
        enterprise=case.enterprise, need=case.enterprise.needs.get().need, actor=officer
    )

    response = client.post(
        reverse("cases:refer_suggestion", args=[suggestion.pk]),
        {"note": "字" * 2001},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "at most 2000 characters" in response.content.decode()
    assert not Referral.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_only_editors_see_suggestions_and_ask_the_matcher(client, make_user, role, case):
    client.force_login(make_user(role))

    page = client.get(reverse("cases:detail", args=[case.pk]))
    asked = client.post(reverse("cases:suggest", args=[case.pk]))

    if role in {"admin", "officer"}:
        assert (page.status_code, asked.status_code) == (200, 302)
        assert MatchSuggestion.objects.filter(enterprise=case.enterprise).exists()
    else:
        assert asked.status_code == 404
        assert "suggested" not in (page.context or {})
        assert not MatchSuggestion.objects.exists()


def test_asking_again_makes_a_new_batch_only_when_asked(client, officer, case):
    client.force_login(officer)
    url = reverse("cases:suggest", args=[case.pk])

    client.post(url)
    client.post(url)  # every need has suggestions: nothing new
    assert MatchSuggestion.objects.values("batch").distinct().count() == 1
    client.post(url, {"refresh": "1"})
    assert MatchSuggestion.objects.values("batch").distinct().count() == 2
