#!/usr/bin/env bash
# Start the local PostgreSQL (Debian's cluster) and print a DATABASE_URL for the tests.
# Prints nothing and fails when PostgreSQL is not installed or cannot be started.
set -euo pipefail
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "$TEST_POSTGRES_URL"
  exit 0
fi
command -v pg_lsclusters >/dev/null || exit 1
[ "$(id -u)" -eq 0 ] || exit 1
version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
[ -n "$version" ] || exit 1
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
