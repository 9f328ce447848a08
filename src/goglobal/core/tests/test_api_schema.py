"""The published OpenAPI schema describes what the endpoints answer: one component per schema
class (django-ninja names a component after its class, so two classes of one name would make
the later replace the earlier for every endpoint using either)."""

import importlib
import pkgutil

import pytest
from ninja import Schema

import goglobal

pytestmark = pytest.mark.django_db


def _api_schema_classes():
    for module in pkgutil.walk_packages(goglobal.__path__, "goglobal."):
        if module.name.endswith(".api") and ".tests" not in module.name:
            importlib.import_module(module.name)
    seen, stack = [], list(Schema.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__module__.startswith("goglobal.") and cls.__module__.endswith(".api"):
            seen.append(cls)
    return seen


def test_no_two_api_schema_classes_share_a_name():
    names = {}
    for cls in _api_schema_classes():
        names.setdefault(cls.__name__, set()).add(cls.__module__)

    assert {name: mods for name, mods in names.items() if len(mods) > 1} == {}


def test_each_component_is_the_class_its_endpoints_answer_with(client, officer):
    client.force_login(officer)
    components = client.get("/api/openapi.json").json()["components"]["schemas"]

    for name in ("InvestorOut", "InvestorMatchOut", "MarketOut", "ProviderMarketOut"):
        assert name in components, name
    properties = {name: set(value.get("properties", {})) for name, value in components.items()}
    assert properties["InvestorMatchOut"] != properties["InvestorOut"]
    assert properties["ProviderMarketOut"] != properties["MarketOut"]
    assert properties["EventMeetingOut"] != properties["MeetingOut"]
    assert properties["EligibilityReasonOut"] == {"code", "params", "text"}
    reason = components["ReasonOut"]["properties"]["params"]["additionalProperties"]
    assert reason != {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "number"}]}


def test_the_error_answers_are_declared_where_endpoints_give_them(client, officer):
    client.force_login(officer)
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]

    update = paths["/api/enterprises/{enterprise_id}"]["put"]["responses"]
    listing = paths["/api/enterprises/"]["get"]["responses"]
    detail = paths["/api/enterprises/{enterprise_id}"]["get"]["responses"]

    assert {"401", "403", "404", "409", "422"} <= set(update)  # JSON keys are strings
    assert {"401", "403", "422"} <= set(listing)
    assert "404" not in listing
    assert "409" not in detail
    assert update["409"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    assert "ErrorOut" in schema["components"]["schemas"]


def test_the_served_schema_has_no_key_twice(client, officer):
    import json

    client.force_login(officer)

    def unique(pairs):
        keys = [key for key, _value in pairs]
        assert len(keys) == len(set(keys)), keys
        return dict(pairs)

    json.loads(client.get("/api/openapi.json").content, object_pairs_hook=unique)


def test_the_declared_answers_are_the_ones_given(client, officer, make_user):
    from goglobal.accounts.services import api_token_issue
    from goglobal.enterprises.tests.factories import EnterpriseFactory

    enterprise = EnterpriseFactory()
    _t, raw = api_token_issue(user=officer, name="ro", scopes=["read"])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    answers = {
        "401": client.get("/api/enterprises/"),
        "403": client.put(
            f"/api/enterprises/{enterprise.pk}", {}, content_type="application/json", **auth
        ),
        "404": client.get("/api/enterprises/999999", **auth),
        "422": client.get("/api/enterprises/?page=0", **auth),
    }

    for code, response in answers.items():
        assert str(response.status_code) == code, (code, response.content)
        assert "detail" in response.json()


def test_every_operation_declares_the_400_it_can_give(client, officer):
    """Any request can be one the API cannot read (a NUL in its query string answers 400
    before any view runs), so every operation declares 400 with the error body."""
    client.force_login(officer)
    paths = client.get("/api/openapi.json").json()["paths"]

    undeclared = [
        f"{method.upper()} {path}"
        for path, methods in paths.items()
        for method, operation in methods.items()
        if "400" not in operation["responses"]
    ]

    assert undeclared == []
    answer = client.get("/api/accounts/me?q=a%00b")
    assert answer.status_code == 400
    assert "detail" in answer.json()


def test_times_of_day_are_published_as_local_times(client, officer):
    """A delegation's day starts at "09:00:00" in its own time zone: JSON Schema's ``time``
    format requires an offset, so the schema says ``partial-time`` and gives the pattern."""
    import re

    client.force_login(officer)
    schema = client.get("/api/openapi.json").json()
    day_starts = schema["components"]["schemas"]["DelegationOut"]["properties"]["day_starts_at"]

    assert "time" not in {node.get("format") for node in _nodes(schema) if isinstance(node, dict)}
    assert day_starts["format"] == "partial-time"
    assert re.fullmatch(day_starts["pattern"], "09:00:00")
    assert re.fullmatch(day_starts["pattern"], "23:59")
    assert not re.fullmatch(day_starts["pattern"], "24:00")


def test_indicator_points_are_published_without_tuples(client, officer):
    """Tuples would be published as ``prefixItems``, which schemathesis 4 and other tools
    cannot read; a point is a two-item array of numbers."""
    client.force_login(officer)
    schema = client.get("/api/openapi.json").json()
    point = schema["components"]["schemas"]["SeriesOut"]["properties"]["points"]["items"]

    assert "prefixItems" not in {key for node in _nodes(schema) for key in node}
    assert point["minItems"] == point["maxItems"] == 2


def _nodes(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)
