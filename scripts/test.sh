#!/usr/bin/env bash
# The whole test suite: lint, translations, then the tests on SQLite and on PostgreSQL.
# Slow and large-scale tests are marked `slow` and left out; run them with `make test-slow`.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export SECRET_KEY=test-only-secret-key-not-for-production
mkdir -p artifacts

echo "== lint"
$BIN/ruff check src benchmarks scripts
$BIN/lint-imports --no-cache
$BIN/mypy src

echo "== translations"
$BIN/python scripts/messages.py check

# Two test processes (pytest-xdist; one per core on the 2-core CI machine; TEST_WORKERS=N to
# change, 0 for one process), each with its own test database; a file's tests stay together.
workers=(-n "${TEST_WORKERS:-2}" --dist loadfile)
[ "${TEST_WORKERS:-2}" != 0 ] || workers=()

# The slowest tests are listed at the end of each run, so a slow machine or test shows itself.
report=(--durations=25)

echo "== tests on SQLite"
$BIN/python -m pytest -m "not slow and not topology" -p no:cacheprovider "${workers[@]}" \
  "${report[@]}" "$@"

# The engines (src/goglobal/engines) are plain Python with no database (an import contract
# keeps Django out of them): their tests ran above and are not run again here.
echo "== tests on PostgreSQL (and, once, the production topology: tests/topology)"
url=$(bash scripts/postgres-start.sh || true)
if [ -n "$url" ]; then
  DATABASE_URL="$url" $BIN/python -m pytest -m "not slow and not browser" -p no:cacheprovider \
    --ignore=src/goglobal/engines "${workers[@]}" "${report[@]}" "$@"
else
  echo "PostgreSQL is not available here: the PostgreSQL run was skipped." >&2
  [ -z "${CI:-}" ] || exit 1
fi
