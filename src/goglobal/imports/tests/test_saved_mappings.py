"""Saved mappings: kept by name per kind, offered when a file's headers come back."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from goglobal.core.models import AuditEvent
from goglobal.imports.models import SavedMapping
from goglobal.imports.saved_mappings import (
    saved_mapping_columns,
    saved_mapping_save,
    saved_mappings_for,
)

pytestmark = pytest.mark.django_db

HEADER = ["编号", "企业名称", "城市", "备注"]
COLUMNS = {0: "external_id", 1: "name_zh", 2: "city"}


def save(actor, **changes):
    fields = {
        "actor": actor,
        "kind": "enterprises",
        "name": "Chamber list",
        "header": HEADER,
        "columns": COLUMNS,
        "values": {"city": {"深圳市": "440300"}},
    }
    fields.update(changes)
    return saved_mapping_save(**fields)


def test_a_saved_mapping_is_offered_for_the_same_headers_in_another_order_and_script(officer):
    mapping = save(officer)
    header = ["城市", "企業名稱", "編號", "聯絡人"]

    assert saved_mappings_for("enterprises", header) == [mapping]
    assert saved_mapping_columns(mapping, header) == {0: "city", 1: "name_zh", 2: "external_id"}
    assert mapping.values == {"city": {"深圳市": "440300"}}
    assert AuditEvent.objects.filter(target_id=str(mapping.pk), action="created").exists()


def test_a_file_missing_a_mapped_header_or_of_another_kind_is_not_offered_it(officer):
    save(officer)
    assert saved_mappings_for("enterprises", ["编号", "企业名称"]) == []
    assert saved_mappings_for("providers", HEADER) == []


def test_saving_under_the_same_name_replaces(officer):
    save(officer)
    save(officer, columns={0: "external_id", 1: "name_zh"}, values={})
    mapping = SavedMapping.objects.get()
    assert mapping.columns == {"编号": "external_id", "企业名称": "name_zh"}
    assert mapping.values == {}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "x" * 121}, "name"),
        ({"columns": {}}, "columns"),
        ({"columns": {0: "external_id", 1: "external_id"}}, "columns"),
        ({"columns": {0: "no_such_column"}}, "columns"),
        ({"columns": {9: "city"}}, "columns"),
        ({"values": {"city": {"深圳市": "999999"}}}, "values"),
        ({"values": {"name_zh": {"a": "b"}}}, "values"),
    ],
)
def test_bad_mappings_are_refused_by_field(officer, changes, field):
    with pytest.raises(ValidationError) as caught:
        save(officer, **changes)
    assert field in caught.value.message_dict
    assert not SavedMapping.objects.exists()
