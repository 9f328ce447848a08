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


def test_the_batch_check_finds_what_the_check_of_one_record_finds(ruisheng):
    from goglobal.imports.identity import duplicates_of_many

    other = EnterpriseFactory(name_zh="杭州海瑞化工有限公司", name_en="Hangzhou Hairui Chemical")
    identity.identity_keys_refresh([other.pk])
    records = [
        identity.Record.of(["深圳市瑞晟電子科技股份有限公司"]),
        identity.Record.of(["Ruisheng Electronics"]),
        identity.Record.of(["Hairui Chemical Co., Ltd."]),
        identity.Record.of(["北京完全无关咨询有限公司"]),
    ]
    batch = duplicates_of_many(records, limit=3)
    one_by_one = [identity.duplicates_of(record, limit=3) for record in records]
    pks = [[hit.enterprise.pk for hit in hits] for hits in batch]
    assert pks == [[hit.enterprise.pk for hit in hits] for hits in one_by_one]
    assert [hit.enterprise.pk for hit in batch[0]] == [ruisheng.pk]
    assert batch[3] == []
    # The record itself is never its own duplicate.
    assert duplicates_of_many([identity.record_of(ruisheng)], exclude=[ruisheng.pk]) == [[]]


def test_every_row_is_checked_with_the_same_queries_however_many_rows(
    ruisheng, django_assert_max_num_queries
):
    from goglobal.imports.identity import duplicates_of_many

    few = [identity.Record.of([f"广州{word}贸易有限公司"]) for word in "甲乙"]
    many = [
        identity.Record.of([f"广州{a}{b}贸易有限公司"]) for a in "甲乙丙丁戊" for b in "己庚辛壬癸"
    ]
    many.append(identity.Record.of(["深圳市瑞晟電子科技股份有限公司"]))
    with django_assert_max_num_queries(2):
        duplicates_of_many(few)
    with django_assert_max_num_queries(2):
        found = duplicates_of_many(many)
    assert [hit.enterprise.pk for hit in found[-1]] == [ruisheng.pk]


def test_a_row_in_a_later_batch_is_checked_and_noted(ruisheng, settings):
    settings.GOGLOBAL_IMPORT_BATCH_SIZE = 2
    rows = [
        EnterpriseRowFactory(name_zh=f"成都{a}{b}餐饮有限公司") for a in "甲乙丙" for b in "丁戊"
    ]
    rows.append(EnterpriseRowFactory(name_zh="深圳市瑞晟電子科技股份有限公司", name_en=""))
    job = _run(rows)
    assert job.status == ImportStatus.SUCCEEDED
    assert [w["row"] for w in job.warnings] == [len(rows) + 1]
    created = Enterprise.objects.get(external_id=rows[-1]["external_id"])
    assert DuplicateCandidate.objects.filter(first=ruisheng, second=created).exists()
