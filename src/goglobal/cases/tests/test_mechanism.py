"""A case referred from a co-operation mechanism names the mechanism; other origins may not."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from goglobal.cases import services
from goglobal.cases.forms import CaseUpdateForm
from goglobal.cases.models import Case
from goglobal.cases.tests.factories import CaseFactory
from goglobal.knowledge.models import Mechanism

pytestmark = pytest.mark.django_db


def _data(case: Case, origin: str, mechanism: Mechanism | None) -> dict[str, object]:
    return {
        "version": case.version,
        "priority": "medium",
        "origin": origin,
        "mechanism": mechanism.pk if mechanism else "",
        "next_action": "",
        "owner": "",
        "tags": "",
    }


def test_form_accepts_a_mechanism_with_the_mechanism_origin() -> None:
    case = CaseFactory()
    mechanism = Mechanism.objects.get(code="hk-shanghai")

    form = CaseUpdateForm(_data(case, "mechanism", mechanism), instance=case)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["mechanism"] == mechanism


def test_form_rejects_a_mechanism_with_another_origin() -> None:
    case = CaseFactory()
    mechanism = Mechanism.objects.get(code="hk-shanghai")

    form = CaseUpdateForm(_data(case, "outreach", mechanism), instance=case)

    assert not form.is_valid()
    assert "mechanism" in form.errors


def test_service_refuses_a_mechanism_with_another_origin(officer) -> None:
    case = CaseFactory(owner=officer)
    mechanism = Mechanism.objects.get(code="hk-shanghai")
    changes = services.CaseChanges(values={"origin": "event", "mechanism": mechanism})

    with pytest.raises(ValidationError) as error:
        services.case_update(case=case, actor=officer, seen_version=case.version, changes=changes)

    assert "mechanism" in error.value.message_dict


def test_case_page_saves_the_mechanism_and_the_mechanisms_page_counts_it(
    client, officer, make_user
) -> None:
    case = CaseFactory(owner=officer)
    mechanism = Mechanism.objects.get(code="hk-shanghai")
    client.force_login(officer)

    response = client.post(
        reverse("cases:update", args=[case.pk]), _data(case, "mechanism", mechanism)
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Case.objects.get(pk=case.pk).mechanism == mechanism
    assert mechanism.cases.count() == 1

    page = client.get(reverse("knowledge:mechanisms"))
    counts = {m.code: m.case_count for m in page.context["mechanisms"]}
    assert counts["hk-shanghai"] == 1
    assert counts["hk-beijing"] == 0
    assert "1 case came through this mechanism." in page.content.decode()

    client.force_login(make_user("enterprise_member"))
    page = client.get(reverse("knowledge:mechanisms"))
    assert page.status_code == 200
    assert "came through this mechanism" not in page.content.decode()
    assert not hasattr(page.context["mechanisms"][0], "case_count")


def test_wrong_origin_on_the_case_page_is_a_field_error(client, officer) -> None:
    case = CaseFactory(owner=officer)
    mechanism = Mechanism.objects.get(code="hk-shanghai")
    client.force_login(officer)

    response = client.post(
        reverse("cases:update", args=[case.pk]), _data(case, "inbound", mechanism)
    )

    assert response.status_code == 409
    assert "mechanism" in response.context["update_form"].errors
    assert Case.objects.get(pk=case.pk).mechanism is None
