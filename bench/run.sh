#!/usr/bin/env bash
# Load benchmark: the GeoReport v2 service against a hand-written Kestrel + Npgsql baseline, on
# 1,000,000 seeded requests in a private PostgreSQL + PostGIS cluster. See bench/README.md.
#
#   bench/run.sh                      about 30 minutes on 2 cores (22 with BENCH_STATISTICS=0); figures in bench/results/summary.md
#   BENCH_ROWS=20000 BENCH_ENDPOINTS= BENCH_DURATION=3s bench/run.sh
#                                     a smoke run of the outbox measurement alone (about 2 minutes, mostly the build)
#
# Settings (environment, all optional):
#   BENCH_ROWS=1000000        requests to seed (over two years; ~12% of them in the last 90 days)
#   BENCH_DURATION=15s        each measured wrk run
#   BENCH_WARMUP=5s           the one warm-up run per endpoint and server
#   BENCH_ROUNDS=3            measured runs per endpoint and server (median and range are reported)
#   BENCH_CONNECTIONS=32      wrk connections (one wrk thread)
#   BENCH_EVENTS=0            1: also seed one request_events row per request
#   BENCH_ENDPOINTS="services by_id filtered radius poll_services poll_definition poll_by_id poll_list post"
#                             the endpoints measured against the baseline (empty: none); poll_*: a polling app's
#                             conditional GETs (If-None-Match / If-Modified-Since) against the baseline's full answer
#   BENCH_OUTBOX=1            0: skip the outbox measurement (one more POST run on the service, staff alerts
#                             e-mailed to a local SMTP sink, then the backlog drained; figures by SQL)
#   BENCH_DRAIN_LIMIT=300     seconds to wait for the outbox backlog to drain before giving up
#   BENCH_STATISTICS=1        0: skip the statistics and search calls (wrk, service alone, admin token) and the
#                             exports (CSV and GeoJSON downloads, rows per second)
#   BENCH_PG_PORT=54399  BENCH_API_PORT=5091  BENCH_BASELINE_PORT=5092  BENCH_SMTP_PORT=5093
#   BENCH_REF=                a git commit/branch to benchmark instead of the working tree (exported with
#                             `git archive` into bench/.data/src; the repository is only read)
#
# Runs as root (PostgreSQL then runs as the postgres OS user; wrk, curl and Debian's python3-aiosmtpd,
# the SMTP sink, are installed with apt if missing) or as a user who can run PostgreSQL. Everything it
# starts is stopped when it ends.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench=$root/bench
data=$bench/.data                 # git-ignored (.data/): the cluster and the build output
results=$bench/results            # git-ignored
pg_dir=$data/postgres
artifacts=$data/artifacts         # built here, not in src/*/bin, so as not to disturb other builds
rows=${BENCH_ROWS:-1000000}
duration=${BENCH_DURATION:-15s}
warmup=${BENCH_WARMUP:-5s}
rounds=${BENCH_ROUNDS:-3}
connections=${BENCH_CONNECTIONS:-32}
events=$([ "${BENCH_EVENTS:-0}" = 1 ] && echo on || echo off)
pg_port=${BENCH_PG_PORT:-54399}
api_port=${BENCH_API_PORT:-5091}
baseline_port=${BENCH_BASELINE_PORT:-5092}
smtp_port=${BENCH_SMTP_PORT:-5093}
all_endpoints="services by_id filtered radius poll_services poll_definition poll_by_id poll_list post"
read -r -a endpoint_names <<<"${BENCH_ENDPOINTS-$all_endpoints}"
for endpoint in "${endpoint_names[@]}"; do
  [[ " $all_endpoints " == *" $endpoint "* ]] || { echo "bench: unknown endpoint '$endpoint' in BENCH_ENDPOINTS" >&2; exit 1; }
done
outbox=${BENCH_OUTBOX:-1}
drain_limit=${BENCH_DRAIN_LIMIT:-300}
statistics=${BENCH_STATISTICS:-1}
# Debian's interpreter, where apt puts python3-aiosmtpd (a python3 first on PATH, pyenv's say, would not see it).
system_python=/usr/bin/python3
ref=${BENCH_REF:-}
service_project=$root/src/Open311.Api   # replaced by the exported copy when BENCH_REF is set
db=open311_bench
api_key=heraklion-demo-key-2026   # the demo client app's documented key (DemoData.ApiKey)
post_service=001                  # a realtime demo service without required attributes
centre_lat=35.3387                # central Heraklion, as in the demo data
centre_long=25.1442
spread_km=3                       # seeded points: centre ± 3 km
query_km=2.5                      # radius and POST points: centre ± 2.5 km, so circles fall inside the data
clk=$(getconf CLK_TCK)

log() { printf '\n== %s  %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { echo "bench: $*" >&2; exit 1; }
q() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -X -v ON_ERROR_STOP=1 -qAt "$@"; }
report() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -X -v ON_ERROR_STOP=1 -P pager=off "$@"; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------------------------------------
# Processes started here, stopped on any exit (never anything else: the service on 5080 is not ours).
service_run_pid='' service_pid='' baseline_pid='' smtp_pid='' sampler_pid='' pg_started=''

