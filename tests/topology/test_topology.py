"""The production topology, run for real: PostgreSQL, Redis, two web processes, one worker.

Every process is started from the command line of its systemd unit (deploy/systemd). The
scenarios run in order on one topology: a process registers, another reads; an upload runs on
the worker; a worker killed mid-import; PostgreSQL stopped under traffic; a bounded load run.
Marked ``topology``: scripts/test.sh runs it once, in the PostgreSQL phase.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections import Counter

import pytest

from goglobal.imports.tests.factories import EnterpriseRowFactory, csv_bytes
from tests.topology.http import Client
from tests.topology.load import Mix, enterprise_payload, office_reads, run_users
from tests.topology.stack import (
    OFFICER,
    Topology,
    TopologyUnavailableError,
    officer_api_token,
    officer_totp_code,
    wait_until,
)

pytestmark = pytest.mark.topology

LONG_IMPORT_ROWS = 300  # long enough: an import checks every name against those on file
# A transaction that has written something (it has an id) and is still open.
OPEN_WRITE = "SELECT 1 FROM pg_stat_activity WHERE datname = 'goglobal' AND backend_xid IS NOT NULL"


@pytest.fixture(scope="module")
def topology():
    try:
        stack = Topology.create()
    except TopologyUnavailableError as error:
        if os.environ.get("CI"):
            pytest.fail(str(error))
        pytest.skip(str(error))
    try:
        stack.start_services()
        stack.goglobal(
            "demo",
            "--no-serve",
            "--yes-wipe",
            "--enterprises",
            "80",
            "--providers",
            "60",
            "--investors",
            "10",
        )
        # The demo enqueues a profile vector per record (minutes of work on two cores) that
        # none of these scenarios reads: start from an empty queue.
        stack.redis_flush()
        stack.a = stack.start_web()
        stack.b = stack.start_web()
        stack.worker = stack.start_worker()
        yield stack
    finally:
        stack.close()


@pytest.fixture(scope="module")
def officer(topology):
    """The demo officer, signed in through A, with an API token for the API."""
    client = Client(topology.a)
    client.login(*OFFICER, code=officer_totp_code(topology))
    client.bearer = officer_api_token(topology)
    return client


def _job_id(response) -> int:
    match = re.search(r"/data/(\d+)/", response.headers.get("location", ""))
    assert match, (response.status, response.headers)
    return int(match.group(1))


def _job(topology, job_id):
    return topology.postgres.sql(
        "SELECT status, attempts, created_count, row_count FROM imports_importjob WHERE id = %s",
        job_id,
    )[0]


def test_1_an_enterprise_registered_through_a_is_read_through_b(topology, officer):
    created = officer.post_json(
        "/api/enterprises/", enterprise_payload(1, name="跨进程测试有限公司")
    )

    assert created.status == 201, created.text
    enterprise_id = created.json()["id"]
    through_b = officer.at(topology.b)
    assert (
        through_b.get(f"/api/enterprises/{enterprise_id}").json()["name_zh"] == "跨进程测试有限公司"
    )
    page = through_b.get(f"/enterprises/{enterprise_id}/")
    assert page.status == 200
    assert "跨进程测试有限公司" in page.text


def test_2_an_upload_through_a_runs_on_the_worker_and_b_shows_the_result(topology, officer):
    content = csv_bytes("enterprises", EnterpriseRowFactory.build_batch(5))

    uploaded = officer.post_file(
        "/data/upload/",
        {"kind": "enterprises"},
        {"file": ("five.csv", content)},
        headers={"X-Request-ID": "topology-upload-2"},
    )

    assert uploaded.status == 302, uploaded.text[:2000]
    assert uploaded.headers["x-request-id"] == "topology-upload-2"
    job_id = _job_id(uploaded)
    try:
        wait_until(lambda: _job(topology, job_id)[0] == "succeeded", timeout=60, what="import")
    except TimeoutError:
        pytest.fail(f"job {_job(topology, job_id)}\n{topology.logs()}")
    assert _job(topology, job_id)[2] == 5
    page = officer.at(topology.b).get(f"/data/{job_id}/")
    assert page.status == 200
    assert 'class="alert alert-success"' in page.text  # the officer reads Traditional Chinese
    assert '<span class="stat-value">5</span>' in page.text
    # The worker's log lines for this job carry the id of the request that enqueued it.
    worker_lines = [
        json.loads(line)
        for line in topology.worker.log.read_text().splitlines()
        if line.startswith("{")
    ]
    assert any(
        line.get("request_id") == "topology-upload-2" and line["message"] == "job finished"
        for line in worker_lines
    ), worker_lines[-5:]
    metrics = officer.at(topology.b).get("/metrics").text
    assert re.search(
        r'goglobal_jobs_total\{status="successful",task="[\w.]*import_run_task"\} \d', metrics
    )
    assert 'goglobal_queue_depth{queue="default"}' in metrics


def test_3_an_import_whose_worker_is_killed_finishes_exactly_once(topology, officer):
    rows = EnterpriseRowFactory.build_batch(LONG_IMPORT_ROWS, external_id=None)
    for number, row in enumerate(rows):
        row["external_id"] = f"long-{number:06d}"
    content = csv_bytes("enterprises", rows)
    uploaded = officer.post_file(
        "/data/upload/", {"kind": "enterprises"}, {"file": ("long.csv", content)}
    )
    job_id = _job_id(uploaded)

    def writing() -> bool:  # the import's transaction has written rows and is still open
        return bool(
            topology.postgres.sql(OPEN_WRITE + " AND query NOT ILIKE '%%lease_expires_at%%'")
        )

    wait_until(writing, timeout=300, interval=0.05, what="the import to start writing")
    topology.worker.kill()
    wait_until(
        lambda: not topology.postgres.sql(OPEN_WRITE),
        timeout=30,
        what="PostgreSQL to roll the dead worker's transaction back",
    )

    assert _job(topology, job_id)[:2] == ("running", 1)
    half = topology.postgres.sql(
        "SELECT count(*) FROM enterprises_enterprise WHERE external_id LIKE 'long-%%'"
    )[0][0]
    assert half == 0  # nothing half-written
    topology.worker = topology.start_worker()
    # What goglobal-imports-resume.timer does every minute, until the lease has run out.
    wait_until(
        lambda: (
            "enqueued" in topology.unit_command("goglobal-imports-resume.service")
            or _job(topology, job_id)[1] > 1
        ),
        timeout=60,
        interval=1,
        what="the job's lease",
    )
    try:
        wait_until(lambda: _job(topology, job_id)[0] != "running", timeout=300, interval=0.5)
    except TimeoutError:
        pytest.fail(f"the resumed import: {_job(topology, job_id)}\n{topology.logs(15)}")

    assert _job(topology, job_id) == ("succeeded", 2, LONG_IMPORT_ROWS, LONG_IMPORT_ROWS)
    counts = topology.postgres.sql(
        "SELECT count(*), count(DISTINCT external_id) FROM enterprises_enterprise "
        "WHERE external_id LIKE 'long-%%'"
    )[0]
    assert counts == (LONG_IMPORT_ROWS, LONG_IMPORT_ROWS)
    audit = topology.postgres.sql(
        "SELECT count(*) FROM core_auditevent WHERE changes->>'import_job' = %s", str(job_id)
    )[0][0]
    assert audit == LONG_IMPORT_ROWS


def _plain_503(response, path: str) -> bool:
    if path.startswith("/api/"):
        return "detail" in response.json()
    return 'class="container error-page"' in response.text


def test_4_postgresql_stopped_under_traffic_gives_clean_503s_and_recovers(topology, officer):
    answers: Counter[tuple[str, int]] = Counter()
    bad_bodies: list[str] = []
    stop = threading.Event()

    def traffic(client: Client) -> None:
        while not stop.is_set():
            for path in ("/enterprises/", "/api/cases/", "/readyz"):
                response = client.get(path)
                answers[(path, response.status)] += 1
                if (
                    response.status == 503
                    and path != "/readyz"
                    and ("Traceback" in response.text or not _plain_503(response, path))
                ):
                    bad_bodies.append(response.text[:500])
            time.sleep(0.05)

    threads = [
        threading.Thread(target=traffic, args=(officer.at(base),), daemon=True)
        for base in (topology.a, topology.b)
        for _ in range(2)
    ]
    web_pids = [
        process.popen.pid for process in topology.processes if process.name.startswith("web")
    ]
    for thread in threads:
        thread.start()
    time.sleep(1)
    topology.postgres.stop("fast")
    time.sleep(4)
    down = officer.at(topology.a).get("/readyz")
    page_down = officer.at(topology.b).get("/cases/")
    topology.postgres.start()
    wait_until(
        lambda: (
            officer.at(topology.a).get("/readyz").status == 200
            and officer.at(topology.b).get("/readyz").status == 200
        ),
        timeout=30,
    )
    recovered = [officer.at(base).get("/enterprises/").status for base in (topology.a, topology.b)]
    stop.set()
    for thread in threads:
        thread.join(timeout=30)

    assert down.status == 503
    assert "database" in down.json()["problems"]
    assert page_down.status == 503
    assert "服務暫時未能使用" in page_down.text  # the officer reads Traditional Chinese
    assert recovered == [200, 200]
    statuses = {status for (_path, status) in answers}
    assert statuses <= {200, 503}, answers
    assert answers[("/enterprises/", 503)] > 0
    assert answers[("/enterprises/", 200)] > 0
    assert bad_bodies == []
    assert [p.popen.pid for p in topology.processes if p.name.startswith("web")] == web_pids
    assert all(p.alive() for p in topology.processes if p.name.startswith("web"))


def test_5_fifty_users_for_a_minute_against_both_processes_get_no_error(topology, officer, capsys):
    case_ids = [
        row[0] for row in topology.postgres.sql("SELECT id FROM cases_case ORDER BY id LIMIT 20")
    ]
    enterprise_ids = [
        row[0]
        for row in topology.postgres.sql(
            "SELECT id FROM enterprises_enterprise ORDER BY id LIMIT 20"
        )
    ]
    mix = Mix(reads=office_reads(case_ids, enterprise_ids), write_every=10, write_base=10_000)
    clients = [officer.at(topology.a if n % 2 == 0 else topology.b) for n in range(50)]

    result = run_users(clients=clients, mix=mix, seconds=60, think_mean=1.0)

    with capsys.disabled():
        print(
            f"\ntopology load, 50 users, think 1 s, 2 web processes x 3 workers: {result.summary()}"
        )
    assert result.errors == []
    assert result.requests > 500
