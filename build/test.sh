#!/usr/bin/env bash
# Runs every test through the real HTTP pipeline on a real PostgreSQL + PostGIS.
# The tests start their own throwaway cluster (build/postgres.sh), or use the server named by
# OPEN311_TEST_SERVER (a connection string without a database, e.g. "Host=db;Username=postgres;Password=...").
# Extra arguments go to dotnet test, e.g. build/test.sh --filter PhotoTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

if [ -z "${OPEN311_TEST_SERVER:-}" ]; then
  "$root/build/postgres.sh" install
  # The throwaway cluster is started and removed here rather than by the test process, which the
  # test runner may end before its exit handlers have stopped the server and deleted its files.
  cluster=$(mktemp -d /tmp/open311-test-pg-XXXXXX)
  port=$((20000 + RANDOM % 30000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((20000 + RANDOM % 30000)); done
  trap '"$root/build/postgres.sh" stop "$cluster" >/dev/null 2>&1 || true; rm -rf "$cluster"' EXIT
  OPEN311_TEST_SERVER=$("$root/build/postgres.sh" start "$cluster" "$port")
  export OPEN311_TEST_SERVER
fi

# The follow page's browser test drives Debian's Chromium; installed here like PostGIS, so this one command sets up a fresh machine.
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" != 0 ]; then echo "Chromium is missing: run as root or apt-get install chromium" >&2; exit 1; fi
  echo "Installing Chromium for the browser test..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi

# The build installs the dashboard's front-end libraries with npm.
"$root/build/node.sh"

rm -rf "$root/TestResults"
dotnet test "$root/Open311.sln" -c Release --logger "trx;LogFileName=tests.trx" --results-directory "$root/TestResults" "$@"
