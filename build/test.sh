#!/usr/bin/env bash
# Runs every test through the real HTTP pipeline on a real PostgreSQL + PostGIS.
# The tests start their own throwaway cluster (build/postgres.sh), or use the server named by
# OPEN311_TEST_SERVER (a connection string without a database, e.g. "Host=db;Username=postgres;Password=...").
# Extra arguments go to dotnet test, e.g. build/test.sh --filter PhotoTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

if [ -z "${OPEN311_TEST_SERVER:-}" ]; then
  "$root/build/postgres.sh" install
fi

rm -rf "$root/TestResults"
dotnet test "$root/Open311.sln" -c Release --logger "trx;LogFileName=tests.trx" --results-directory "$root/TestResults" "$@"
