"""Before a provider sees a referral, the officer is warned of identifying details in the
description and the note it will read, and can edit them or send anyway."""

import pytest
from django.urls import reverse

from goglobal.cases.models import Referral
from goglobal.cases.tests.factories import CaseFactory
from goglobal.enterprises.tests.factories import ContactFactory, EnterpriseNeedFactory
from goglobal.knowledge.models import NeedCode
from goglobal.matching import services as matching_services
from goglobal.providers.tests.factories import ServiceProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    need = NeedCode.objects.get(code="tax.planning")
    case = CaseFactory(
        enterprise__name_zh="深圳市华为技术有限公司",
        enterprise__name_en="Huawei Technologies Co., Ltd.",
        enterprise__description="華為成立于1987年，员工20万名，计划在东南亚扩张。",
    )
    ContactFactory(enterprise=case.enterprise, full_name="李明")
    EnterpriseNeedFactory(enterprise=case.enterprise, need=need)
    provider = ServiceProviderFactory(name_en="Alpha Tax Advisers", category="accounting_tax")
    provider.needs.add(need)
    return case


def _suggestion(case, officer):
    [suggestion] = matching_services.match_suggest(
        enterprise=case.enterprise, need=case.enterprise.needs.get().need, actor=officer
    )
    return suggestion


def test_the_case_page_warns_of_identifying_details_in_the_description(client, officer, case):
    client.force_login(officer)
    _suggestion(case, officer)
    url = reverse("cases:detail", args=[case.pk])

    body = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()

    assert 'data-testid="disclosure-warning"' in body
    assert "The enterprise&#x27;s name: 華為" in body
    assert "The founding year: 成立于1987" in body
    assert "An exact headcount: 员工20万名" not in body  # 20万 is not digits-only
    assert reverse("enterprises:edit", args=[case.enterprise_id]) in body
    assert "企业名称：華為" in chinese


def test_a_description_without_identifying_details_shows_no_warning(client, officer, case):
    case.enterprise.description = "一家电池制造商，计划在东南亚扩张。"
    case.enterprise.save()
    client.force_login(officer)
    body = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "disclosure-warning" not in body


def test_a_note_naming_the_contact_is_held_with_a_warning_then_sent_anyway(client, officer, case):
    client.force_login(officer)
    suggestion = _suggestion(case, officer)
    url = reverse("cases:refer_suggestion", args=[suggestion.pk])
    note = "请联系李明，电话 138 1234 5678"

    held = client.post(url, {"note": note}, HTTP_ACCEPT_LANGUAGE="en")

    assert held.status_code == 400
    assert not Referral.objects.exists()
    body = held.content.decode()
    assert 'data-testid="note-warning"' in body
    assert "A contact&#x27;s name: 李明" in body
    assert "A telephone number: 138 1234 5678" in body
    assert note in body  # the note is kept for editing
    sent = client.post(url, {"note": note, "disclosure_checked": "1"})
    assert sent.status_code == 302
    assert Referral.objects.get(case=case).status == "sent"


def test_the_referral_form_refuses_an_identifying_note_until_confirmed(client, officer, case):
    client.force_login(officer)
    provider = case.enterprise.needs.get().need.providers.first()
    data = {
        "need": NeedCode.objects.get(code="tax.planning").pk,
        "providers": [provider.pk],
        "note": "Huawei wants to move fast",
        "send": "on",
    }
    url = reverse("cases:referral_add", args=[case.pk])

    refused = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 400
    assert "the note shows the enterprise&#x27;s name (Huawei)" in refused.content.decode()
    assert not Referral.objects.exists()

    assert client.post(url, {**data, "disclosure_checked": "1"}).status_code == 302
    assert Referral.objects.get(case=case).status == "sent"


def test_a_draft_is_saved_without_the_check(client, officer, case):
    client.force_login(officer)
    suggestion = _suggestion(case, officer)
    response = client.post(
        reverse("cases:refer_suggestion", args=[suggestion.pk]),
        {"note": "李明 will call", "draft": "1"},
    )
    assert response.status_code == 302
    assert Referral.objects.get(case=case).status == "proposed"


def test_a_draft_with_an_identifying_note_is_flagged_next_to_send(client, officer, case):
    client.force_login(officer)
    suggestion = _suggestion(case, officer)
    client.post(
        reverse("cases:refer_suggestion", args=[suggestion.pk]),
        {"note": "李明 will call", "draft": "1"},
    )
    body = client.get(
        reverse("cases:detail", args=[case.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert 'data-testid="draft-note-warning"' in body
    assert "A contact&#x27;s name: 李明" in body
    Referral.objects.update(note="Please call next week")
    body = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "draft-note-warning" not in body
