"""Text on the way in: control characters refused in forms, the API and imports; invisible
characters taken out of names and search keys; a NUL in a query string is a 400. Run on SQLite
and PostgreSQL (a NUL reaching PostgreSQL is a database error, so these would be 500s there)."""

import pytest
from django.urls import reverse

from goglobal.accounts.services import api_token_issue
from goglobal.core.text_input import find_control_character, is_name_key
from goglobal.engines.text.normalise import normalise, search_key
from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.tests.factories import EnterpriseFactory, social_credit_code
from goglobal.imports.tests.factories import EnterpriseRowFactory, import_rows

pytestmark = pytest.mark.django_db

ZERO_WIDTH = "\u200b"
RIGHT_TO_LEFT_OVERRIDE = "\u202e"
REFUSED = "invisible control character"


def _bearer(user):
    _token, raw = api_token_issue(user=user, name="test", scopes=["read", "write"])
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _edit_data(enterprise, **overrides):
    data = {
        "version": enterprise.version,
        "name_zh": enterprise.name_zh,
        "name_en": enterprise.name_en,
        "social_credit_code": enterprise.social_credit_code,
        "province": enterprise.province_id,
        "city": enterprise.city_id,
        "sector": enterprise.sector_id,
        "employee_band": enterprise.employee_band,
        "revenue_band": enterprise.revenue_band,
        "ownership": enterprise.ownership,
        "listing_status": enterprise.listing_status,
        "description": enterprise.description,
    }
    data.update(overrides)
    return data


def _api_payload(**overrides):
    data = {
        "name_zh": "苏州云帆半导体有限公司",
        "name_en": "Suzhou Yunfan Semiconductor",
        "social_credit_code": social_credit_code(4242, "320500"),
        "province": "320000",
        "city": "320500",
        "sector": "39",
        "employee_band": "300_999",
        "revenue_band": "200m_1b",
        "ownership": "private",
        "target_markets": ["SG"],
    }
    data.update(overrides)
    return data


def test_what_counts_as_a_control_character():
    assert find_control_character("a\x00b", multiline=True) == "\x00"
    assert find_control_character("a\x1bb", multiline=True) == "\x1b"
    assert find_control_character("a\x85b", multiline=True) == "\x85"
    assert find_control_character("\ud800", multiline=True) == "\ud800"
    assert find_control_character("line one\r\n\tline two", multiline=True) is None
    assert find_control_character("one\ntwo", multiline=False) == "\n"
    assert find_control_character("广州 Ltd. 😀", multiline=False) is None
    assert all(is_name_key(key) for key in ("name_en", "full_name", "name", "legal_name_zh"))
    assert not any(is_name_key(key) for key in ("description", "username_hint_text"))