stop_pid() {  # stop_pid PID: SIGTERM, then wait up to 30 s for it to go
  local pid=$1 i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

stop_service() {
  stop_pid "$service_pid"
  stop_pid "$service_run_pid"
  [ -z "$service_run_pid" ] || wait "$service_run_pid" 2>/dev/null || true
  service_pid='' service_run_pid=''
}

cleanup() {
  set +e
  stop_pid "$sampler_pid"
  stop_service
  stop_pid "$baseline_pid"
  stop_pid "$smtp_pid"
  if [ -n "$pg_started" ]; then
    q -d postgres -c "ALTER SYSTEM RESET ALL" 2>/dev/null
    "$root/build/postgres.sh" stop "$pg_dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

children() {  # children PID: the processes whose parent is PID (no forks: it runs between measurements)
  local stat line
  local -a f
  for stat in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$stat" || continue
    read -r -a f <<<"${line##*) }"   # f[0] is field 3 of /proc/PID/stat (state), f[1] the parent
    [ "${f[1]}" = "$1" ] && { stat=${stat#/proc/}; echo "${stat%/stat}"; }
  done
  return 0
}

wait_http() {  # wait_http URL PID LOGFILE: until URL answers 200, or PID dies, or 120 s pass
  local i
  for ((i = 0; i < 600; i++)); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ] && return 0
    kill -0 "$2" 2>/dev/null || { tail -n 40 "$3" >&2; die "the process for $1 exited (log: $3)"; }
    sleep 0.2
  done
  tail -n 40 "$3" >&2
  die "$1 did not answer within 120 s"
}

# The retention job is off: the seed's requests were closed up to two years ago, so it would spend the
# measurements anonymising most of them (200 per transaction), as a real deployment does once.
start_service() {  # start_service LOGFILE [DELIVER]: the real service, Release, as `dotnet run` runs it, its e-mail to the sink
  ConnectionStrings__Open311="$connection;Application Name=open311-service" \
  ASPNETCORE_ENVIRONMENT=Benchmark Open311__LoadDemoData=true Auth__SigningKey=bench-only-signing-key-0123456789-0123456789 \
    Retention__Enabled=false Outbox__Deliver="${2:-true}" \
    env "${email_settings[@]}" \
    dotnet run --project "$service_project" -c Release --no-launch-profile --no-build --artifacts-path "$artifacts" \
      -- --urls "http://127.0.0.1:$api_port" >"$1" 2>&1 &
  service_run_pid=$!
  wait_http "http://127.0.0.1:$api_port/health" "$service_run_pid" "$1"
  # `dotnet run` starts the app as a child process: that child is the server to measure.
  service_pid=$(children "$service_run_pid" | head -n 1)
  [ -n "$service_pid" ] || die "could not find the service process under dotnet run ($service_run_pid)"
}

start_baseline() {  # start_baseline LOGFILE
  ConnectionStrings__Open311="$connection;Application Name=bench-baseline" ASPNETCORE_ENVIRONMENT=Benchmark \
    "$artifacts/bin/Baseline/release/Baseline" --urls "http://127.0.0.1:$baseline_port" >"$1" 2>&1 &
  baseline_pid=$!
  wait_http "http://127.0.0.1:$baseline_port/health" "$baseline_pid" "$1"
}

# CPU time in clock ticks (user + system) from /proc/PID/stat: of one process (all its threads) ...
proc_ticks() {
  local line
  local -a f
  read -r line <"/proc/$1/stat"
  read -r -a f <<<"${line##*) }"   # f[11] utime, f[12] stime, f[13] cutime, f[14] cstime
  echo $((f[11] + f[12]))
}

# ... and of the whole PostgreSQL cluster: the postmaster, its live backends, and the exited ones it reaped.
pg_ticks() {
  local master stat line total=0
  local -a f
  read -r master <"$pg_dir/postmaster.pid"
  for stat in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$stat" || continue
    read -r -a f <<<"${line##*) }"
    if [ "$stat" = "/proc/$master/stat" ]; then
      total=$((total + f[11] + f[12] + f[13] + f[14]))
    elif [ "${f[1]}" = "$master" ]; then
      total=$((total + f[11] + f[12]))
    fi
  done
  echo "$total"
}

# Busy CPU ticks of the whole machine (all CPUs): to see how much CPU other processes took during a run.
busy_ticks() {
  local cpu user nice system idle iowait irq softirq steal rest
  read -r cpu user nice system idle iowait irq softirq steal rest </proc/stat
  echo $((user + nice + system + irq + softirq + steal))
}

# ---------------------------------------------------------------------------------------------
log "Prerequisites: PostGIS, wrk, curl, python3-aiosmtpd"
# build/postgres.sh installs PostGIS with apt when it is missing; wrk, curl and the SMTP sink likewise here.
"$root/build/postgres.sh" install
for tool in wrk curl psql; do
  command -v "$tool" >/dev/null && continue
  [ "$(id -u)" = 0 ] || die "$tool is missing: apt-get install $tool"
  package=$tool; [ "$tool" = psql ] && package=postgresql-client
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
done
if ! "$system_python" -c 'import aiosmtpd' 2>/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
fi
command -v dotnet >/dev/null || die "the .NET SDK is missing (see global.json)"
for port in "$api_port" "$baseline_port" "$smtp_port"; do
  ! port_busy "$port" || die "port $port is in use: set BENCH_API_PORT / BENCH_BASELINE_PORT / BENCH_SMTP_PORT"
done

rm -rf "$results"
mkdir -p "$results/wrk" "$data"
if [ -n "$ref" ]; then
  # A fixed commit rather than whatever the working tree holds right now.
  rm -rf "$data/src"
  mkdir -p "$data/src"
  git -C "$root" archive "$ref" | tar -x -C "$data/src"
  service_project=$data/src/src/Open311.Api
  source="commit $(git -C "$root" rev-parse --short "$ref") ($ref)"
else
  source="working tree at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' + uncommitted changes')"
fi
{
  echo "date: $(date -u +%FT%TZ)"
  echo "service built from: $source"
  echo "cpus: $(nproc)  memory: $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)  load before start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "dotnet: $(dotnet --version)  wrk: -t1 -c$connections -d$duration --latency --timeout 30s, warm-up $warmup, $rounds rounds"
  echo "rows: $rows"
} >"$results/environment.txt"

# ---------------------------------------------------------------------------------------------
log "PostgreSQL: private cluster in bench/.data/postgres on port $pg_port, fresh database $db"
# Reuses build/postgres.sh (initdb once, 127.0.0.1 only) with its own directory and port, so it never
# touches the development cluster in .data/postgres.
pg_started=1
server=$("$root/build/postgres.sh" start "$pg_dir" "$pg_port")
connection="$server;Database=$db"
pg_log=$pg_dir/server.log
# Settings a previous, interrupted run may have left (auto_explain, below).
q -d postgres -c "ALTER SYSTEM RESET ALL" -c "SELECT pg_reload_conf()" >/dev/null
q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
echo "postgres: $(q -d postgres -c 'SHOW server_version')  shared_buffers $(q -d postgres -c 'SHOW shared_buffers')  (defaults of initdb)" \
  >>"$results/environment.txt"

# ---------------------------------------------------------------------------------------------
# Staff alerts (a new request e-mails its department) go through SMTP to a sink that really speaks
# it: aiosmtpd, which accepts every message and prints it to smtp.log. Without it (not root, no
# package) the service writes .eml files instead, and outbox.txt says so.
if "$system_python" -c 'import aiosmtpd' 2>/dev/null; then
  log "SMTP sink: aiosmtpd on 127.0.0.1:$smtp_port (messages in bench/results/smtp.log)"
  "$system_python" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" >"$results/smtp.log" 2>&1 &
  smtp_pid=$!
  for ((i = 0; i < 100; i++)); do port_busy "$smtp_port" && break; sleep 0.1; done
  port_busy "$smtp_port" || die "aiosmtpd did not listen on $smtp_port (see $results/smtp.log)"
  email_transport=smtp
  email_settings=(Email__Transport=smtp Email__Host=127.0.0.1 Email__Port="$smtp_port" Email__Security=None Email__From=bench@open311.localhost)
else
  log "SMTP sink: python3-aiosmtpd is not installed (apt-get install python3-aiosmtpd); e-mail goes to files instead"
  email_transport=files
  email_settings=(Email__Transport=files Email__Directory="$data/mail" Email__From=bench@open311.localhost)
  rm -rf "$data/mail"
fi
echo "e-mail: $email_transport" >>"$results/environment.txt"

# ---------------------------------------------------------------------------------------------
log "Build (Release) of the service and of bench/Baseline into bench/.data/artifacts"
# The shared build lock: other builds on this machine run one at a time with this one.
flock /tmp/open311-build.lock dotnet build "$service_project" -c Release --artifacts-path "$artifacts" -nologo -v q --disable-build-servers
flock /tmp/open311-build.lock dotnet build "$bench/Baseline" -c Release --artifacts-path "$artifacts" -nologo -v q --disable-build-servers

# ---------------------------------------------------------------------------------------------
log "Schema and demo catalogue: the service's own start-up (migrations + Open311__LoadDemoData)"
start_service "$results/service-first-start.log"
stop_service
jurisdiction=$(q -c "SELECT id FROM jurisdictions ORDER BY id LIMIT 1")
codes=$(q -c "SELECT string_agg(code, ',' ORDER BY code) FROM service_categories
              WHERE jurisdiction_id = '$jurisdiction' AND is_public AND active")
# The service definition a polling app reads: the first public service with questions (attributes).
definition_code=$(q -c "SELECT min(s.code) FROM service_categories s WHERE s.jurisdiction_id = '$jurisdiction' AND s.is_public AND s.active
                        AND EXISTS (SELECT 1 FROM service_attributes a WHERE a.service_id = s.id)")
echo "jurisdiction $jurisdiction, public services $codes, service definition polled: $definition_code"

# ---------------------------------------------------------------------------------------------
log "Seeding $rows requests in 10 batches (SQL, generate_series)"
# Two years of requests ending now, one every `step` seconds: the last 90 days hold ~12% of them.
step=$(awk -v n="$rows" 'BEGIN { printf "%.6f", 730 * 86400 / n }')
anchor=$(q -c "SELECT now()")
seed_vars=(-v jurisdiction="$jurisdiction" -v total="$rows" -v step="$step" -v anchor="$anchor"
           -v lat="$centre_lat" -v long="$centre_long" -v km="$spread_km" -v events="$events")
q "${seed_vars[@]}" -f "$bench/sql/seed-prepare.sql"
per_batch=$(((rows + 9) / 10))
seed_start=$SECONDS
for ((batch = 0; batch < 10; batch++)); do
  lo=$((batch * per_batch + 1))
  hi=$(((batch + 1) * per_batch)); ((hi <= rows)) || hi=$rows
  ((lo <= hi)) || break
  batch_start=$SECONDS
  q "${seed_vars[@]}" -v lo="$lo" -v hi="$hi" -f "$bench/sql/seed-batch.sql"
  printf '  batch %2d: ids %7d..%7d  %3d s  (%d/%d rows)\n' $((batch + 1)) "$lo" "$hi" $((SECONDS - batch_start)) "$hi" "$rows"
done
echo "  counters, sequences, VACUUM ANALYZE, CHECKPOINT"
q -f "$bench/sql/seed-finish.sql"
echo "  seeded in $((SECONDS - seed_start)) s"
report -f "$bench/sql/dataset.sql" | tee "$results/dataset.txt"

# ---------------------------------------------------------------------------------------------
log "Start the service and the baseline, with auto_explain on for the first calls"
# auto_explain logs EXPLAIN (ANALYZE, BUFFERS) of every statement exactly as a client sent it, with
# its parameters: the plans the service's queries really get. Only connections opened from now on
# load it, hence the second start of the service. It is switched off again before the load.
q -d postgres -c "LOAD 'auto_explain'" -c "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'" \
  -c "ALTER SYSTEM SET auto_explain.log_min_duration = 0" -c "ALTER SYSTEM SET auto_explain.log_analyze = on" \
  -c "ALTER SYSTEM SET auto_explain.log_buffers = on" -c "SELECT pg_reload_conf()" >/dev/null
# The comparison with the baseline runs the service as an API node of a deployment whose worker nodes deliver
# (Outbox:Deliver=false): both sides then do the same work per POST, its outbox messages stored with the
# request, none sent. Delivery has its own measurement (step 8), on a service that delivers while it serves.
start_service "$results/service.log" false
start_baseline "$results/baseline.log"
echo "service pid $service_pid (under dotnet run $service_run_pid), baseline pid $baseline_pid"

# ---------------------------------------------------------------------------------------------
log "Smoke test of every call on both servers, their answers compared, and the plans of the list queries"
plans=$results/plans.txt
baseline_plans=$results/plans-baseline.txt
: >"$plans"
: >"$baseline_plans"
sample_id=$((rows / 2))
unrecorded=1   # calls made before the recorded one (call's comment)
call() {  # call LABEL PORT PATH [curl args...]: must answer 200; prints the number of requests returned
  local label=$1 port=$2 path=$3 offset status count i
  shift 3
  # Unrecorded first: a new backend's first PostGIS call and EF's first query compilation are not the plan's cost.
  # For the baseline's queries 7 times, so that the recorded call runs a prepared statement after 6 executions on that
  # connection, when PostgreSQL may have switched it to a generic plan (auto_explain then shows $n in its conditions).
  for ((i = 0; i < unrecorded; i++)); do curl -sS -o /dev/null "$@" "http://127.0.0.1:$port$path"; done
  offset=$(stat -c %s "$pg_log")
  status=$(curl -sS -o "$results/smoke-$label.json" -w '%{http_code}' "$@" "http://127.0.0.1:$port$path")
  [ "$status" = 200 ] || [ "$status" = 201 ] || { cat "$results/smoke-$label.json" >&2; die "$label: HTTP $status for $path"; }
  count=$(grep -o '"service_request_id"\|"service_code"' "$results/smoke-$label.json" | sort | uniq -c | sort -rn | awk 'NR == 1 {print $1}') || true  # none: a statistics answer
  printf '  %-28s %s  -> %s items\n' "$label" "$path" "${count:-0}"
  sleep 0.3   # auto_explain writes the plan before the result goes out; leave the log a moment anyway
  {
    printf '=== %s: %s %s (%s items)\n\n' "$label" "$([[ " $* " == *" --data "* ]] && echo POST || echo GET)" "$path" "${count:-0}"
    tail -c +$((offset + 1)) "$pg_log" | awk '
      function flush() { if (inplan && buf ~ /service_requests/) printf "%s\n", buf; inplan = 0; buf = "" }
      / LOG:  duration: [0-9.]+ ms  plan:/ { flush(); inplan = 1; buf = $0 "\n"; next }
      inplan && /^\t/ { buf = buf $0 "\n"; next }
      { flush() }
      END { flush() }'
  } >>"$([[ $label == baseline-* ]] && echo "$baseline_plans" || echo "$plans")"
}
radius_path="/open311/v2/requests.json?lat=$centre_lat&long=$centre_long&radius=500&status=open"
bbox_path="/open311/v2/requests.json?bbox=25.14,35.335,25.15,35.342&status=open"
post_args=(--data "api_key=$api_key&service_code=$post_service&lat=$centre_lat&long=$centre_long&description=smoke+test")
# Every GET on both before any POST, so that both answer over the same rows.
for target in service baseline; do
  port=$([ "$target" = service ] && echo "$api_port" || echo "$baseline_port")
  unrecorded=$([ "$target" = service ] && echo 1 || echo 7)
  call "$target-services" "$port" /open311/v2/services.json
  call "$target-definition" "$port" "/open311/v2/services/$definition_code.json"
  call "$target-by-id" "$port" "/open311/v2/requests/$sample_id.json"
  call "$target-filtered" "$port" "/open311/v2/requests.json?service_code=${codes%%,*}&status=open"
  call "$target-radius" "$port" "$radius_path"
done
unrecorded=1
for target in service baseline; do
  call "$target-post" "$([ "$target" = service ] && echo "$api_port" || echo "$baseline_port")" /open311/v2/requests.json "${post_args[@]}"
done
# The baseline must answer as the service does: the same fields, the same requests in the same order.
"$system_python" "$bench/compare-answers.py" "$results" services definition by-id filtered radius post \
  || die "the baseline does not answer as the service does (above); fix bench/Baseline before measuring"
# ... and store what the service stores for a submission.
submitted_id() { sed -n 's/.*"service_request_id":"\([0-9]*\)".*/\1/p' "$results/smoke-$1-post.json"; }
report -x -v service_id="$(submitted_id service)" -v baseline_id="$(submitted_id baseline)" -f "$bench/sql/compare-submissions.sql" \
  | tee "$results/submissions.txt" | sed 's/^/  /'
! grep -q DIFFERENT "$results/submissions.txt" || die "the baseline's submission stores other rows than the service's (above)"
# Which plan each prepared statement of the baseline ran after its 6 executions, and what a generic plan would cost.
"$system_python" "$bench/plan-kinds.py" "$baseline_plans" | tee -a "$baseline_plans"
report -v jurisdiction="$jurisdiction" -v lat="$centre_lat" -v long="$centre_long" -v code="${codes%%,*}" \
  -f "$bench/sql/baseline-plans.sql" >>"$baseline_plans" 2>&1
# Two more list queries of the service that the load does not drive, for the plans only.
call service-default-list "$api_port" /open311/v2/requests.json
call service-bbox "$api_port" "$bbox_path"
if [ "$statistics" = 1 ]; then
  # The statistics calls as the admin of the demo (DemoStaff.Password); the token outlives the run.
  token=$(curl -sS -H 'Content-Type: application/json' -d '{"username":"admin","password":"open311-demo"}' \
    "http://127.0.0.1:$api_port/admin/auth/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || die "could not sign in as the demo admin"
  stats_path() {  # stats_path ENDPOINT: the URL path of a statistics call (periods end now, as the dashboard asks)
    case $1 in
      stats_department) echo "/admin/statistics?group_by=department" ;;
      stats_category_90d) echo "/admin/statistics?group_by=category&from=$(date -u -d '90 days ago' +%Y-%m-%dT%H:%M:%SZ)" ;;
      series_day_90d) echo "/admin/statistics/series?interval=day&from=$(date -u -d '90 days ago' +%Y-%m-%dT%H:%M:%SZ)" ;;
      series_month_2y) echo "/admin/statistics/series?interval=month&from=$(date -u -d '730 days ago' +%Y-%m-%dT%H:%M:%SZ)" ;;
      summary) echo "/admin/statistics/summary" ;;
      # Search (q): a word in about one request in six (every match ranked), Greeklish, and Open311's q.
      search_common) echo "/admin/requests?q=%CF%83%CF%87%CE%BF%CE%BB%CE%B5%CE%B9%CE%BF" ;;
      search_greeklish) echo "/admin/requests?q=lampa" ;;
      search_open311) echo "/open311/v2/requests.json?q=lampa" ;;
    esac
  }
  stats_endpoints=(stats_department stats_category_90d series_day_90d series_month_2y summary search_common search_greeklish search_open311)
  for endpoint in "${stats_endpoints[@]}"; do
    call "service-$endpoint" "$api_port" "$(stats_path "$endpoint")" -H "Authorization: Bearer $token"
  done
  # The duplicate check at intake (a phone pothole at the centre, 201): its plan is the one on ix_requests_location_open.
  call service-duplicate_check "$api_port" /admin/requests -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data "{\"service_code\":\"005\",\"channel\":\"phone\",\"lat\":$centre_lat,\"long\":$centre_long,\"attributes\":{\"size\":\"small\"}}"
