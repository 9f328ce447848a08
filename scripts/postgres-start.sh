#!/usr/bin/env bash
# Start a local PostgreSQL for the tests and print its DATABASE_URL.
# As root: Debian's cluster (pg_ctlcluster). Otherwise: a private cluster under .data/pg.
# Prints nothing and fails when PostgreSQL is not installed or cannot be started.
set -euo pipefail
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "$TEST_POSTGRES_URL"
  exit 0
fi
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || exit 1

if [ "$(id -u)" -eq 0 ]; then
  version=$(basename "$(dirname "$bindir")")
  pg_lsclusters -h | awk '{print $1, $2}' | grep -q "^$version main$" \
    || pg_createcluster "$version" main >/dev/null
  pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
  for _ in $(seq 1 30); do
    su postgres -c "pg_isready -q" && break
    sleep 1
  done
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='goglobal'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"CREATE ROLE goglobal LOGIN SUPERUSER PASSWORD 'goglobal'\"" >/dev/null
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='goglobal'\"" | grep -q 1 \
    || su postgres -c "createdb -O goglobal goglobal"
  echo "postgres://goglobal:goglobal@127.0.0.1:5432/goglobal"
  exit 0
fi

data="$(pwd)/.data/pg"
port=${GOGLOBAL_TEST_PG_PORT:-55432}
if [ ! -f "$data/PG_VERSION" ]; then
  mkdir -p "$data"
  "$bindir/initdb" -D "$data" -U goglobal --auth=trust >/dev/null
fi
if ! "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  "$bindir/pg_ctl" -D "$data" -o "-p $port -k /tmp -h 127.0.0.1" -l "$data/server.log" -w start >/dev/null
fi
"$bindir/psql" -h 127.0.0.1 -p "$port" -U goglobal -d postgres -qtAc \
  "SELECT 1 FROM pg_database WHERE datname='goglobal'" | grep -q 1 \
  || "$bindir/createdb" -h 127.0.0.1 -p "$port" -U goglobal goglobal
echo "postgres://goglobal@127.0.0.1:$port/goglobal"
