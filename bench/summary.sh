#!/usr/bin/env bash
# The results table of a benchmark run, from the files bench/run.sh leaves in its results folder:
# medians over the measured rounds (range of req/s in brackets), service/baseline ratio, CPU per
# request, p99 and its ratio, peak RSS, each beside its target (issue 10 part 4).   Usage: bench/summary.sh [bench/results]
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
  [poll_services]="poll GET services.json"
  [poll_definition]="poll GET services/{code}.json"
  [poll_by_id]="poll GET requests/{id}.json"
  [poll_list]="poll GET requests.json, one service_code, open"
)
# The aims of issue 10 part 4, as ratios in one run: req/s service/baseline at least this much (polling: the service's
# 304 must cost less than the baseline's full answer, so more than 1, and less CPU per call on both sides together).
declare -A target=(
  [services]=0.8 [by_id]=0.8 [post]=0.8 [filtered]=0.7 [radius]=0.7
  [poll_services]=1 [poll_definition]=1 [poll_by_id]=1 [poll_list]=1
)
p99_target=1.5     # service p99 at most this many times the baseline's
peak_target_mb=400 # the service's peak RSS

cat "$results/environment.txt"
echo
echo "Targets beside each figure: req/s ratio ≥ 0.8 (services, by id, POST), ≥ 0.7 (lists, radius); p99 ≤ $p99_target× the baseline's;"
echo "polling: the service's conditional GET (304 once it has the validators) cheaper than the baseline's full 200 of the same call."
echo
echo "| endpoint | service req/s | baseline req/s | **service / baseline** (target) | service p50 / p99 ms | baseline p50 / p99 ms | p99 service / baseline (target ≤ $p99_target) | server CPU µs/req service / baseline | PostgreSQL CPU µs/req service / baseline |"
echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|"
polls_without_304=''
for endpoint in services by_id filtered radius poll_services poll_definition poll_by_id poll_list post; do
  [ -n "$(column_of "$endpoint" service rps)" ] || continue   # not measured in this run (BENCH_ENDPOINTS)
  declare -A m=()
  for t in service baseline; do
    for field in rps p50_ms p99_ms server_cpu_us pg_cpu_us; do
      m[$t.$field]=$(column_of "$endpoint" "$t" "$field" | median)
    done
    m[$t.range]=$(column_of "$endpoint" "$t" rps | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f–%.0f", lo, hi }')
  done
  label=${title[$endpoint]}
  if [[ $endpoint == poll_* ]]; then
    # 304s among the service's answers over its measured runs.
    read -r answered304 answered <<<"$(awk -F'\t' -v e="$endpoint" 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "not_modified") c = i; if ($i == "requests") r = i }; next }
      $1 == e && $2 == "service" { n += $c; all += $r } END { printf "%d %d", n, all }' "$runs")"
    label="$label: $answered304 of $answered service answers 304"
    [ "$answered304" -gt 0 ] || polls_without_304+=" $endpoint"
  fi
  awk -v title="$label" -v poll="$([[ $endpoint == poll_* ]] && echo 1 || echo 0)" -v aim="${target[$endpoint]}" -v p99aim="$p99_target" \
    -v sr="${m[service.rps]}" -v br="${m[baseline.rps]}" -v srange="${m[service.range]}" -v brange="${m[baseline.range]}" \
    -v s50="${m[service.p50_ms]}" -v s99="${m[service.p99_ms]}" -v b50="${m[baseline.p50_ms]}" -v b99="${m[baseline.p99_ms]}" \
    -v scpu="${m[service.server_cpu_us]}" -v bcpu="${m[baseline.server_cpu_us]}" \
    -v spg="${m[service.pg_cpu_us]}" -v bpg="${m[baseline.pg_cpu_us]}" 'BEGIN {
      ratio = br > 0 ? sr / br : 0
      p99ratio = b99 > 0 ? s99 / b99 : 0
      if (poll) {
        met = ratio > aim && scpu + spg < bcpu + bpg
        aimtext = "> 1 and less CPU"
      } else {
        met = ratio >= aim
        aimtext = "≥ " aim
      }
      printf "| %s | %.0f [%s] | %.0f [%s] | **%.2f** (%s: %s) | %.1f / %.1f | %.1f / %.1f | %.2f (%s) | %.0f / %.0f | %.0f / %.0f |\n",
        title, sr, srange, br, brange, ratio, aimtext, (met ? "met" : "NOT met"), s50, s99, b50, b99,
        p99ratio, (p99ratio <= p99aim ? "met" : "NOT met"), scpu, bcpu, spg, bpg }'
  unset m
done
if [ -n "$polls_without_304" ]; then
  echo
  echo "Polling:$polls_without_304: 0 responses were 304 (this build of the service sends no ETag/Last-Modified, or ignores"
  echo "If-None-Match): those rows compare the service's full answer with the baseline's, not a 304."
fi
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
  awk -v aim="$peak_target_mb" '{ kb[$1] = $2 } END { mb = kb["service_vmhwm_kb"] / 1024
      printf "Peak RSS (VmHWM) over the whole run: **service %.0f MB** (target ≤ %d MB: %s), baseline %.0f MB\n", mb, aim, (mb <= aim ? "met" : "NOT met"), kb["baseline_vmhwm_kb"] / 1024 }' \
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