fi
q -d postgres -c "ALTER SYSTEM RESET ALL" -c "SELECT pg_reload_conf()" >/dev/null
# The lines of the plans that say where each query reads its rows from and what that costs.
grep -E '^=== |LOG:  duration|Scan|Index Cond|Rows Removed|Sort Method' "$plans" | sed -E 's/\(cost=[^)]*\) //; s/^\t//' \
  >"$results/plans-summary.txt"
grep -E '^=== |LOG:  duration|Scan|Index Cond|Execution Time|plan summary' "$baseline_plans" | sed -E 's/\(cost=[^)]*\) //; s/^\t//' \
  >"$results/plans-baseline-summary.txt"

# ---------------------------------------------------------------------------------------------
log "Load: wrk -t1 -c$connections -d$duration --latency, one $warmup warm-up, $rounds rounds, service and baseline alternating"
# POST last: it adds rows that the list queries would then read.
wrk_args() {  # wrk_args ENDPOINT: script, URL path, script arguments
  case $1 in
    services) echo "services.lua /open311/v2/services.json" ;;
    by_id) echo "request_by_id.lua / $rows" ;;
    filtered) echo "list_filtered.lua / $codes" ;;
    radius) echo "list_radius.lua / $centre_lat $centre_long $query_km" ;;
    post) echo "post_request.lua / $api_key $post_service $centre_lat $centre_long $query_km" ;;
    # A polling app: the same URL with the validators of its last full answer (the service answers 304; the baseline has none).
    poll_services) echo "conditional.lua / /open311/v2/services.json" ;;
    poll_definition) echo "conditional.lua / /open311/v2/services/$definition_code.json" ;;
    poll_by_id) echo "conditional.lua / /open311/v2/requests/$sample_id.json" ;;
    poll_list) echo "conditional.lua / /open311/v2/requests.json?service_code=${codes%%,*}&status=open" ;;
    *) echo "authorized.lua / $token $(stats_path "$1")" ;;
  esac
}
runs=$results/runs.tsv
printf 'endpoint\ttarget\tround\trps\tp50_ms\tp99_ms\trequests\tnon2xx\tsocket_errors\tserver_cpu_us\tpg_cpu_us\tother_cpu_pct\tnot_modified\n' >"$runs"

