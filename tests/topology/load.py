"""Simulated users on loopback: a mix of officer pages and API lists, one write in ten.

Every user is a thread with its own clock and random stream; it stops at the deadline, so a
run is bounded in time whatever the server does. Think times are exponential (``think_mean``
seconds, 0 for none).
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from goglobal.enterprises.rules import social_credit_check_character
from tests.topology.http import Client, Response

_write_numbers = iter(range(10_000_000))
_write_lock = threading.Lock()


def enterprise_payload(number: int, *, name: str = "") -> dict[str, object]:
    """A valid new enterprise for ``POST /api/enterprises/`` (``number`` keeps it unique)."""
    body = f"91440300{700_000_000 + number % 10**8:09d}"
    return {
        "name_zh": name or f"深圳负载测试科技有限公司{number}",
        "name_en": f"Shenzhen Load Test Technology {number} Co., Ltd.",
        "social_credit_code": body + social_credit_check_character(body),
        "province": "440000",
        "city": "440300",
        "sector": "38",
        "employee_band": "300_999",
        "revenue_band": "200m_1b",
        "ownership": "private",
    }


@dataclass(frozen=True)
class Mix:
    """What the users ask for: read paths (pages and API lists) and the write they sometimes do."""

    reads: tuple[str, ...]
    write_every: int = 10
    write_base: int = 0

    def next_request(
        self, rng: random.Random, client: Client
    ) -> tuple[str, Callable[[], Response]]:
        """A label for the statistics and the request to send."""
        if self.write_every and rng.randrange(self.write_every) == 0:
            with _write_lock:
                number = self.write_base + next(_write_numbers)
            payload = enterprise_payload(number)
            return "POST api/enterprises", lambda: client.post_json("/api/enterprises/", payload)
        path = rng.choice(self.reads)
        return _kind(path), lambda: client.get(path)


def office_reads(case_ids: list[int], enterprise_ids: list[int]) -> tuple[str, ...]:
    """Directory, enterprises, the board, case pages, a market profile and the API lists."""
    reads = [
        "/directory/",
        "/directory/?q=law",
        "/enterprises/",
        "/cases/",
        "/cases/list/",
        "/markets/VN/",
        "/api/enterprises/",
        "/api/cases/",
        "/api/directory/providers",
    ]
    reads += [f"/cases/{case_id}/" for case_id in case_ids[:20]]
    reads += [f"/enterprises/{enterprise_id}/" for enterprise_id in enterprise_ids[:20]]
    return tuple(reads)


@dataclass
class LoadResult:
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: list[tuple[str, int]] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))

    @property
    def requests(self) -> int:
        return len(self.latencies)

    def percentile(self, share: float, values: list[float] | None = None) -> float:
        data = sorted(self.latencies if values is None else values)
        if not data:
            return 0.0
        return data[min(len(data) - 1, int(share * len(data)))]

    def summary(self) -> str:
        return (
            f"{self.requests} requests in {self.seconds:.0f} s "
            f"({self.requests / self.seconds:.1f}/s), {len(self.errors)} errors, "
            f"p50 {self.percentile(0.50) * 1000:.0f} ms, "
            f"p95 {self.percentile(0.95) * 1000:.0f} ms, "
            f"p99 {self.percentile(0.99) * 1000:.0f} ms"
        )


def _kind(path: str) -> str:
    parts = [part for part in path.split("?")[0].split("/") if part]
    return "/".join(part if not part.isdigit() else "ID" for part in parts[:3]) or "/"


def run_users(
    *,
    clients: list[Client],
    mix: Mix,
    seconds: float,
    think_mean: float,
    seed: int = 2026,
) -> LoadResult:
    """Every client is one user, until ``seconds`` have passed. Non-2xx/3xx answers are errors."""
    result = LoadResult(seconds=seconds)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def user(index: int, client: Client) -> None:
        rng = random.Random(seed + index)
        time.sleep(rng.uniform(0, min(1.0, think_mean or 0.2)))  # do not all start at once
        while time.monotonic() < deadline:
            label, send = mix.next_request(rng, client)
            started = time.perf_counter()
            try:
                response = send()
                status = response.status
            except OSError:
                status = 0
            elapsed = time.perf_counter() - started
            with lock:
                result.latencies.append(elapsed)
                result.by_kind[label].append(elapsed)
                if not 200 <= status < 400:
                    result.errors.append((label, status))
            if think_mean:
                time.sleep(
                    min(rng.expovariate(1 / think_mean), max(0, deadline - time.monotonic()))
                )

    threads = [
        threading.Thread(target=user, args=(index, client), daemon=True)
        for index, client in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)
    return result


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000 if values else 0.0
