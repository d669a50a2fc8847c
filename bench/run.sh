#!/usr/bin/env bash
# The benchmark suite (docs/performance.md): measures `caseboard serve` on a synthetic agency with
# wrk on loopback, beside ceilings measured in the same run (RESTinio serving a fixed response, the
# database's raw point read), plus start-up time, peak memory, report times and database size, and
# prints one table. It prints figures and never fails on them. It builds nothing: point it at a
# build folder that holds caseboard and the bench tools (cmake ... -DCASEBOARD_BUILD_BENCH=ON).
#
#   bench/run.sh --build build [--clients 20000] [--db PATH] [--seed 1] [--duration 10]
#                [--connections 16] [--threads 4] [--as-of 2026-11-01T00:00:00Z] [--pg URL]
#
# Without --db the database is build/bench-data/synthetic-<clients>-<seed>.db, generated when
# missing. The load runs write to the database (sign-in sessions, notes, audit entries): reuse a
# database for comparable runs, or generate a fresh one for pristine figures.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build
clients=20000
seed=1
db=""
duration=10
connections=16
threads=4
as_of=2026-11-01T00:00:00Z
pg_url=""
while (($# > 0)); do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --as-of) as_of=$2; shift 2 ;;
    --pg) pg_url=$2; shift 2 ;;
    -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

for tool in caseboard caseboard-generate caseboard-fixed-response-server caseboard-db-point-read \
  caseboard-report-timing caseboard-bench-fixtures; do
  if [ ! -x "$build/$tool" ]; then
    echo "run.sh: $build/$tool is missing; build it first (ninja -C $build caseboard caseboard-generate ...)" >&2
    exit 2
  fi
done
# wrk, the load generator, from Debian, installed the way scripts/setup.sh installs packages.
if ! command -v wrk >/dev/null 2>&1; then
  echo "run.sh: installing wrk"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq wrk >/dev/null
fi

results="$build/bench-results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
  else
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
  fi
}
now_ns() { date +%s%N; }

# ---- the database ----
if [ -z "$db" ]; then
  mkdir -p "$build/bench-data"
  db="$build/bench-data/synthetic-$clients-$seed.db"
fi
if [ ! -f "$db" ]; then
  echo "run.sh: generating $clients clients (seed $seed) into $db"
  started=$(now_ns)
  "$build/caseboard-generate" --clients "$clients" --seed "$seed" --as-of "$as_of" --sqlite "$db" \
    | tee "$results/generate.log" | grep -E '^(clients [0-9]+/|done|case manager)' || true
  echo "run.sh: generated in $(( ($(now_ns) - started) / 1000000000 )) s"
fi
"$build/caseboard-bench-fixtures" --db "$db" >"$results/fixtures.txt"
username=$(awk '$1 == "username" { print $2 }' "$results/fixtures.txt")
clients=$(awk '$1 == "clients" { print $2 }' "$results/fixtures.txt")
password=caseboard-bench-2026
awk '$1 == "client" { print "/api/v1/clients/" $2 }' "$results/fixtures.txt" >"$results/client_paths.txt"
awk '$1 == "client" { print "/api/v1/clients/" $2 "/timeline" }' "$results/fixtures.txt" >"$results/timeline_paths.txt"
awk '$1 == "search" { print "/api/v1/clients?q=" $2 }' "$results/fixtures.txt" >"$results/search_paths.txt"
awk '$1 == "case" { print $2 }' "$results/fixtures.txt" >"$results/cases.txt"
echo "/api/v1/worklist" >"$results/worklist_paths.txt"
# What the client chart page (web/src/pages/ClientPage.tsx and its sections) loads for one client.
awk '$1 == "client" { c = $2 } $1 == "case" {
  p = "/api/v1/clients/" c
  n = split("|/break-glass|/cases|/timeline|/notes|/appointments|/referrals-out|/incidents|/discharges|/plan-reviews|/safety-plan|/assessments|/assessments/trend?instrument_id=phq-9|/coverages|/authorizations|/advocacy|/contacts|/consents|/access", parts, "|")
  for (i = 1; i <= n; i++) print p parts[i]
  print "/api/v1/cases/" $2 "/care-plan"
  print "/api/v1/programs"; print "/api/v1/users"; print "/api/v1/instruments"
}' "$results/fixtures.txt" >"$results/chart_paths.txt"
chart_requests=$(( $(wc -l <"$results/chart_paths.txt") / $(wc -l <"$results/cases.txt") ))
db_bytes=$(( $(stat -c %s "$db") + $( [ -f "$db-wal" ] && stat -c %s "$db-wal" || echo 0) ))

