"""Pages: who may use them, the upload running its job, errors shown, exports served."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from goglobal.accounts.models import Role
from goglobal.enterprises.models import Enterprise
from goglobal.enterprises.tests.factories import EnterpriseMemberFactory
from goglobal.imports.models import ImportJob
from goglobal.imports.tests.factories import EnterpriseRowFactory, csv_bytes, import_rows, upload
from goglobal.providers.tests.factories import ProviderMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def user_with_role(make_user):
    def make(role):
        if role == Role.ENTERPRISE_MEMBER:
            return EnterpriseMemberFactory().user
        if role == Role.PROVIDER_MEMBER:
            return ProviderMemberFactory(user__role=Role.PROVIDER_MEMBER).user
        return make_user(role)

    return make


def _pages(job):
    return [
        reverse("imports:list"),
        reverse("imports:upload"),
        reverse("imports:detail", args=[job.pk]),
        reverse("imports:export", args=["enterprises", "csv"]),
        reverse("imports:export", args=["providers", "xlsx"]),
    ]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.ADMIN, 200),
        (Role.OFFICER, 200),
        (Role.ORGANISER, 403),
        (Role.ANALYST, 403),
        (Role.ENTERPRISE_MEMBER, 403),
        (Role.PROVIDER_MEMBER, 403),
    ],
)
def test_only_the_task_force_sees_the_pages(client, officer, user_with_role, role, status):
    job = import_rows("enterprises", EnterpriseRowFactory.build_batch(1), actor=officer)
    client.force_login(user_with_role(role))

    statuses = [client.get(url).status_code for url in _pages(job)]

    assert statuses == [status] * len(statuses)


def test_anonymous_visitors_are_sent_to_log_in(client, officer):
    job = import_rows("enterprises", EnterpriseRowFactory.build_batch(1), actor=officer)

    responses = [client.get(url) for url in _pages(job)]

    assert {response.status_code for response in responses} == {302}


@pytest.mark.parametrize(
    "role", [Role.ANALYST, Role.ORGANISER, Role.ENTERPRISE_MEMBER, Role.PROVIDER_MEMBER]
)
def test_a_forbidden_upload_changes_nothing(
    client, user_with_role, django_capture_on_commit_callbacks, role
):
    client.force_login(user_with_role(role))
    enterprises = Enterprise.objects.count()
    content = csv_bytes("enterprises", EnterpriseRowFactory.build_batch(2))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("imports:upload"),
            {"kind": "enterprises", "file": upload(content), "dry_run": ""},
        )

    assert response.status_code == 403
    assert not ImportJob.objects.exists()
    assert Enterprise.objects.count() == enterprises


def test_an_officer_uploads_a_file_and_the_job_runs(
    client, officer, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    content = csv_bytes("enterprises", EnterpriseRowFactory.build_batch(3))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("imports:upload"),
            {"kind": "enterprises", "file": upload(content), "dry_run": ""},
        )

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert (job.status, job.created_count, job.created_by) == ("succeeded", 3, officer)
    assert Enterprise.objects.count() == 3
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' not in page


def test_the_detail_page_lists_every_error(client, officer, django_capture_on_commit_callbacks):
    client.force_login(officer)
    rows = EnterpriseRowFactory.build_batch(3)
    rows[1]["sector"] = "99"
    rows[2]["target_markets"] = "Atlantis"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("imports:upload"),
            {
                "kind": "enterprises",
                "file": upload(csv_bytes("enterprises", rows)),
                "dry_run": "on",
            },
        )
    page = client.get(ImportJob.objects.get().get_absolute_url()).content.decode()

    assert "rejected" in page
    assert "<code>sector</code>" in page
    assert "Unknown market code “Atlantis”" in page
    assert not Enterprise.objects.exists()


def test_a_queued_job_page_refreshes_itself(client, officer):
    from goglobal.imports import services

    job = services.import_job_create(
        actor=officer,
        kind="enterprises",
        upload=upload(csv_bytes("enterprises", EnterpriseRowFactory.build_batch(1))),
        dry_run=True,
        run_in_background=False,
    )
    client.force_login(officer)

    page = client.get(job.get_absolute_url()).content.decode()

    assert '<meta http-equiv="refresh"' in page


def test_a_file_of_another_type_is_refused_by_the_form(client, officer):
    client.force_login(officer)

    response = client.post(
        reverse("imports:upload"),
        {"kind": "enterprises", "file": upload(b"hello", "notes.txt")},
    )

    assert response.status_code == 200
    assert "Upload a .csv or .xlsx file." in response.content.decode()
    assert not ImportJob.objects.exists()


def test_the_csv_export_streams_the_import_format(client, officer):
    rows = EnterpriseRowFactory.build_batch(2)
    import_rows("enterprises", rows, actor=officer)
    client.force_login(officer)

    response = client.get(reverse("imports:export", args=["enterprises", "csv"]))

    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("external_id,name_zh,name_en,social_credit_code")
    assert rows[1]["external_id"] in text


def test_the_xlsx_export_is_a_workbook(client, officer):
    import_rows("enterprises", EnterpriseRowFactory.build_batch(2), actor=officer)
    client.force_login(officer)

    response = client.get(reverse("imports:export", args=["enterprises", "xlsx"]))

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    assert sheet.max_row == 3


def test_an_unknown_export_is_not_found(client, officer):
    client.force_login(officer)

    response = client.get(reverse("imports:export", args=["secrets", "csv"]))

    assert response.status_code == 404


@pytest.mark.parametrize("jobs", [3, 30])
def test_the_job_list_runs_a_fixed_number_of_queries(
    client, officer, jobs, django_assert_max_num_queries
):
    from goglobal.imports import services

    for _ in range(jobs):
        services.import_job_create(
            actor=officer,
            kind="enterprises",
            upload=upload(b"external_id\n"),
            dry_run=True,
            run_in_background=False,
        )
    client.force_login(officer)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("imports:list"))

    assert response.status_code == 200
