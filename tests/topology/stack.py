"""The production topology on one machine, from the project's own commands.

A private PostgreSQL cluster (initdb in a temporary folder, its own port, so it can be stopped
at will), a Redis server on its own port, gunicorn web processes and RQ workers started with the
command lines of the systemd units in deploy/systemd. Used by tests/topology and by
benchmarks/load_bench.py.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.request import urlopen

from tests.deploy.units import exec_start

OFFICER = ("officer@demo.goglobal.hk", "demo-officer-2026")


def officer_api_token(topology: Topology) -> str:
    """A fresh API token for the demo officer, issued through the project's own command (API
    writes authenticate with it; a session alone would need a CSRF token per request)."""
    issue = (
        "from goglobal.accounts.models import User; "
        "from goglobal.accounts.services import api_token_issue; "
        f"officer = User.objects.get(email={OFFICER[0]!r}); "
        "print(api_token_issue(user=officer, name='topology', scopes=['read', 'write'])[1])"
    )
    return topology.goglobal("shell", "-c", issue).strip().splitlines()[-1]


class TopologyUnavailableError(Exception):
    """A program the topology needs (PostgreSQL, Redis) is not installed."""


def officer_totp_code(topology: Topology) -> str:
    """The demo officer's current authenticator code (the demo enrols every staff account),
    computed from its device as the officer's phone would."""
    code = (
        "from django_otp.oath import totp; "
        "from django_otp.plugins.otp_totp.models import TOTPDevice; "
        f"device = TOTPDevice.objects.get(user__email={OFFICER[0]!r}, confirmed=True); "
        "print(f'{totp(device.bin_key):06d}')"
    )
    return topology.goglobal("shell", "-c", code).strip().splitlines()[-1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(predicate, *, timeout: float, interval: float = 0.2, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if predicate():
                return
        time.sleep(interval)
    raise TimeoutError(f"gave up waiting {timeout:.0f} s for {what or predicate}")


def descendants(pid: int) -> list[int]:
    """Every living descendant of ``pid``, from /proc."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def _postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise TopologyUnavailableError("PostgreSQL (Debian package postgresql) is not installed")
    return Path(found[-1]).parent


@dataclass
class PostgresCluster:
    """A cluster of our own: as root, run as the ``postgres`` user (initdb refuses root)."""

    folder: Path
    port: int = field(default_factory=free_port)
    bin: Path = field(default_factory=_postgres_bin)

    @property
    def url(self) -> str:
        return f"postgres://goglobal@127.0.0.1:{self.port}/goglobal"

    def _as_owner(self, *args: str) -> list[str]:
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *args]
        return list(args)

    def _run(self, *args: str) -> None:
        subprocess.run(self._as_owner(*args), check=True, capture_output=True)  # noqa: S603

    def create(self) -> None:
        self.folder.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.folder / "data"),
            "-U",
            "goglobal",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
        )
        self.start()
        self._run(
            str(self.bin / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "goglobal",
            "goglobal",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -h 127.0.0.1 -k {self.folder} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.folder / "data"),
            "-o",
            options,
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", mode, "-w", "stop"
        )

    def sql(self, query: str, *params: object) -> list[tuple]:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user="goglobal",
            dbname="goglobal",
            autocommit=True,
        ) as connection:
            return connection.execute(query, params).fetchall()


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path

    def alive(self) -> bool:
        return self.popen.poll() is None

    def stop(self) -> None:
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self) -> None:
        """SIGKILL to the process and every descendant, as systemd does to a unit's cgroup.

        RQ's work horse starts a session of its own, so the process group alone would miss it.
        """
        for pid in [self.popen.pid, *descendants(self.popen.pid)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.popen.wait(timeout=20)


@dataclass
class Topology:
    root: Path
    postgres: PostgresCluster
    redis_port: int = field(default_factory=free_port)
    processes: list[Process] = field(default_factory=list)
    web_ports: list[int] = field(default_factory=list)

    @classmethod
    def create(cls) -> Topology:
        if shutil.which("redis-server") is None:
            raise TopologyUnavailableError("redis-server (Debian package) is not installed")
        root = Path(tempfile.mkdtemp(prefix="goglobal-topology-"))
        root.chmod(0o755)  # the postgres user walks into its cluster folder
        return cls(root=root, postgres=PostgresCluster(root / "pg"))

    @property
    def environment(self) -> dict[str, str]:
        """What /etc/goglobal/goglobal.env holds in production, for this machine."""
        data = self.root / "data"
        return {
            **{key: value for key, value in os.environ.items() if not key.startswith("GOGLOBAL_")},
            "DJANGO_SETTINGS_MODULE": "goglobal.config.settings.base",
            "SECRET_KEY": "topology-test-secret-key-not-for-production-0123456789abcdef",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.postgres.url,
            "GOGLOBAL_TASKS_BACKEND": "rq",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "GOGLOBAL_DATA_DIR": str(data),
            "GOGLOBAL_SSL_REDIRECT": "false",
            "GOGLOBAL_SECURE_COOKIES": "false",
            "GOGLOBAL_STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
            "GOGLOBAL_LOG_FORMAT": "json",
            "GOGLOBAL_IMPORT_LEASE_SECONDS": "6",
            "GOGLOBAL_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }

    def start_services(self) -> None:
        (self.root / "data" / "static").mkdir(parents=True)
        self.postgres.create()
        self._spawn(
            "redis",
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.root),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
        )
        wait_until(
            lambda: socket.create_connection(("127.0.0.1", self.redis_port), 1),
            timeout=20,
            what="redis",
        )

    def redis_flush(self) -> None:
        import redis

        redis.Redis(host="127.0.0.1", port=self.redis_port).flushdb()

    def goglobal(self, *args: str, timeout: float = 600, env: dict[str, str] | None = None) -> str:
        """Run a ``goglobal`` command with the topology's environment; its output."""
        command = [str(Path(sys.prefix) / "bin" / "goglobal"), *args]
        result = subprocess.run(  # noqa: S603 - our own command
            command,
            env={**self.environment, **(env or {})},
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"goglobal {' '.join(args)} failed:\n{result.stderr[-4000:]}")
        return result.stdout

    def unit_command(self, unit: str, *, instance: str = "") -> str:
        """Run a oneshot unit's command (a timer's job) once; its output."""
        command = exec_start(unit, instance)
        return self.goglobal(*command[1:])

    def start_web(self, port: int | None = None, workers: int = 3) -> str:
        port = port or free_port()
        metrics = self.root / f"web-{port}"
        env = {"PROMETHEUS_MULTIPROC_DIR": str(metrics), "GOGLOBAL_WEB_WORKERS": str(workers)}
        self._spawn(f"web-{port}", exec_start("goglobal-web@.service", str(port)), env)
        self.web_ports.append(port)
        base = f"http://127.0.0.1:{port}"
        wait_until(
            lambda: urlopen(f"{base}/readyz", timeout=5).status == 200,  # noqa: S310
            timeout=60,
            what=f"web process on {port}",
        )
        return base

    def start_worker(self) -> Process:
        return self._spawn(f"worker-{len(self.processes)}", exec_start("goglobal-worker@.service"))

    def _spawn(self, name: str, command: list[str], extra: dict[str, str] | None = None) -> Process:
        log = self.root / f"{name}.log"
        with log.open("ab") as handle:
            popen = subprocess.Popen(  # noqa: S603 - the units' own command lines
                command,
                env={**self.environment, **(extra or {})},
                cwd=self.root / "data",
                stdout=handle,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        process = Process(name, popen, log)
        self.processes.append(process)
        return process

    def logs(self, lines: int = 30) -> str:
        """The last lines of every process's log, for a failing test's message."""
        return "\n".join(
            f"--- {process.name}\n"
            + "\n".join(process.log.read_text(errors="replace").splitlines()[-lines:])
            for process in self.processes
        )

    def close(self) -> None:
        if os.environ.get("GOGLOBAL_TOPOLOGY_KEEP"):
            print(f"topology kept in {self.root}")
            for process in self.processes:
                process.stop()
            return
        for process in reversed(self.processes):
            process.stop()
        with contextlib.suppress(Exception):
            self.postgres.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)