measure() {  # measure ENDPOINT TARGET ROUND DURATION  (ROUND 0 = warm-up, not recorded)
  local endpoint=$1 target=$2 round=$3 run_duration=$4 port pid script path out t0 s0 p0 c0 s1 p1 c1 t1 result wrk_times wrk_ticks
  local -a args
  read -r script path args_line <<<"$(wrk_args "$endpoint")"
  read -r -a args <<<"${args_line:-}"
  if [ "$target" = service ]; then port=$api_port pid=$service_pid; else port=$baseline_port pid=$baseline_pid; fi
  out=$results/wrk/$endpoint-$target-$round.txt
  kill -0 "$pid" 2>/dev/null || die "the $target (pid $pid) is gone: it exited or was stopped from outside" \
    "(note: a name-based kill such as 'pkill Open311.Api' aimed at another copy of the service also stops this one)"
  t0=$EPOCHREALTIME s0=$(proc_ticks "$pid") p0=$(pg_ticks) c0=$(busy_ticks)
  # `times` in the subshell gives the CPU time of its child, wrk itself.
  wrk_times=$(cd "$bench/wrk" && wrk -t1 -c"$connections" -d"$run_duration" --latency --timeout 30s \
    -s "$script" "http://127.0.0.1:$port$path" -- "${args[@]}" >"$out" 2>&1 && times) || {
    cat "$out" >&2
    kill -0 "$pid" 2>/dev/null || die "the $target (pid $pid) is gone: it exited or was stopped from outside during the run" \
      "(note: a name-based kill such as 'pkill Open311.Api' aimed at another copy of the service also stops this one)"
    die "wrk failed"
  }
  kill -0 "$pid" 2>/dev/null || die "the $target (pid $pid) is gone: it exited or was stopped from outside during the run" \
    "(note: a name-based kill such as 'pkill Open311.Api' aimed at another copy of the service also stops this one)"
  s1=$(proc_ticks "$pid") p1=$(pg_ticks) c1=$(busy_ticks) t1=$EPOCHREALTIME
  result=$(grep '^RESULT ' "$out") || { cat "$out" >&2; die "no RESULT line from wrk"; }
  # RESULT requests=N duration_s=S rps=R p50_ms=A p99_ms=B non2xx=C socket_errors=D [not_modified=E full=F]
  local not_modified='' full=''   # only conditional.lua counts 304s; empty for the other calls
  eval "local ${result#RESULT }"
  if ((non2xx > 0 || socket_errors > 0)); then
    echo "  WARNING: $endpoint on $target: $non2xx non-2xx responses, $socket_errors socket errors (see $out)" >&2
  fi
  printf '  %-15s %-8s %-7s %9.1f req/s  p50 %8.2f ms  p99 %8.2f ms%s\n' "$endpoint" "$target" \
    "$([ "$round" = 0 ] && echo warm-up || echo "run $round")" "$rps" "$p50_ms" "$p99_ms" "${not_modified:+  ($not_modified of $requests answered 304)}"
  [ "$round" = 0 ] && return 0
  wrk_ticks=$(tail -n 1 <<<"$wrk_times" | awk -v hz="$clk" '{ for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] } printf "%.0f", t * hz }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$endpoint" "$target" "$round" "$rps" "$p50_ms" "$p99_ms" \
    "$requests" "$non2xx" "$socket_errors" \
    "$(awk -v t=$((s1 - s0)) -v n="$requests" -v hz="$clk" 'BEGIN { printf "%.0f", n ? t / hz / n * 1e6 : 0 }')" \
    "$(awk -v t=$((p1 - p0)) -v n="$requests" -v hz="$clk" 'BEGIN { printf "%.0f", n ? t / hz / n * 1e6 : 0 }')" \
    "$(awk -v t=$((c1 - c0 - (s1 - s0) - (p1 - p0) - wrk_ticks)) -v d="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" -v hz="$clk" -v n="$(nproc)" \
        'BEGIN { printf "%.0f", (t > 0 ? t / (d * hz * n) * 100 : 0) }')" "$not_modified" >>"$runs"
}

for endpoint in "${endpoint_names[@]}"; do
  measure "$endpoint" service 0 "$warmup"
  measure "$endpoint" baseline 0 "$warmup"
  for ((round = 1; round <= rounds; round++)); do
    measure "$endpoint" service "$round" "$duration"
    measure "$endpoint" baseline "$round" "$duration"
  done
done

# ---------------------------------------------------------------------------------------------
# Statistics and exports, on the service alone (the baseline has no admin API): the statistics calls
# under the same wrk load as the rest, then each export downloaded once, timed, its rows counted, the
# service's resident memory read after each (the exports stream: it must not grow with the rows).
if [ "$statistics" = 1 ]; then
  log "Statistics: wrk on the service alone, one $warmup warm-up, $rounds rounds each"
  for endpoint in "${stats_endpoints[@]}"; do
    measure "$endpoint" service 0 "$warmup"
    for ((round = 1; round <= rounds; round++)); do
      measure "$endpoint" service "$round" "$duration"
    done
  done

  log "Exports: each downloaded once (after one unrecorded download of the smallest), rows per second"
  exports=$results/exports.tsv
  printf 'export\trows\tseconds\trows_per_s\tmegabytes\tservice_rss_mb_after\n' >"$exports"
  since_90d=$(date -u -d '90 days ago' +%Y-%m-%dT%H:%M:%SZ)
  export_download() {  # export_download LABEL PATH: one timed download, rows counted, the file removed
    local label=$1 path=$2 file=$results/export-$1 stat rows
    stat=$(curl -sS -o "$file" -w '%{http_code} %{time_total} %{size_download}' -H "Authorization: Bearer $token" "http://127.0.0.1:$api_port$path")
    [ "${stat%% *}" = 200 ] || { head -c 2000 "$file" >&2; die "export $label: HTTP ${stat%% *}"; }
    case $label in
      *geojson*) rows=$(grep -o '"type":"Feature",' "$file" | wc -l) ;;
      *) rows=$(($(wc -l <"$file") - 1)) ;;
    esac
    rm -f "$file"
    read -r _ seconds bytes <<<"$stat"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$rows" "$seconds" "$(awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')" \
      "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')" "$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$service_pid/status")" | tee -a "$exports"
  }
  curl -sS -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$api_port/admin/statistics/export.csv"
  export_download statistics-csv "/admin/statistics/export.csv?group_by=category&from=$since_90d"
  export_download requests-csv-90d "/admin/requests/export.csv?from=$since_90d"
  export_download requests-geojson-90d "/admin/requests/export.geojson?from=$since_90d"
  export_download requests-csv-all "/admin/requests/export.csv"
  export_download requests-geojson-all "/admin/requests/export.geojson"
