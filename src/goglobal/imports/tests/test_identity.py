"""Imports and one enterprise, one record: duplicates as row warnings, link instead of create."""

import pytest

from goglobal.enterprises import identity
from goglobal.enterprises.models import DuplicateCandidate, Enterprise
from goglobal.enterprises.tests.factories import EnterpriseFactory
from goglobal.imports import services
from goglobal.imports.models import ImportStatus
from goglobal.imports.tests.factories import EnterpriseRowFactory, csv_bytes, upload
from goglobal.knowledge.models import AdministrativeArea

pytestmark = pytest.mark.django_db


@pytest.fixture
def ruisheng():
    enterprise = EnterpriseFactory(
        name_zh="深圳市瑞晟电子科技有限公司",
        name_en="",
        external_id=None,
        province=AdministrativeArea.objects.get(code="440000"),
        city=AdministrativeArea.objects.get(code="440300"),
    )
    identity.identity_keys_refresh([enterprise.pk])
    return enterprise


def _run(rows, *, link=False, dry_run=False):
    job = services.import_job_create(
        actor=None,
        kind="enterprises",
        upload=upload(csv_bytes("enterprises", rows)),
        dry_run=dry_run,
        run_in_background=False,
        link_duplicates=link,
    )
    return services.import_run(job=job)


def test_a_new_row_that_names_an_enterprise_on_file_is_a_warning(ruisheng):
    row = EnterpriseRowFactory(name_zh="深圳市瑞晟電子科技股份有限公司", name_en="")
    job = _run([row, EnterpriseRowFactory(name_zh="杭州完全不同化工有限公司")])
    assert job.status == ImportStatus.SUCCEEDED
    assert job.created_count == 2
    assert [(w["row"], w["column"]) for w in job.warnings] == [(2, "name_zh")]
    assert ruisheng.name_zh in job.warnings[0]["message"]
    created = Enterprise.objects.get(external_id=row["external_id"])
    assert DuplicateCandidate.objects.filter(second=created, first=ruisheng).exists()
    # The new record is found by the next check too: keys were written with the import.
    assert identity.duplicates_of(identity.Record.of(["Ruisheng Electronics"]))


def test_a_dry_run_names_the_duplicate_and_writes_nothing(ruisheng):
    job = _run([EnterpriseRowFactory(name_zh="瑞晟电子科技（深圳）有限公司")], dry_run=True)
    assert job.created_count == 1
    assert len(job.warnings) == 1
    assert Enterprise.objects.count() == 1
    assert not DuplicateCandidate.objects.exists()


def test_a_known_code_is_refused_unless_the_import_links(ruisheng):
    row = EnterpriseRowFactory(
        social_credit_code=ruisheng.social_credit_code, name_en="Ruisheng Electronics"
    )
    refused = _run([row])
    assert refused.status == ImportStatus.REJECTED
    assert refused.errors[0]["column"] == "social_credit_code"
    linked = _run([row], link=True)
    assert linked.status == ImportStatus.SUCCEEDED
    assert (linked.created_count, linked.updated_count) == (0, 1)
    assert "updates it" in linked.warnings[0]["message"]
    ruisheng.refresh_from_db()
    assert ruisheng.external_id == row["external_id"]
    assert ruisheng.name_en == "Ruisheng Electronics"
    assert Enterprise.objects.count() == 1


def test_linking_to_an_enterprise_with_another_external_id_updates_that_one(ruisheng):
    Enterprise.objects.filter(pk=ruisheng.pk).update(external_id="crm-old")
    row = EnterpriseRowFactory(social_credit_code=ruisheng.social_credit_code, name_en="RS")
    job = _run([row], link=True)
    assert (job.status, job.updated_count) == (ImportStatus.SUCCEEDED, 1)
    ruisheng.refresh_from_db()
    assert (ruisheng.external_id, ruisheng.name_en) == ("crm-old", "RS")
