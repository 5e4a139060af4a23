#!/usr/bin/env bash
# Faults under load: the service killed with SIGKILL again and again while apps submit requests, then
# PostgreSQL restarted under the same load; afterwards it counts what was acknowledged, stored,
# duplicated, numbered and e-mailed. Every figure it prints under "must be 0" must be 0. See bench/README.md.
#
#   bench/faults.sh                   20 kill -9 cycles and one PostgreSQL restart (about 5 minutes on 2 cores)
#   FAULTS_CYCLES=5 bench/faults.sh   fewer cycles
#
# Settings (environment, all optional): FAULTS_CYCLES=20  FAULTS_WORKERS=4 (concurrent submitting apps)
#   FAULTS_PG_PORT=54397  FAULTS_API_PORT=5094  FAULTS_SMTP_PORT=5095
# Runs as root (PostgreSQL as the postgres OS user; python3-aiosmtpd, curl and psql installed with apt if
# missing) or as a user who can run PostgreSQL. Everything it starts is stopped when it ends.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench=$root/bench
data=$bench/.data                   # git-ignored
results=$bench/results/faults       # git-ignored
pg_dir=$data/faults-postgres
artifacts=$data/artifacts
cycles=${FAULTS_CYCLES:-20}
workers=${FAULTS_WORKERS:-4}
pg_port=${FAULTS_PG_PORT:-54397}
api_port=${FAULTS_API_PORT:-5094}
smtp_port=${FAULTS_SMTP_PORT:-5095}
system_python=/usr/bin/python3
db=open311_faults
api_key=heraklion-demo-key-2026     # the demo client app's documented key (DemoData.ApiKey)
service_code=001                    # a realtime demo service without required attributes: staff alerts go to its department