def test_search_keys_and_comparisons_ignore_invisible_characters():
    assert normalise(f"Acme{ZERO_WIDTH} Ltd{RIGHT_TO_LEFT_OVERRIDE}.") == "acme ltd."
    assert search_key([f"广州{ZERO_WIDTH}物流"]) == search_key(["广州物流"])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name_en", "Acme\x00 Ltd."),
        ("name_en", "Acme\x07 Ltd."),
        ("name_en", "Acme\n Ltd."),
        ("description", "We make\x00 batteries."),
    ],
)
def test_a_form_refuses_a_control_character_on_its_field_and_keeps_the_input(
    client, officer, field, value
):
    enterprise = EnterpriseFactory(name_en="Before Ltd.", description="Before.")
    client.force_login(officer)

    response = client.post(
        reverse("enterprises:edit", args=[enterprise.pk]),
        _edit_data(enterprise, **{field: value}),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert response.context["form"].errors[field]
    stored = Enterprise.objects.get(pk=enterprise.pk)
    assert (stored.name_en, stored.description) == ("Before Ltd.", "Before.")


def test_a_text_area_keeps_its_lines_and_tabs(client, officer):
    enterprise = EnterpriseFactory()
    client.force_login(officer)

    response = client.post(
        reverse("enterprises:edit", args=[enterprise.pk]),
        _edit_data(enterprise, description="Line one.\r\n\tLine two."),
    )

    assert response.status_code == 302
    assert Enterprise.objects.get(pk=enterprise.pk).description == "Line one.\r\n\tLine two."


def test_a_form_takes_invisible_characters_out_of_a_name_and_search_finds_it(client, officer):
    enterprise = EnterpriseFactory(name_en="Before Ltd.")
    client.force_login(officer)
    hidden = f"Zen{ZERO_WIDTH}ith {RIGHT_TO_LEFT_OVERRIDE}Batteries Ltd."

    response = client.post(
        reverse("enterprises:edit", args=[enterprise.pk]), _edit_data(enterprise, name_en=hidden)
    )

    assert response.status_code == 302
    assert Enterprise.objects.get(pk=enterprise.pk).name_en == "Zenith Batteries Ltd."
    listing = client.get(reverse("enterprises:list"), {"q": "Zenith Batteries"})
    assert "Zenith Batteries Ltd." in listing.content.decode()


def test_a_password_keeps_every_character_it_is_given():
    from django import forms

    field = forms.CharField(strip=False, widget=forms.PasswordInput)
    assert field.clean(f"pass{ZERO_WIDTH}word") == f"pass{ZERO_WIDTH}word"


@pytest.mark.parametrize(
    ("overrides", "location"),
    [
        ({"name_en": "Acme\x00 Ltd."}, ["body", "name_en"]),
        ({"description": "Bad\x1b[31m red"}, ["body", "description"]),
        ({"target_markets": ["SG", "V\x00N"]}, ["body", "target_markets", 1]),
    ],
)
def test_the_api_refuses_a_control_character_naming_the_field(client, officer, overrides, location):
    response = client.post(
        "/api/enterprises/",
        _api_payload(**overrides),
        content_type="application/json",
        **_bearer(officer),
    )

    assert response.status_code == 422, response.content
    assert [error["loc"] for error in response.json()["detail"]] == [location]
    assert not Enterprise.objects.exists()


def test_the_api_takes_invisible_characters_out_of_names(client, officer):
    response = client.post(
        "/api/enterprises/",
        _api_payload(name_en=f"Suzhou{ZERO_WIDTH} Yunfan{RIGHT_TO_LEFT_OVERRIDE}"),
        content_type="application/json",
        **_bearer(officer),
    )

    assert response.status_code == 201, response.content
    assert Enterprise.objects.get().name_en == "Suzhou Yunfan"


def test_an_import_row_with_a_control_character_is_an_error_on_its_column(officer):
    rows = EnterpriseRowFactory.build_batch(3)
    rows[1]["name_en"] = "Acme\x00 Ltd."
    rows[2]["description"] = "Escape\x1b here"

    job = import_rows("enterprises", rows, actor=officer)

    assert job.status == "rejected"
    located = {(error["row"], error["column"]) for error in job.errors}
    assert {(3, "name_en"), (4, "description")} <= located
    assert any(REFUSED in error["message"] for error in job.errors)
    assert not Enterprise.objects.exists()


def test_an_import_takes_invisible_characters_out_of_names(officer):
    rows = EnterpriseRowFactory.build_batch(1)
    rows[0]["name_en"] = f"Hidden{ZERO_WIDTH} Name{RIGHT_TO_LEFT_OVERRIDE} Ltd."

    job = import_rows("enterprises", rows, actor=officer)

    assert job.status == "succeeded", job.errors
    assert Enterprise.objects.get().name_en == "Hidden Name Ltd."


@pytest.mark.parametrize(
    "path",
    [
        "/enterprises/?q=%00",
        "/enterprises/?q=acme%00ltd&need=legal.setup",
        "/directory/?q=%00",
        "/cases/?q=%00",
    ],
)
def test_a_nul_in_a_page_query_is_a_400_page_in_the_readers_language(client, officer, path):
    client.force_login(officer)

    response = client.get(path, HTTP_ACCEPT_LANGUAGE="zh-hans")

    assert response.status_code == 400
    body = response.content.decode()
    assert "<html" in body
    assert "控制字符" in body


@pytest.mark.parametrize(
    "path",
    ["/api/enterprises/?q=%00", "/api/directory/providers?q=a%00b", "/api/cases/?stage=%00"],
)
def test_a_nul_in_an_api_query_is_a_json_400(client, officer, path):
    response = client.get(path, **_bearer(officer))

    assert response.status_code == 400
    assert response.json()["code"] == "control_character"
