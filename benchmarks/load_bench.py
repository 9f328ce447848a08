"""The production topology under load: 2 and 4 web processes, office load and saturation.

Usage (loopback only; every loop is bounded in time):

    .venv/bin/python benchmarks/load_bench.py --populate                      # 100k / 100k
    .venv/bin/python benchmarks/load_bench.py --populate --enterprises 10000 --cases 10000 \
        --interactions 50000 --seconds 60 --step-seconds 20                   # a smaller run

It starts the topology of tests/topology (a private PostgreSQL cluster, Redis, gunicorn web
processes and an RQ worker, all from the systemd units' command lines), fills it with the data
of benchmarks/cases_bench.py (`goglobal demo --large` enterprises and providers, then cases with
interactions, referrals and tasks), and signs in the demo officer. Then, for 2 and for 4 web
processes (3 gunicorn workers each):

- **office load**: 50 and 200 users who think between requests (exponential, mean 5 s) for
  `--seconds`: requests/s, errors, p50/p95/p99;
- **saturation**: users with no think time, doubling from 8 while throughput grows by 5 % or
  more, `--step-seconds` each: the requests/s reached and where the CPU time went (web
  processes: Python views and templates; PostgreSQL: SQL; the load generator itself).

The mix: the directory, the enterprise list, the board and the case list, case and enterprise
pages, a market profile, the API lists, and one write in ten (a new enterprise through the API).
Results are printed and written as JSON to `--output`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.topology.http import Client  # noqa: E402
from tests.topology.load import LoadResult, Mix, office_reads, run_users  # noqa: E402
from tests.topology.stack import (  # noqa: E402
    OFFICER,
    Topology,
    descendants,
    officer_api_token,
    officer_totp_code,
)

CLOCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK


def process_groups(topology: Topology) -> dict[str, list[int]]:
    web = [p.popen.pid for p in topology.processes if p.name.startswith("web")]
    postmaster = int((topology.postgres.folder / "data" / "postmaster.pid").read_text().split()[0])
    return {
        "web (Python)": web + [child for pid in web for child in descendants(pid)],
        "PostgreSQL (SQL)": [postmaster, *descendants(postmaster)],
    }


def measured(topology: Topology, run) -> tuple[LoadResult, dict[str, float]]:
    groups = process_groups(topology)
    before = {name: cpu_seconds(pids) for name, pids in groups.items()}
    load_before = sum(os.times()[:2])
    result = run()
    groups = process_groups(topology)  # workers recycled meanwhile are not counted
    cpu = {name: cpu_seconds(pids) - before[name] for name, pids in groups.items()}
    cpu["load generator"] = sum(os.times()[:2]) - load_before
    return result, cpu


def populate(topology: Topology, args: argparse.Namespace) -> None:
    started = time.perf_counter()
    command = [
        sys.executable,
        str(ROOT / "benchmarks" / "cases_bench.py"),
        "--populate",
        "--enterprises",
        str(args.enterprises),
        "--providers",
        str(args.providers),
        "--cases",
        str(args.cases),
        "--interactions",
        str(args.interactions),
        "--requests",
        "1",
        "--only",
        "nothing-to-measure",
    ]
    import subprocess

    subprocess.run(command, env=topology.environment, cwd=topology.root, check=True)
    topology.redis_flush()  # the jobs the data set enqueued (profile vectors) are not measured
    print(f"populated in {time.perf_counter() - started:.0f} s", flush=True)


def report(label: str, result: LoadResult, cpu: dict[str, float] | None = None) -> dict:
    line = f"{label}: {result.summary()}"
    if cpu:
        total = sum(cpu.values()) or 1
        line += " | CPU " + ", ".join(f"{k} {v:.0f} s ({v / total:.0%})" for k, v in cpu.items())
    print(line, flush=True)
    return {
        "label": label,
        "requests": result.requests,
        "requests_per_second": round(result.requests / result.seconds, 1),
        "errors": len(result.errors),
        "error_kinds": sorted({f"{kind} {status}" for kind, status in result.errors})[:20],
        "p50_ms": round(result.percentile(0.50) * 1000),
        "p95_ms": round(result.percentile(0.95) * 1000),
        "p99_ms": round(result.percentile(0.99) * 1000),
        "p95_ms_by_kind": {
            kind: round(result.percentile(0.95, values) * 1000)
            for kind, values in sorted(result.by_kind.items())
        },
        "cpu_seconds": {k: round(v, 1) for k, v in (cpu or {}).items()},
    }


def bench_processes(topology: Topology, processes: int, mix: Mix, args) -> list[dict]:
    while len(topology.web_ports) < processes:
        topology.start_web(workers=args.workers)
    bases = [f"http://127.0.0.1:{port}" for port in topology.web_ports[:processes]]
    officer = Client(bases[0])
    officer.login(*OFFICER, code=officer_totp_code(topology))
    officer.bearer = officer_api_token(topology)
    results = []
    for users in args.office_users:
        clients = [officer.at(bases[n % len(bases)]) for n in range(users)]
        result, cpu = measured(
            topology,
            lambda c=clients: run_users(
                clients=c, mix=mix, seconds=args.seconds, think_mean=args.think
            ),
        )
        results.append(report(f"{processes} web, office, {users} users", result, cpu))
    best = 0.0
    users = 8
    while users <= args.max_users:
        clients = [officer.at(bases[n % len(bases)]) for n in range(users)]
        result, cpu = measured(
            topology,
            lambda c=clients: run_users(
                clients=c, mix=mix, seconds=args.step_seconds, think_mean=0
            ),
        )
        results.append(report(f"{processes} web, saturation, {users} users", result, cpu))
        rate = result.requests / result.seconds
        if rate < best * 1.05:
            break
        best = max(best, rate)
        users *= 2
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--populate", action="store_true", help="fill the database first")
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--providers", type=int, default=20_000)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=500_000)
    parser.add_argument("--processes", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers per process")
    parser.add_argument("--office-users", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--think", type=float, default=5.0, help="mean think time (s)")
    parser.add_argument("--seconds", type=float, default=300, help="length of an office run")
    parser.add_argument("--step-seconds", type=float, default=30, help="a saturation step")
    parser.add_argument("--max-users", type=int, default=256)
    parser.add_argument("--output", type=Path, default=ROOT / "artifacts" / "load_bench.json")
    args = parser.parse_args()

    topology = Topology.create()
    results: list[dict] = []
    try:
        topology.start_services()
        if args.populate:
            populate(topology, args)
        else:
            topology.goglobal("demo", "--no-serve", "--yes-wipe")
            topology.redis_flush()
        topology.start_worker()
        case_ids = [
            r[0]
            for r in topology.postgres.sql("SELECT id FROM cases_case ORDER BY random() LIMIT 20")
        ]
        enterprise_ids = [
            r[0]
            for r in topology.postgres.sql(
                "SELECT id FROM enterprises_enterprise ORDER BY random() LIMIT 20"
            )
        ]
        counts = {
            table: topology.postgres.sql(f"SELECT count(*) FROM {table}")[0][0]  # noqa: S608
            for table in ("enterprises_enterprise", "cases_case", "cases_interaction")
        }
        print(f"data: {counts}", flush=True)
        mix = Mix(reads=office_reads(case_ids, enterprise_ids), write_every=10)
        for processes in sorted(args.processes):
            results += bench_processes(topology, processes, mix, args)
    finally:
        topology.close()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"data": counts, "runs": results}, indent=1))
    print(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