fi

# ---------------------------------------------------------------------------------------------
# The outbox under the POST load: one more POST run on the service alone, every new request queuing a
# staff alert to its department's address, which the service's worker e-mails to the sink as it
# goes. Progress each second; then the backlog drains; the figures come from outbox_messages and
# outbox_attempts by SQL (bench/sql/outbox.sql).
outbox_counts() {  # outbox_counts AFTER_ID: made, delivered, pending, failed attempts of the messages after AFTER_ID
  q -F ' ' -c "SELECT count(*), count(*) FILTER (WHERE status = 'delivered'), count(*) FILTER (WHERE status = 'pending'),
                      (SELECT count(*) FROM outbox_attempts a WHERE a.message_id > $1 AND NOT a.succeeded)
               FROM outbox_messages WHERE id > $1"
}

outbox_progress() {  # outbox_progress AFTER_ID PHASE START_SECONDS: one line of progress
  local made delivered pending failed
  read -r made delivered pending failed <<<"$(outbox_counts "$1")"
  printf '  %-6s %4d s  messages %6d  delivered %6d  backlog %6d  failed attempts %d\n' "$2" $((SECONDS - $3)) "$made" "$delivered" "$pending" "$failed"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$2" $((SECONDS - $3)) "$made" "$delivered" "$pending" "$failed" >>"$results/outbox-progress.tsv"
  [ "$pending" = 0 ]
}

