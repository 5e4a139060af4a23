#!/usr/bin/env bash
# Load benchmark: the GeoReport v2 service against a hand-written Kestrel + Npgsql baseline, on
# 1,000,000 seeded requests in a private PostgreSQL + PostGIS cluster. See bench/README.md.
#
#   bench/run.sh                      about 15 minutes on 2 cores; figures in bench/results/summary.md
#
# Settings (environment, all optional):
#   BENCH_ROWS=1000000        requests to seed (over two years; ~12% of them in the last 90 days)
#   BENCH_DURATION=15s        each measured wrk run
#   BENCH_WARMUP=5s           the one warm-up run per endpoint and server
#   BENCH_ROUNDS=3            measured runs per endpoint and server (median and range are reported)
#   BENCH_CONNECTIONS=32      wrk connections (one wrk thread)
#   BENCH_EVENTS=0            1: also seed one request_events row per request
#   BENCH_PG_PORT=54399  BENCH_API_PORT=5091  BENCH_BASELINE_PORT=5092
#
# Runs as root (PostgreSQL then runs as the postgres OS user; wrk and curl are installed with apt
# if missing) or as a user who can run PostgreSQL. Everything it starts is stopped when it ends.
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
service_run_pid='' service_pid='' baseline_pid='' pg_started=''

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
  stop_service
  stop_pid "$baseline_pid"
  if [ -n "$pg_started" ]; then
    q -d postgres -c "ALTER SYSTEM RESET ALL" 2>/dev/null
    "$root/build/postgres.sh" stop "$pg_dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

