from goglobal.imports import services
from goglobal.imports.tests.factories import EnterpriseRowFactory, csv_bytes, upload
from goglobal.enterprises.models import Enterprise


def test_smoke(db, officer):
    job = services.import_job_create(actor=officer, kind="enterprises", upload=upload(csv_bytes("enterprises", EnterpriseRowFactory.build_batch(3))), dry_run=False, run_in_background=False)
    job = services.import_run(job=job)
    print(job.status, job.errors, job.created_count)
    assert job.status == "succeeded"
    job = services.import_job_create(actor=officer, kind="enterprises", upload=upload(csv_bytes("enterprises", EnterpriseRowFactory.build_batch(3))), dry_run=False, run_in_background=False)
    print(Enterprise.objects.count())