log() { printf '== %s  %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { echo "faults: $*" >&2; exit 1; }
q() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -X -v ON_ERROR_STOP=1 -qAt "$@"; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

service_pid='' smtp_pid='' load_pid='' pg_started=''
cleanup() {
  set +e
  [ -z "$load_pid" ] || { touch "$results/stop"; kill "$load_pid" 2>/dev/null; }
  [ -z "$service_pid" ] || kill -9 "$service_pid" 2>/dev/null
  [ -z "$smtp_pid" ] || kill "$smtp_pid" 2>/dev/null
  [ -z "$pg_started" ] || "$root/build/postgres.sh" stop "$pg_dir" 2>/dev/null
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_service() {  # the Release build run directly (not under `dotnet run`), so SIGKILL hits the server itself
  ConnectionStrings__Open311="$connection;Application Name=open311-faults" ASPNETCORE_ENVIRONMENT=Benchmark Open311__LoadDemoData=true \
  Auth__SigningKey=faults-only-signing-key-0123456789-0123456789 \
  Email__Transport=smtp Email__Host=127.0.0.1 Email__Port="$smtp_port" Email__Security=None Email__From=faults@open311.localhost \
  Outbox__ClaimDuration=00:00:20 Outbox__DeliveryTimeout=00:00:10 Outbox__RetryDelay=00:00:01 Outbox__MaxRetryDelay=00:00:05 \
    dotnet "$artifacts/bin/Open311.Api/release/Open311.Api.dll" --urls "http://127.0.0.1:$api_port" >>"$results/service.log" 2>&1 &
  service_pid=$!
  wait_ready
}

wait_ready() {  # until /health/ready answers 200 (120 s at most)
  local i
  for ((i = 0; i < 600; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$api_port/health/ready" || true)" = 200 ] && return 0
    [ -z "$service_pid" ] || kill -0 "$service_pid" 2>/dev/null || { tail -n 30 "$results/service.log" >&2; die "the service exited"; }
    sleep 0.2
  done
  die "the service was not ready within 120 s (see $results/service.log)"
}

kill_service() { kill -9 "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=''; }
acknowledged() { [ -f "$results/acks.tsv" ] && wc -l <"$results/acks.tsv" || echo 0; }

log "Prerequisites: PostGIS, psql, curl, python3-aiosmtpd"
"$root/build/postgres.sh" install
for tool in curl psql; do
  command -v "$tool" >/dev/null && continue
  [ "$(id -u)" = 0 ] || die "$tool is missing: apt-get install $tool"
  package=$tool; [ "$tool" = psql ] && package=postgresql-client
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
done
if ! "$system_python" -c 'import aiosmtpd' 2>/dev/null; then
  [ "$(id -u)" = 0 ] || die "python3-aiosmtpd is missing: apt-get install python3-aiosmtpd"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
fi
for port in "$pg_port" "$api_port" "$smtp_port"; do ! port_busy "$port" || die "port $port is in use (FAULTS_*_PORT)"; done
rm -rf "$results" "$pg_dir"
mkdir -p "$results"

log "SMTP sink on 127.0.0.1:$smtp_port (every message in $results/smtp.log)"
"$system_python" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" >"$results/smtp.log" 2>&1 &
smtp_pid=$!

log "PostgreSQL: a private cluster in $pg_dir on port $pg_port"
server=$("$root/build/postgres.sh" start "$pg_dir" "$pg_port")
pg_started=1
connection="$server;Database=$db"
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -X -qc "CREATE DATABASE $db"

log "Build (Release, into bench/.data/artifacts)"
flock /tmp/open311-build.lock dotnet build "$root/src/Open311.Api" -c Release --artifacts-path "$artifacts" -nologo -v q --disable-build-servers >/dev/null

log "First start: schema and demo data; the demo client's rate limit lifted so the load is not refused"
start_service
q -c "UPDATE api_clients SET rate_limit_per_minute = 1000000000"
kill_service
start_service

log "Load: $workers apps submitting, each call retried with its Idempotency-Key until acknowledged"
"$system_python" "$bench/faults-load.py" "$api_port" "$api_key" "$service_code" "$workers" "$results/acks.tsv" "$results/stop" \
  >"$results/load.txt" 2>"$results/load.log" &
load_pid=$!

for ((cycle = 1; cycle <= cycles; cycle++)); do
  sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.1f", 1.5 + (r % 25) / 10 }')"
  kill_service
  log "cycle $cycle/$cycles: service killed (SIGKILL) with $(acknowledged) requests acknowledged so far; restarting"
  start_service
done

sleep 3
log "PostgreSQL restart under load (fast shutdown: sessions end with 57P01, then connections are refused)"
"$root/build/postgres.sh" stop "$pg_dir"
sleep 3
"$root/build/postgres.sh" start "$pg_dir" "$pg_port" >/dev/null
wait_ready
log "ready again with $(acknowledged) requests acknowledged; load for 5 s more"
sleep 5

log "Stopping the load: each app finishes the request it is on"
touch "$results/stop"
wait "$load_pid" || die "the load client failed (see $results/load.log)"
load_pid=''

log "Waiting for the outbox to deliver everything (claims of killed workers expire after 20 s)"
for ((i = 0; i < 180; i++)); do
  [ "$(q -c "SELECT count(*) FROM outbox_messages WHERE status = 'pending'")" = 0 ] && break
  sleep 1
done
kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=''
sleep 1

log "Counting"
grep -i '^message-id:' "$results/smtp.log" | sed -E 's/^[^<]*<([0-9a-f]{32})@.*/\1/I' >"$results/message-ids.txt" || true
q <<SQL >"$results/figures.txt"
CREATE TEMP TABLE acks (key text, id bigint, how text);
\copy acks FROM '$results/acks.tsv'
CREATE TEMP TABLE sent (message_id text);
\copy sent FROM '$results/message-ids.txt'
CREATE TEMP VIEW ours AS SELECT id, protocol_number, substr(description, 8) AS key FROM service_requests WHERE description LIKE 'faults %';
CREATE TEMP VIEW alerts AS
  SELECT m.status, replace(m.idempotency_key::text, '-', '') AS message_id FROM outbox_messages m
  JOIN request_events e ON e.id = m.request_event_id JOIN ours r ON r.id = e.request_id WHERE m.consumer = 'staff-alerts';
SELECT 'acknowledged requests                 ' || count(DISTINCT key) FROM acks;
SELECT '  of which answered again (replayed)  ' || count(*) FILTER (WHERE how = 'replayed') FROM acks;
SELECT 'stored requests                       ' || count(*) FROM ours;
SELECT 'must be 0: acknowledged, not stored   ' || count(*) FROM acks a WHERE NOT EXISTS (SELECT 1 FROM ours r WHERE r.id = a.id AND r.key = a.key);
SELECT 'must be 0: stored, never acknowledged ' || count(*) FROM ours r WHERE NOT EXISTS (SELECT 1 FROM acks a WHERE a.key = r.key);
SELECT 'must be 0: duplicate requests         ' || coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM ours GROUP BY key) d;
SELECT 'must be 0: one key, two ids answered  ' || count(*) FROM (SELECT key FROM acks GROUP BY key HAVING count(DISTINCT id) > 1) k;
SELECT 'must be 0: protocol-number gaps       ' || coalesce(sum(top - n), 0) FROM (
  SELECT max(split_part(protocol_number, '/', 2)::int) AS top, count(*) AS n FROM service_requests GROUP BY jurisdiction_id, split_part(protocol_number, '/', 1)) y;
SELECT 'staff alerts queued / delivered       ' || count(*) || ' / ' || count(*) FILTER (WHERE status = 'delivered') FROM alerts;
SELECT 'e-mails received by the SMTP sink     ' || count(*) || ' (' || count(DISTINCT message_id) || ' distinct Message-IDs)' FROM sent;
SELECT 'must be 0: alerts lost                ' || count(*) FROM alerts a WHERE NOT EXISTS (SELECT 1 FROM sent s WHERE s.message_id = a.message_id);
-- Delivery is at least once: a kill -9 after the SMTP server accepted a message and before its outcome
-- committed sends it again with the same Message-ID (the outbox idempotency key), which receivers drop.
SELECT 'e-mails repeated (same Message-ID)    ' || (SELECT count(*) - count(DISTINCT message_id) FROM sent);
SELECT 'must be 0: e-mails of no queued alert ' || count(*) FROM sent s WHERE NOT EXISTS (SELECT 1 FROM alerts a WHERE a.message_id = s.message_id);
SQL
echo
echo "faults: $cycles kill -9 cycles and one PostgreSQL restart under the POST load of $workers apps"
cat "$results/figures.txt"
echo "load client: $(cat "$results/load.txt")   (retries: calls refused with 503 or cut off, then sent again with their key)"
if grep -q 'must be 0: .* [1-9]' "$results/figures.txt"; then echo "faults: FAILED, a 'must be 0' figure is not 0" >&2; exit 1; fi
