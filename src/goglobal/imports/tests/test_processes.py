"""Other processes on the test database: the console command and a real RQ worker on Redis."""

import shutil
import socket
import subprocess
import sys
import time

import pytest
from django.db import connection

from goglobal.enterprises.models import Enterprise
from goglobal.imports.models import ImportJob
from goglobal.imports.tests.factories import EnterpriseRowFactory, csv_bytes, upload
from goglobal.imports.tests.live import child_environment


def _run(args, env, timeout=180):
    return subprocess.run(  # noqa: S603 - our own console command
        [sys.executable, "-m", "goglobal", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


def test_the_console_command_exits_with_status_1_on_a_rejected_file(transactional_db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"external_id,colour\nx,blue\n")
    env = {**child_environment(), "GOGLOBAL_MEDIA_ROOT": str(tmp_path / "media")}

    result = _run(["import", "providers", str(path)], env)

    assert result.returncode == 1, result.stderr
    assert "row 1, column colour: Unknown column “colour”." in result.stderr
    assert "row 1, column category: Column “category” is missing." in result.stderr


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path):
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed: the RQ worker test needs a real Redis")
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(tmp_path),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.services
def test_a_real_rq_worker_runs_an_import_job(
    transactional_db, redis_url, tmp_path, settings, officer
):
    from goglobal.imports import services

    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    settings.RQ_QUEUES = {"default": {"URL": redis_url, "DEFAULT_TIMEOUT": 600}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    content = csv_bytes("enterprises", EnterpriseRowFactory.build_batch(3))
    job = services.import_job_create(
        actor=officer, kind="enterprises", upload=upload(content), dry_run=False
    )
    assert ImportJob.objects.get(pk=job.pk).status == "queued"
    connection.close()  # the worker writes to the database next
    env = {
        **child_environment(),
        "GOGLOBAL_TASKS_BACKEND": "rq",
        "REDIS_URL": redis_url,
        "GOGLOBAL_MEDIA_ROOT": str(media),
    }

    result = _run(
        ["rqworker", "--burst", "--job-class", "django_tasks_rq.Job", "default"], env, timeout=300
    )

    assert result.returncode == 0, result.stderr
    job.refresh_from_db()
    assert (job.status, job.created_count) == ("succeeded", 3), (job.errors, result.stderr)
    assert Enterprise.objects.count() == 3