# ---- wrk: one run per figure, bounded by --duration ----
# "requests/s p50_ms p99_ms non-2xx requests" of a wrk --latency output.
wrk_figures() {
  awk 'function ms(v) { if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
                        if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
                        if (v ~ /s$/) { sub(/s$/, "", v); return v * 1000 } return v + 0 }
       /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
       /Non-2xx or 3xx responses:/ { bad = $NF } / requests in / { n = $1 }
       /Socket errors:/ { bad += $4 + $6 + $8 + $10 }
       END { printf "%.0f %.2f %.2f %d %d\n", rps, p50, p99, bad, n }' "$1"
}
load() {  # name url [wrk script and its arguments]
  local name=$1 url=$2
  shift 2
  local script=()
  if (($# > 0)); then script=(-s "bench/wrk/$1"); shift; fi
  wrk --latency -t 2 -c "$connections" -d "${duration}s" --timeout 10s "${script[@]}" "$url" -- "$@" \
    >"$results/wrk-$name.txt" 2>&1 || true
  read -r rps p50 p99 bad requests < <(wrk_figures "$results/wrk-$name.txt")
  printf -v "figure_$name" '%s req/s, p50 %s ms, p99 %s ms%s' "$rps" "$p50" "$p99" \
    "$( ((bad > 0)) && echo " ($bad of $requests failed)" || true)"
  eval "rps_$name=$rps"
  echo "run.sh: $name: $rps req/s, p50 $p50 ms, p99 $p99 ms, $bad failed of $requests"
  drain
}
# wrk stops sending at the end of a run, but requests it had sent are still being answered: wait
# until the server has used no CPU for a second, so one run's backlog does not land on the next.
drain() {
  [ -n "${serve_pid:-}" ] && [ -r "/proc/$serve_pid/stat" ] || return 0
  local last now waited=0
  last=$(awk '{ print $14 + $15 }' "/proc/$serve_pid/stat")
  while ((waited < 900)); do
    sleep 1
    waited=$((waited + 1))
    now=$(awk '{ print $14 + $15 }' "/proc/$serve_pid/stat" 2>/dev/null || echo "$last")
    ((now - last <= 2)) && break
    last=$now
  done
  ((waited > 1)) && echo "run.sh: waited ${waited} s for the server to finish the requests of the run"
  return 0
}

start_serve() {  # port
  "$build/caseboard" serve --db "$db" --host 127.0.0.1 --port "$1" --threads "$threads" >>"$results/serve.log" 2>&1 &
  serve_pid=$!
  pids+=("$serve_pid")
}
wait_healthy() {  # port pid
  until curl -sf "http://127.0.0.1:$1/healthz" >/dev/null 2>&1; do
    if ! kill -0 "$2" 2>/dev/null; then echo "run.sh: the server stopped; see $results/serve.log" >&2; exit 1; fi
    sleep 0.002
  done
}

# Start-up: from exec until /healthz answers, five times.
startups=()
for run in 1 2 3 4 5; do
  port=$(free_port)
  started=$(now_ns)
  start_serve "$port"
  wait_healthy "$port" "$serve_pid"
  startups+=($(( ($(now_ns) - started) / 1000000 )))
  kill "$serve_pid"
  wait "$serve_pid" 2>/dev/null || true
done
startup_sorted=$(printf '%s\n' "${startups[@]}" | sort -n | tr '\n' ' ')
startup_median=$(printf '%s\n' "${startups[@]}" | sort -n | sed -n 3p)
echo "run.sh: start-up ms: $startup_sorted"

port=$(free_port)
start_serve "$port"
wait_healthy "$port" "$serve_pid"
base="http://127.0.0.1:$port"
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d "{\"username\":\"$username\",\"password\":\"$password\"}" "$base/api/v1/auth/login" |
  sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
if [ -z "$token" ]; then echo "run.sh: cannot sign in as $username" >&2; exit 1; fi
service_at=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)

load sign_in "$base" sign_in.lua "$username" "$password"
load client_read "$base" get_paths.lua "$token" "$results/client_paths.txt"
load name_search "$base" get_paths.lua "$token" "$results/search_paths.txt"
load worklist "$base" get_paths.lua "$token" "$results/worklist_paths.txt"
load timeline "$base" get_paths.lua "$token" "$results/timeline_paths.txt"
load chart "$base" get_paths.lua "$token" "$results/chart_paths.txt"
load note_create "$base" create_note.lua "$token" "$results/cases.txt" "$service_at"
peak_rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$serve_pid/status")
kill "$serve_pid"
wait "$serve_pid" 2>/dev/null || true
serve_pid=""

# ---- the ceilings ----
fixed_port=$(free_port)
"$build/caseboard-fixed-response-server" --port "$fixed_port" --threads "$threads" >"$results/fixed.log" 2>&1 &
fixed_pid=$!
pids+=("$fixed_pid")
wait_healthy_fixed() { until curl -sf "http://127.0.0.1:$fixed_port/fixed" >/dev/null 2>&1; do sleep 0.01; done; }
wait_healthy_fixed
load fixed "http://127.0.0.1:$fixed_port/fixed"
kill "$fixed_pid"

"$build/caseboard-db-point-read" --db "$db" --threads 1 "$threads" --seconds "$(( duration < 5 ? duration : 5 ))" \
  | tee "$results/point-read.txt"
if [ -n "$pg_url" ]; then
  "$build/caseboard-db-point-read" --db "$pg_url" --threads 1 "$threads" --seconds 5 | tee -a "$results/point-read.txt"
fi
point() {  # backend threads field
  awk -v b="$1" -v t="threads=$2" -v f="$3" '$0 ~ "backend=" b && $0 ~ t" " {
    for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) print kv[2] } }' "$results/point-read.txt"
}
period=$(date -u -d "${as_of%%T*} -1 month" +%Y-%m)
"$build/caseboard-report-timing" --db "$db" --period "$period" --at "$as_of" --repetitions 10 \
  | tee "$results/reports.txt"
