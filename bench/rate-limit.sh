#!/usr/bin/env bash
# The cost of one shared rate-limit call (SharedRateLimits.TryTakeAsync, migration 0031): pgbench
# runs the service's statement, prepared, on a throwaway cluster (build/postgres.sh, initdb defaults,
# fsync on), on the unlogged table of 0031 and on a logged copy, with many keys (client addresses)
# and with one key every call shares (one app at its peak), at 1 and 8 connections.
#
#   bench/rate-limit.sh               about 2 minutes; RATE_DURATION=10 (seconds per run)
#
# Prints, per run: calls/s, mean latency in µs (one call as the caller waits for it, round trip on
# 127.0.0.1 included) and PostgreSQL CPU µs per call (the postmaster's children's CPU, from /proc,
# once pgbench's backends have exited).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${RATE_DURATION:-10}
port=${RATE_PG_PORT:-54398}
dir=$(mktemp -d /tmp/open311-rate-limit-XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$dir"
trap '"$root/build/postgres.sh" stop "$dir" >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
server=$("$root/build/postgres.sh" start "$dir" "$port")
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -v ON_ERROR_STOP=1)
"${psql[@]}" -f "$root/src/Open311.Core/Data/Migrations/0031_rate_limit_windows.sql"
"${psql[@]}" -c "CREATE TABLE rate_limit_windows_logged (LIKE rate_limit_windows INCLUDING ALL)"
postmaster=$(head -n 1 "$dir/postmaster.pid")
clk=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"; }

printf '%-28s %8s %8s %12s %14s %14s\n' table keys conns calls/s "µs/call" "PG CPU µs/call"
for table in rate_limit_windows rate_limit_windows_logged; do
  for keys in 100000 1; do
    for conns in 1 8; do
      "${psql[@]}" -c "TRUNCATE $table"
      sed "s/rate_limit_windows/$table/g" "$root/bench/sql/rate-limit-take.sql" > "$dir/take.sql"
      before=$(cpu)
      out=$("$bin/pgbench" -h 127.0.0.1 -p "$port" -U postgres -n -M prepared -c "$conns" -j 2 -T "$duration" \
        -D keys="$keys" -f "$dir/take.sql" postgres)
      sleep 1
      after=$(cpu)
      calls=$(echo "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')
      tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
      latency=$(echo "$out" | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p')
      printf '%-28s %8s %8s %12.0f %14.0f %14.0f\n' "$table" "$keys" "$conns" "$tps" "$(echo "$latency * 1000" | bc -l)" \
        "$(echo "($after - $before) * 1000000 / $clk / $calls" | bc -l)"
    done
  done
done
