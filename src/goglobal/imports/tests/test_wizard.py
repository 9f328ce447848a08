"""The import wizard from outside: who may use it, whose drafts they see, bad files refused on
their field, columns and values mapped with suggestions, cells fixed and rows skipped in the
preview, duplicates linked, and the import all-or-nothing through the usual job."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from goglobal.accounts.models import Role
from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.imports.models import ImportDraft, ImportJob, SavedMapping
from goglobal.imports.tests.factories import social_credit_code, upload

pytestmark = pytest.mark.django_db

HEADER = ["编号", "企业名称", "统一社会信用代码", "省份", "城市", "所属行业", "员工人数",
          "营业收入", "企业性质", "目标市场", "备注"]  # fmt: skip


def _row(n: int, **cells: str) -> list[str]:
    base = {
        "编号": f"wiz-{n}",
        "企业名称": f"深圳市向导{n}号电子有限公司",
        "统一社会信用代码": social_credit_code(93000 + n),
        "省份": "广东省",
        "城市": "深圳",
        "所属行业": "38",
        "员工人数": "300_999",
        "营业收入": "200m_1b",
        "企业性质": "民营",
        "目标市场": "越南、泰国",
        "备注": "展会名单",
    }
    base.update(cells)
    return [base[name] for name in HEADER]


def _csv(rows: list[list[str]], header: list[str] = HEADER) -> bytes:
    handle = io.StringIO()
    csv.writer(handle).writerows([header, *rows])
    return handle.getvalue().encode()


def _start(client, content: bytes, name: str = "名录.csv", kind: str = "enterprises"):
    return client.post(reverse("imports:wizard"), {"kind": kind, "file": upload(content, name)})


def _draft(client, rows: list[list[str]]) -> ImportDraft:
    response = _start(client, _csv(rows))
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportDraft.objects.latest("pk")


def _columns_post(draft: ImportDraft) -> dict[str, str]:
    return {f"column-{p}": c for p, c in draft.columns.items()}


def _through_values(client, draft: ImportDraft, name: str = "") -> None:
    response = client.post(reverse("imports:wizard_columns", args=[draft.pk]), _columns_post(draft))
    assert response.status_code == 302
    page = client.get(reverse("imports:wizard_values", args=[draft.pk]))
    form = page.context["form"]
    data = {key: form[key].value() or "" for key in form.fields}
    data["mapping_name"] = name
    response = client.post(reverse("imports:wizard_values", args=[draft.pk]), data)
    assert response.status_code == 302, response.context["form"].errors


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.OFFICER, 200), (Role.ADMIN, 200), (Role.ANALYST, 403), (Role.ORGANISER, 403)],
)
def test_only_people_who_may_import_open_the_wizard(client, make_user, role, status):
    client.force_login(make_user(role))

    assert client.get(reverse("imports:wizard")).status_code == status
    response = _start(client, _csv([_row(1)]))
    assert response.status_code == (302 if status == 200 else 403)
    assert ImportDraft.objects.count() == (1 if status == 200 else 0)


def test_a_draft_is_its_creators_alone(client, officer, make_user):
    client.force_login(officer)
    draft = _draft(client, [_row(1)])
    other = make_user(Role.OFFICER)
    client.force_login(other)

    for name in ("imports:wizard_columns", "imports:wizard_values", "imports:wizard_preview"):
        url = reverse(name, args=[draft.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, {"action": "import"}).status_code == 404
    assert ImportJob.objects.count() == 0
    client.force_login(make_user(Role.ANALYST))
    assert client.get(reverse("imports:wizard_preview", args=[draft.pk])).status_code == 403


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (b"\xff\xfe\x00bad", "list.csv", "UTF-8"),
        (b"not a workbook", "list.xlsx", "Excel"),
        (b"", "list.csv", "empty"),
        ("编号,企业名称\n".encode(), "list.csv", "no rows"),
        (b"a,b\n1,2\n", "list.txt", ".csv"),
    ],
)
def test_a_bad_file_is_an_error_on_its_field(client, officer, content, name, expected):
    client.force_login(officer)

    response = _start(client, content, name)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert expected in " ".join(errors["file"]), errors
    assert ImportDraft.objects.count() == 0


def test_columns_are_suggested_from_chinese_headers_and_labelled_in_chinese(client, officer):
    client.force_login(officer)
    draft = _draft(client, [_row(1)])

    assert draft.columns["0"] == "external_id"
    assert draft.columns["2"] == "social_credit_code"
    assert "10" not in draft.columns  # 备注 fits no field
    page = client.get(
        reverse("imports:wizard_columns", args=[draft.pk]), HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    html = page.content.decode()
    assert "统一社会信用代码" in html
    assert ">social_credit_code<" not in html


def test_a_field_chosen_twice_or_a_required_field_left_out_is_refused(client, officer):
    client.force_login(officer)
    draft = _draft(client, [_row(1)])
    data = _columns_post(draft)
    data["column-1"] = "external_id"

    response = client.post(reverse("imports:wizard_columns", args=[draft.pk]), data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "column-1" in errors
    assert errors["__all__"]  # name_zh (column 1's field) is now unmapped
    draft.refresh_from_db()
    assert draft.columns["1"] == "name_zh"


def test_values_are_suggested_and_a_mapping_saved_and_offered_again(client, officer):
    client.force_login(officer)
    draft = _draft(client, [_row(1), _row(2, 城市="Shenzhen City")])

    _through_values(client, draft, name="深圳展会名单")

    draft.refresh_from_db()
    assert draft.values["city"] == {"深圳": "440300", "Shenzhen City": "440300"}
    assert draft.values["ownership"] == {"民营": "private"}
    mapping = SavedMapping.objects.get(name="深圳展会名单")
    again = _draft(client, [_row(3)])
    page = client.get(reverse("imports:wizard_columns", args=[again.pk]))
    assert list(page.context["saved"]) == [mapping]
    client.post(reverse("imports:wizard_columns", args=[again.pk]), {"mapping": mapping.pk})
    again.refresh_from_db()
    assert again.values["city"]["深圳"] == "440300"


def test_preview_shows_errors_in_place_fixes_skips_and_imports(
    client, officer, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    rows = [_row(1), _row(2, 统一社会信用代码="91440300BADCODE"), _row(3, 城市="亚特兰蒂斯")]
    draft = _draft(client, rows)
    _through_values(client, draft)
    url = reverse("imports:wizard_preview", args=[draft.pk])

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans")

    preview = page.context["preview"]
    assert preview.check["total"] == 2
    by_number = {row.number: row for row in preview.rows}
    code_cell = next(c for c in by_number[3].cells if c.column == "social_credit_code")
    assert code_cell.errors
    city = next(c for c in by_number[4].cells if c.column == "city")
    assert "亚特兰蒂斯" in city.errors[0]
    html = page.content.decode()
    assert "social_credit_code" not in html.replace('name="fix-', "")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "row": ["2", "3", "4"],
                "page": "1",
                "fix-3-2": social_credit_code(93002),
                "skip-4": "1",
                "action": "import",
            },
        )

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert (job.status, job.created_count) == ("succeeded", 2), job.errors
    assert Enterprise.objects.get(external_id="wiz-2").social_credit_code == social_credit_code(
        93002
    )
    assert not Enterprise.objects.filter(external_id="wiz-3").exists()
    assert Enterprise.objects.get(external_id="wiz-1").city.code == "440300"


def test_import_with_errors_left_is_refused_and_changes_nothing(client, officer):
    client.force_login(officer)
    draft = _draft(client, [_row(1), _row(2, 城市="亚特兰蒂斯")])
    _through_values(client, draft)
    before = Enterprise.objects.count()

    response = client.post(
        reverse("imports:wizard_preview", args=[draft.pk]),
        {"row": ["2", "3"], "page": "1", "action": "import"},
    )

    assert response.status_code == 200
    assert response.context["problem"]
    assert ImportJob.objects.count() == 0
    assert Enterprise.objects.count() == before


def test_a_failed_import_leaves_the_database_as_it_was(
    client, officer, django_capture_on_commit_callbacks
):
    """The preview was clean, then the database changed: the job rejects the file whole."""
    client.force_login(officer)
    draft = _draft(client, [_row(1), _row(2)])
    _through_values(client, draft)
    url = reverse("imports:wizard_preview", args=[draft.pk])
    assert client.get(url).context["preview"].check["total"] == 0
    EnterpriseFactory(social_credit_code=social_credit_code(93002), external_id="elsewhere")
    before = Enterprise.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"row": ["2", "3"], "page": "1", "action": "import"})

    job = ImportJob.objects.get()
    job.refresh_from_db()
    assert job.status == "rejected"
    assert Enterprise.objects.count() == before
    assert not Enterprise.objects.filter(external_id="wiz-1").exists()


def test_a_duplicate_is_named_and_can_be_linked_instead_of_created(
    client, officer, django_capture_on_commit_callbacks
):
    existing = EnterpriseFactory(
        name_zh="深圳市向导1号电子有限公司",
        social_credit_code=social_credit_code(93001),
        external_id=None,
    )
    client.force_login(officer)
    draft = _draft(client, [_row(1)])
    _through_values(client, draft)
    url = reverse("imports:wizard_preview", args=[draft.pk])

    preview = client.get(url).context["preview"]

    [row] = preview.rows
    assert [hit["pk"] for hit in row.hits] == [existing.pk]
    assert row.hits[0]["name"] == existing.name_zh
    assert preview.check["total"] == 1  # the same code: an error until linked

    client.post(url, {"row": ["2"], "page": "1", "link-2": str(existing.pk), "action": "check"})
    preview = client.get(url).context["preview"]
    assert preview.check["total"] == 0
    assert existing.name_zh in preview.rows[0].warnings[0]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url, {"row": ["2"], "page": "1", "link-2": str(existing.pk), "action": "import"}
        )

    job = ImportJob.objects.get()
    job.refresh_from_db()
    assert (job.status, job.created_count, job.updated_count) == ("succeeded", 0, 1), job.errors
    existing.refresh_from_db()
    assert existing.external_id == "wiz-1"


def test_a_link_to_a_record_the_check_did_not_find_is_ignored(client, officer):
    stranger = EnterpriseFactory()
    client.force_login(officer)
    draft = _draft(client, [_row(1)])
    _through_values(client, draft)
    url = reverse("imports:wizard_preview", args=[draft.pk])
    client.get(url)

    client.post(url, {"row": ["2"], "page": "1", "link-2": str(stranger.pk), "action": "check"})

    draft.refresh_from_db()
    assert draft.links == {}


def test_the_preview_pages_twenty_rows_and_filters_problems(client, officer):
    client.force_login(officer)
    rows = [_row(n) for n in range(1, 46)]
    rows[30] = _row(31, 城市="亚特兰蒂斯")
    draft = _draft(client, rows)
    _through_values(client, draft)
    url = reverse("imports:wizard_preview", args=[draft.pk])

    third = client.get(url + "?page=3").context["preview"]
    problems = client.get(url + "?only=problems").context["preview"]

    assert [row.number for row in third.rows] == list(range(42, 47))
    assert third.pages == 3
    assert [row.number for row in problems.rows] == [32]


def test_a_required_field_without_a_column_is_named_on_the_preview(client, officer):
    client.force_login(officer)
    draft = _draft(client, [_row(1)])
    draft.columns = {p: c for p, c in draft.columns.items() if c != "province"}
    draft.save()

    page = client.get(
        reverse("imports:wizard_preview", args=[draft.pk]), HTTP_ACCEPT_LANGUAGE="zh-hans"
    )

    assert page.status_code == 200
    assert any("“省份”" in message for message in page.context["preview"].file_errors)
    assert page.context["preview"].check["total"] >= 1


def test_a_saved_mapping_that_is_not_there_is_a_404_not_an_error(client, officer):
    client.force_login(officer)
    draft = _draft(client, [_row(1)])
    url = reverse("imports:wizard_columns", args=[draft.pk])

    assert client.post(url, {"mapping": "not-a-number"}).status_code == 404
    assert client.post(url, {"mapping": "999999"}).status_code == 404


def test_drafts_untouched_for_a_week_are_deleted_with_the_next_upload(client, officer):
    from datetime import timedelta

    from django.utils import timezone

    client.force_login(officer)
    old = _draft(client, [_row(1)])
    ImportDraft.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=8))
    storage, name = old.file.storage, old.file.name
    assert storage.exists(name)

    fresh = _draft(client, [_row(2)])

    assert list(ImportDraft.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not storage.exists(name)


def test_an_excel_workbook_goes_through_the_wizard_like_a_csv(client, officer):
    from openpyxl import Workbook

    workbook = Workbook()
    for line in [HEADER, _row(1), _row(2, 城市="东莞市")]:
        workbook.active.append(line)
    handle = io.BytesIO()
    workbook.save(handle)
    client.force_login(officer)

    response = _start(client, handle.getvalue(), "名录.xlsx")

    assert response.status_code == 302
    draft = ImportDraft.objects.get()
    assert draft.file_format == "xlsx"
    _through_values(client, draft)
    preview = client.get(reverse("imports:wizard_preview", args=[draft.pk])).context["preview"]
    assert preview.check["total"] == 0, preview.check["errors"]
    assert [row.number for row in preview.rows] == [2, 3]


def test_the_minutely_clean_up_deletes_drafts_untouched_for_a_week(client, officer):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    client.force_login(officer)
    old, fresh = _draft(client, [_row(1)]), _draft(client, [_row(2)])
    ImportDraft.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=8))

    call_command("imports_resume")

    assert list(ImportDraft.objects.values_list("pk", flat=True)) == [fresh.pk]