children() {  # children PID: the processes whose parent is PID
  local stat
  for stat in /proc/[0-9]*/stat; do
    [ "$(sed -E 's/.*\) \S+ ([0-9]+) .*/\1/' "$stat" 2>/dev/null)" = "$1" ] && basename "$(dirname "$stat")"
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

start_service() {  # start_service LOGFILE: the real service, Release, as `dotnet run` runs it
  ConnectionStrings__Open311="$connection;Application Name=open311-service" \
  ASPNETCORE_ENVIRONMENT=Benchmark Open311__LoadDemoData=true \
    dotnet run --project "$root/src/Open311.Api" -c Release --no-launch-profile --no-build --artifacts-path "$artifacts" \
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
  local f
  read -r -a f < <(sed 's/.*) //' "/proc/$1/stat")
  echo $((f[11] + f[12]))
}

# ... and of the whole PostgreSQL cluster: the postmaster, its live backends, and the exited ones it reaped.
pg_ticks() {
  local master f total child
  master=$(head -n 1 "$pg_dir/postmaster.pid")
  read -r -a f < <(sed 's/.*) //' "/proc/$master/stat")
  total=$((f[11] + f[12] + f[13] + f[14]))
  for child in $(children "$master"); do
    total=$((total + $(proc_ticks "$child" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# ---------------------------------------------------------------------------------------------
log "Prerequisites: PostGIS, wrk, curl"
# build/postgres.sh installs PostGIS with apt when it is missing; wrk and curl likewise here.
"$root/build/postgres.sh" install
for tool in wrk curl psql; do
  command -v "$tool" >/dev/null && continue
  [ "$(id -u)" = 0 ] || die "$tool is missing: apt-get install $tool"
  package=$tool; [ "$tool" = psql ] && package=postgresql-client
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
done
command -v dotnet >/dev/null || die "the .NET SDK is missing (see global.json)"
for port in "$api_port" "$baseline_port"; do
  ! port_busy "$port" || die "port $port is in use: set BENCH_API_PORT / BENCH_BASELINE_PORT"
done

rm -rf "$results"
mkdir -p "$results/wrk" "$data"
{
  echo "date: $(date -u +%FT%TZ)"
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' + uncommitted changes')"
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
log "Build (Release) of the service and of bench/Baseline into bench/.data/artifacts"
dotnet build "$root/src/Open311.Api" -c Release --artifacts-path "$artifacts" -nologo -v q
dotnet build "$bench/Baseline" -c Release --artifacts-path "$artifacts" -nologo -v q

# ---------------------------------------------------------------------------------------------
log "Schema and demo catalogue: the service's own start-up (migrations + Open311__LoadDemoData)"
start_service "$results/service-first-start.log"
stop_service
jurisdiction=$(q -c "SELECT id FROM jurisdictions ORDER BY id LIMIT 1")
codes=$(q -c "SELECT string_agg(code, ',' ORDER BY code) FROM service_categories
              WHERE jurisdiction_id = '$jurisdiction' AND is_public AND active")
echo "jurisdiction $jurisdiction, public services $codes"

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
start_service "$results/service.log"
start_baseline "$results/baseline.log"
echo "service pid $service_pid (under dotnet run $service_run_pid), baseline pid $baseline_pid"

# ---------------------------------------------------------------------------------------------
log "Smoke test of every call on both servers, and the plans of the list queries"
plans=$results/plans.txt
: >"$plans"
sample_id=$((rows / 2))
call() {  # call LABEL PORT PATH [curl args...]: must answer 200; prints the number of requests returned
  local label=$1 port=$2 path=$3 offset status count
  shift 3
  offset=$(stat -c %s "$pg_log")
  status=$(curl -sS -o "$results/smoke-$label.json" -w '%{http_code}' "$@" "http://127.0.0.1:$port$path")
  [ "$status" = 200 ] || { cat "$results/smoke-$label.json" >&2; die "$label: HTTP $status for $path"; }
  count=$(grep -o '"service_request_id"\|"service_code"' "$results/smoke-$label.json" | sort | uniq -c | sort -rn | awk 'NR == 1 {print $1}')
  printf '  %-28s %s  -> %s items\n' "$label" "$path" "${count:-0}"
  sleep 0.3   # auto_explain writes the plan before the result goes out; leave the log a moment anyway
  {
    printf '=== %s: %s %s (%s items)\n\n' "$label" "$([ $# -gt 0 ] && echo POST || echo GET)" "$path" "${count:-0}"
    tail -c +$((offset + 1)) "$pg_log" | awk '
      function flush() { if (inplan && buf ~ /service_requests/) printf "%s\n", buf; inplan = 0; buf = "" }
      / LOG:  duration: [0-9.]+ ms  plan:/ { flush(); inplan = 1; buf = $0 "\n"; next }
      inplan && /^\t/ { buf = buf $0 "\n"; next }
      { flush() }
      END { flush() }'
  } >>"$plans"
}
radius_path="/open311/v2/requests.json?lat=$centre_lat&long=$centre_long&radius=500&status=open"
bbox_path="/open311/v2/requests.json?bbox=25.14,35.335,25.15,35.342&status=open"
post_args=(--data "api_key=$api_key&service_code=$post_service&lat=$centre_lat&long=$centre_long&description=smoke+test")
for target in service baseline; do
  port=$([ "$target" = service ] && echo "$api_port" || echo "$baseline_port")
  call "$target-services" "$port" /open311/v2/services.json
  call "$target-by-id" "$port" "/open311/v2/requests/$sample_id.json"
  call "$target-filtered" "$port" "/open311/v2/requests.json?service_code=${codes%%,*}&status=open"
  call "$target-radius" "$port" "$radius_path"
  call "$target-post" "$port" /open311/v2/requests.json "${post_args[@]}"
done
# Two more list queries of the service that the load does not drive, for the plans only.
call service-default-list "$api_port" /open311/v2/requests.json
call service-bbox "$api_port" "$bbox_path"
q -d postgres -c "ALTER SYSTEM RESET ALL" -c "SELECT pg_reload_conf()" >/dev/null
# The lines of the plans that say where each query reads its rows from and what that costs.
grep -E '^=== |LOG:  duration|Scan|Rows Removed|Execution|Sort Method' "$plans" | sed -E 's/\(cost=[^)]*\) //; s/^\t//' \
  >"$results/plans-summary.txt"

# ---------------------------------------------------------------------------------------------
log "Load: wrk -t1 -c$connections -d$duration --latency, one $warmup warm-up, $rounds rounds, service and baseline alternating"
# POST last: it adds rows that the list queries would then read.
endpoint_names=(services by_id filtered radius post)
declare -A endpoint_title=(
  [services]="GET services.json"
  [by_id]="GET requests/{id}.json"
  [filtered]="GET requests.json, one service_code, open, 90 days"
  [radius]="GET requests.json, radius 500 m, open, 90 days"
  [post]="POST requests.json (form, api_key)"
)
wrk_args() {  # wrk_args ENDPOINT: script, URL path, script arguments
  case $1 in
    services) echo "services.lua /open311/v2/services.json" ;;
    by_id) echo "request_by_id.lua / $rows" ;;
    filtered) echo "list_filtered.lua / $codes" ;;
    radius) echo "list_radius.lua / $centre_lat $centre_long $query_km" ;;
    post) echo "post_request.lua / $api_key $post_service $centre_lat $centre_long $query_km" ;;
  esac
}
runs=$results/runs.tsv
printf 'endpoint\ttarget\tround\trps\tp50_ms\tp99_ms\trequests\tnon2xx\tsocket_errors\tserver_cpu_us\tpg_cpu_us\n' >"$runs"

measure() {  # measure ENDPOINT TARGET ROUND DURATION  (ROUND 0 = warm-up, not recorded)
  local endpoint=$1 target=$2 round=$3 run_duration=$4 port pid script path out s0 p0 s1 p1 result
  local -a args
  read -r script path args_line <<<"$(wrk_args "$endpoint")"
  read -r -a args <<<"${args_line:-}"
  if [ "$target" = service ]; then port=$api_port pid=$service_pid; else port=$baseline_port pid=$baseline_pid; fi
  out=$results/wrk/$endpoint-$target-$round.txt
  s0=$(proc_ticks "$pid") p0=$(pg_ticks)
  (cd "$bench/wrk" && wrk -t1 -c"$connections" -d"$run_duration" --latency --timeout 30s \
    -s "$script" "http://127.0.0.1:$port$path" -- "${args[@]}") >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
  s1=$(proc_ticks "$pid") p1=$(pg_ticks)
  result=$(grep '^RESULT ' "$out") || { cat "$out" >&2; die "no RESULT line from wrk"; }
  # RESULT requests=N duration_s=S rps=R p50_ms=A p99_ms=B non2xx=C socket_errors=D
  eval "local ${result#RESULT }"
  if ((non2xx > 0 || socket_errors > 0)); then
    echo "  WARNING: $endpoint on $target: $non2xx non-2xx responses, $socket_errors socket errors (see $out)" >&2
  fi
  printf '  %-9s %-8s %-7s %9.1f req/s  p50 %8.2f ms  p99 %8.2f ms\n' "$endpoint" "$target" \
    "$([ "$round" = 0 ] && echo warm-up || echo "run $round")" "$rps" "$p50_ms" "$p99_ms"
  [ "$round" = 0 ] && return 0
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$endpoint" "$target" "$round" "$rps" "$p50_ms" "$p99_ms" \
    "$requests" "$non2xx" "$socket_errors" \
    "$(awk -v t=$((s1 - s0)) -v n="$requests" -v hz="$clk" 'BEGIN { printf "%.0f", n ? t / hz / n * 1e6 : 0 }')" \
    "$(awk -v t=$((p1 - p0)) -v n="$requests" -v hz="$clk" 'BEGIN { printf "%.0f", n ? t / hz / n * 1e6 : 0 }')" >>"$runs"
}

for endpoint in "${endpoint_names[@]}"; do
  measure "$endpoint" service 0 "$warmup"
  measure "$endpoint" baseline 0 "$warmup"
  for ((round = 1; round <= rounds; round++)); do
    measure "$endpoint" service "$round" "$duration"
    measure "$endpoint" baseline "$round" "$duration"
  done
done

# Peak resident memory over the whole run (VmHWM), before the servers stop.
service_hwm=$(awk '/VmHWM/ {print $2}' "/proc/$service_pid/status")
baseline_hwm=$(awk '/VmHWM/ {print $2}' "/proc/$baseline_pid/status")

# ---------------------------------------------------------------------------------------------
log "Summary (medians of $rounds runs; range of req/s in brackets)"
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_of() {  # column_of ENDPOINT TARGET FIELD: that field of every recorded run
  awk -F'\t' -v e="$1" -v t="$2" -v f="$3" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == f) c = i; next } $1 == e && $2 == t { print $c }' "$runs"
}
{
  cat "$results/environment.txt"
  echo
  echo "| endpoint | service req/s | baseline req/s | service/baseline req/s | service p50 / p99 ms | baseline p50 / p99 ms | server CPU µs/req service / baseline | PostgreSQL CPU µs/req service / baseline |"
  echo "|---|--:|--:|--:|--:|--:|--:|--:|"
  for endpoint in "${endpoint_names[@]}"; do
    declare -A m=()
    for target in service baseline; do
      for field in rps p50_ms p99_ms server_cpu_us pg_cpu_us; do
        m[$target.$field]=$(column_of "$endpoint" "$target" "$field" | median)
      done
      m[$target.range]=$(column_of "$endpoint" "$target" rps | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f–%.0f", lo, hi }')
    done
    awk -v title="${endpoint_title[$endpoint]}" \
      -v sr="${m[service.rps]}" -v br="${m[baseline.rps]}" -v srange="${m[service.range]}" -v brange="${m[baseline.range]}" \
      -v s50="${m[service.p50_ms]}" -v s99="${m[service.p99_ms]}" -v b50="${m[baseline.p50_ms]}" -v b99="${m[baseline.p99_ms]}" \
      -v scpu="${m[service.server_cpu_us]}" -v bcpu="${m[baseline.server_cpu_us]}" \
      -v spg="${m[service.pg_cpu_us]}" -v bpg="${m[baseline.pg_cpu_us]}" 'BEGIN {
        printf "| %s | %.0f [%s] | %.0f [%s] | %.2f | %.1f / %.1f | %.1f / %.1f | %.0f / %.0f | %.0f / %.0f |\n",
          title, sr, srange, br, brange, br > 0 ? sr / br : 0, s50, s99, b50, b99, scpu, bcpu, spg, bpg }'
    unset m
  done
  echo
  printf 'Peak RSS (VmHWM): service %.0f MB, baseline %.0f MB\n' "$(awk -v k="$service_hwm" 'BEGIN { print k / 1024 }')" \
    "$(awk -v k="$baseline_hwm" 'BEGIN { print k / 1024 }')"
  if awk -F'\t' 'NR > 1 && ($8 > 0 || $9 > 0) { bad = 1 } END { exit !bad }' "$runs"; then
    echo "WARNING: some runs had non-2xx responses or socket errors: see runs.tsv"
  fi
} | tee "$results/summary.md"

log "Done: bench/results/ (summary.md, runs.tsv, plans.txt, plans-summary.txt, dataset.txt, wrk/)"
