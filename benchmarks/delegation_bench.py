"""A delegation's programme on the format-2 engine: 40 members, 3 days, 6 venues, 120 requests.

Run: PYTHONPATH=src .venv/bin/python benchmarks/delegation_bench.py [--seed N] [--time-limit S]

The instance comes from ``goglobal.engines.scheduling.visits`` (seeded; see its docstring).
The schedule is checked by the tests' independent checker (travel
from the shortest route between venues, recomputed there) and the figures printed. Target: a
valid itinerary in at most 10 s.
"""

from __future__ import annotations

import argparse
import time

from goglobal.engines.scheduling import load_instance, schedule
from goglobal.engines.scheduling.tests.checker2 import check
from goglobal.engines.scheduling.visits import generate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--time-limit", type=float, default=9.0)
    args = parser.parse_args()
    instance = load_instance(generate(args.seed))
    started = time.perf_counter()
    result = schedule(instance, time_limit=args.time_limit)
    seconds = time.perf_counter() - started
    check(instance, result)  # raises on any broken rule, travel included
    assert result.breaks is not None
    print(f"participants {len(instance.participants)}, requests {len(instance.requests)}")
    print(f"meetings {len(result.meetings)} (shared {result.shared_meetings})")
    print(f"value {result.value} of bound {result.upper_bound} ({result.bound_method})")
    print(f"breaks {result.breaks.total}, most {result.breaks.most}, spread {result.breaks.spread}")
    print(f"seconds {seconds:.2f}; travel checked independently: no violation")


if __name__ == "__main__":
    main()