drain_outbox() {  # drain_outbox AFTER_ID PHASE: until no message after AFTER_ID is pending, or BENCH_DRAIN_LIMIT passes
  local start=$SECONDS
  until outbox_progress "$1" "$2" "$start"; do
    ((SECONDS - start < drain_limit)) || { echo "  WARNING: the outbox backlog did not drain within $drain_limit s" >&2; return 0; }
    sleep 1
  done
}

service_peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$service_pid/status")
baseline_peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$baseline_pid/status")
if [ "$outbox" = 1 ]; then
  # The baseline is done, and its pools' idle connections would count against PostgreSQL's max_connections.
  log "Outbox: the baseline stopped; the service restarted as a node that delivers too"
  stop_pid "$baseline_pid"
  baseline_pid=''
  stop_service
  start_service "$results/service-outbox.log" true
  log "Outbox: POST load on the service for $duration, staff alerts by e-mail ($email_transport), then the backlog drained"
  printf 'phase\tseconds\tmessages\tdelivered\tbacklog\tfailed_attempts\n' >"$results/outbox-progress.tsv"
  echo "  departments with an address and new-request alerts on: $(q -c "SELECT count(*) FROM departments
        WHERE jurisdiction_id = '$jurisdiction' AND email <> '' AND 'new_request' = ANY (alerts)")"
  # What earlier POST runs left is not this run's.
  drain_outbox 0 before
  before=$(q -c "SELECT coalesce(max(id), 0) FROM outbox_messages")
  read -r script path args_line <<<"$(wrk_args post)"
  read -r -a args <<<"$args_line"
  kill -0 "$service_pid" 2>/dev/null || die "the service (pid $service_pid) is gone: it exited or was stopped from outside"
  load_start=$(q -c "SELECT clock_timestamp()")
  (start=$SECONDS; while :; do sleep 1; outbox_progress "$before" load "$start" || true; done) &
  sampler_pid=$!
  (cd "$bench/wrk" && wrk -t1 -c"$connections" -d"$duration" --latency --timeout 30s \
    -s "$script" "http://127.0.0.1:$api_port$path" -- "${args[@]}" >"$results/wrk/outbox-post.txt" 2>&1) || {
    cat "$results/wrk/outbox-post.txt" >&2
    die "wrk failed"
  }
  load_end=$(q -c "SELECT clock_timestamp()")
  stop_pid "$sampler_pid"
  sampler_pid=''
  grep '^RESULT ' "$results/wrk/outbox-post.txt" | sed 's/^RESULT /  POST: /'
  drain_outbox "$before" drain
  {
    echo "e-mail: $email_transport (staff alerts to each new request's department)"
    echo "POST $(grep '^RESULT ' "$results/wrk/outbox-post.txt" | sed 's/^RESULT //')"
    report -v before="$before" -v load_start="$load_start" -v load_end="$load_end" -f "$bench/sql/outbox.sql"
    if [ "$email_transport" = smtp ]; then
      echo "SMTP sink: $(grep -c -- '---------- MESSAGE FOLLOWS ----------' "$results/smtp.log") messages accepted over the whole run"
    fi
  } | tee "$results/outbox.txt"
fi

# Peak resident memory over the whole run (VmHWM), before the servers stop.
{
  # The larger of the two service processes' (the comparison's, and the outbox step's when it ran).
  echo "service_vmhwm_kb $(awk -v before="$service_peak_kb" '/VmHWM/ {print ($2 > before ? $2 : before)}' "/proc/$service_pid/status")"
  echo "baseline_vmhwm_kb $baseline_peak_kb"
} >"$results/memory.txt"

# ---------------------------------------------------------------------------------------------
log "Summary (medians of $rounds runs; range of req/s in brackets)"
"$bench/summary.sh" "$results" | tee "$results/summary.md"

log "Done: bench/results/ (summary.md, runs.tsv, plans.txt, plans-summary.txt, dataset.txt, wrk/)"