report() {  # scope-prefix call field
  awk -v s="$1" -v c="call=$2" -v f="$3" 'index($0, "scope=\"" s) && index($0, c) {
    for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == f) print kv[2] } }' "$results/reports.txt"
}
report_people() { report "$1" figures people; }

# ---- the table ----
ceiling_http="fixed response $rps_fixed req/s"
ceiling_db="point read $(point sqlite 1 ops_per_s)/s (1 thread), $(point sqlite "$threads" ops_per_s)/s ($threads), p99 $(point sqlite "$threads" p99_ms) ms"
if [ -n "$pg_url" ]; then
  ceiling_db="$ceiling_db; PostgreSQL $(point postgresql "$threads" ops_per_s)/s p99 $(point postgresql "$threads" p99_ms) ms"
fi
line() { printf '%-40s | %-58s | %-44s | %s\n' "$@"; }
echo
echo "Caseboard benchmarks: $clients clients in $db, $(date -u +%Y-%m-%d), $(nproc) cores, serve --threads $threads,"
echo "wrk -t 2 -c $connections -d ${duration}s on loopback. Raw outputs: $results"
echo
line "figure" "measured" "ceiling (same run)" "target"
line "----------------------------------------" "----------------------------------------------------------" \
  "--------------------------------------------" "------------------------"
line "sign-in" "$figure_sign_in" "$ceiling_http" "-"
line "client read" "$figure_client_read" "$ceiling_http; $ceiling_db" ">= 20,000 req/s, p99 <= 5 ms"
line "name search" "$figure_name_search" "$ceiling_http" "p99 <= 20 ms"
line "worklist (60 open cases)" "$figure_worklist" "$ceiling_http" "p99 <= 20 ms"
line "client timeline" "$figure_timeline" "$ceiling_http" "-"
charts_per_second=$(awk -v r="$rps_chart" -v n="$chart_requests" 'BEGIN { printf "%.1f", r / n }')
line "client chart ($chart_requests requests)" "$figure_chart; $charts_per_second charts/s" "$ceiling_http" "-"
line "note create (signed)" "$figure_note_create" "$ceiling_http" "-"
for scope in program team organization; do
  target="-"
  [ "$scope" = program ] && target="<= 200 ms (60-person program)"
  [ "$scope" = organization ] && target="<= 2 s"
  line "report $period, $scope ($(report_people $scope) people)" \
    "figures p50 $(report $scope figures p50_ms) ms, p99 $(report $scope figures p99_ms) ms; drill-down p99 $(report $scope cases p99_ms) ms" \
    "-" "$target"
done
line "serve peak RSS (VmHWM)" "$(( peak_rss_kb / 1024 )) MB after the load" "-" "<= 300 MB"
line "serve start-up" "median $startup_median ms (runs: $startup_sorted)" "-" "<= 200 ms"
line "database size" "$(( db_bytes / clients )) bytes per client ($(( db_bytes / 1048576 )) MB)" "-" "-"
