#!/usr/bin/env bash
# The results table of a benchmark run, from the files bench/run.sh leaves in its results folder:
# medians over the measured rounds (range of req/s in brackets), service/baseline ratio, CPU per
# request, peak RSS.   Usage: bench/summary.sh [bench/results]
set -euo pipefail
results=${1:-$(cd "$(dirname "$0")" && pwd)/results}
runs=$results/runs.tsv

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_of() {  # column_of ENDPOINT TARGET FIELD: that field of every recorded run
  awk -F'\t' -v e="$1" -v t="$2" -v f="$3" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == f) c = i; next } $1 == e && $2 == t { print $c }' "$runs"
}
declare -A title=(
  [services]="GET services.json"
  [by_id]="GET requests/{id}.json"
  [filtered]="GET requests.json, one service_code, open, 90 days"
  [radius]="GET requests.json, radius 500 m, open, 90 days"
  [post]="POST requests.json (form, api_key)"
)

cat "$results/environment.txt"
echo
echo "| endpoint | service req/s | baseline req/s | service/baseline req/s | service p50 / p99 ms | baseline p50 / p99 ms | server CPU µs/req service / baseline | PostgreSQL CPU µs/req service / baseline |"
echo "|---|--:|--:|--:|--:|--:|--:|--:|"
for endpoint in services by_id filtered radius post; do
  [ -n "$(column_of "$endpoint" service rps)" ] || continue   # not measured in this run (BENCH_ENDPOINTS)
  declare -A m=()
  for target in service baseline; do
    for field in rps p50_ms p99_ms server_cpu_us pg_cpu_us; do
      m[$target.$field]=$(column_of "$endpoint" "$target" "$field" | median)
    done
    m[$target.range]=$(column_of "$endpoint" "$target" rps | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f–%.0f", lo, hi }')
  done
  awk -v title="${title[$endpoint]}" \
    -v sr="${m[service.rps]}" -v br="${m[baseline.rps]}" -v srange="${m[service.range]}" -v brange="${m[baseline.range]}" \
    -v s50="${m[service.p50_ms]}" -v s99="${m[service.p99_ms]}" -v b50="${m[baseline.p50_ms]}" -v b99="${m[baseline.p99_ms]}" \
    -v scpu="${m[service.server_cpu_us]}" -v bcpu="${m[baseline.server_cpu_us]}" \
    -v spg="${m[service.pg_cpu_us]}" -v bpg="${m[baseline.pg_cpu_us]}" 'BEGIN {
      printf "| %s | %.0f [%s] | %.0f [%s] | %.2f | %.1f / %.1f | %.1f / %.1f | %.0f / %.0f | %.0f / %.0f |\n",
        title, sr, srange, br, brange, (br > 0 ? sr / br : 0), s50, s99, b50, b99, scpu, bcpu, spg, bpg }'
  unset m
done
declare -A stats_title=(
  [stats_department]="GET /admin/statistics, by department, 30 days"
  [stats_category_90d]="GET /admin/statistics, by category, 90 days"
  [series_day_90d]="GET /admin/statistics/series, per day, 90 days"
  [series_month_2y]="GET /admin/statistics/series, per month, 2 years"
  [summary]="GET /admin/statistics/summary"
)
if [ -n "$(column_of summary service rps)" ]; then
  echo
  echo "Statistics (service alone: the baseline has no admin API):"
  echo
  echo "| call | req/s | p50 / p99 ms | server CPU µs/req | PostgreSQL CPU µs/req |"
  echo "|---|--:|--:|--:|--:|"
  for endpoint in stats_department stats_category_90d series_day_90d series_month_2y summary; do
    [ -n "$(column_of "$endpoint" service rps)" ] || continue
    printf '| %s | %.1f | %.1f / %.1f | %.0f | %.0f |\n' "${stats_title[$endpoint]}" \
      "$(column_of "$endpoint" service rps | median)" "$(column_of "$endpoint" service p50_ms | median)" "$(column_of "$endpoint" service p99_ms | median)" \
      "$(column_of "$endpoint" service server_cpu_us | median)" "$(column_of "$endpoint" service pg_cpu_us | median)"
  done
fi
if [ -f "$results/exports.tsv" ]; then
  echo
  echo "| export (one download each) | rows | seconds | rows/s | MB | service RSS after, MB |"
  echo "|---|--:|--:|--:|--:|--:|"
  awk -F'\t' 'NR > 1 { printf "| %s | %d | %.2f | %d | %.1f | %d |\n", $1, $2, $3, $4, $5, $6 }' "$results/exports.tsv"
fi
echo
if [ -f "$results/memory.txt" ]; then
  awk '{ kb[$1] = $2 } END { printf "Peak RSS (VmHWM): service %.0f MB, baseline %.0f MB\n", kb["service_vmhwm_kb"] / 1024, kb["baseline_vmhwm_kb"] / 1024 }' \
    "$results/memory.txt"
fi
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "other_cpu_pct") c = i; next }
  c { n++; sum += $c; if ($c > max) max = $c }
  END { if (n) printf "CPU taken by other processes (not the server, PostgreSQL or wrk) during the measured runs: mean %.0f%%, max %.0f%% of the machine\n", sum / n, max }' "$runs"
if [ -f "$results/outbox.txt" ]; then
  # RESULT messages=N delivered=N ... from bench/sql/outbox.sql; POST requests=N ... rps=R from wrk.
  awk '$1 == "POST" { for (i = 2; i <= NF; i++) { split($i, kv, "="); post[kv[1]] = kv[2] } }
       $1 == "RESULT" { for (i = 2; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] } }
       $1 == "e-mail:" { transport = $2 }
       END {
         printf "\nOutbox under the POST load (%s, staff alerts by e-mail, %s): %.0f POST/s; %d messages, %d delivered (%d failed attempts); ",
           post["duration_s"] "s", transport, post["rps"], r["messages"], r["delivered"], r["failed_attempts"]
         printf "%.1f delivered/s during the load, %.1f/s overall; change to first attempt p50 %.1f ms, p99 %.1f ms (max %.1f); ",
           r["delivered_per_s_load"], r["delivered_per_s"], r["lag_p50_ms"], r["lag_p99_ms"], r["lag_max_ms"]
         printf "backlog at the end of the load %d, drained %.1f s after it\n", r["backlog_at_load_end"], r["drain_s"]
       }' "$results/outbox.txt"
fi
if awk -F'\t' 'NR > 1 && ($8 > 0 || $9 > 0) { bad = 1 } END { exit !bad }' "$runs"; then
  echo "WARNING: some runs had non-2xx responses or socket errors: see runs.tsv"
fi
