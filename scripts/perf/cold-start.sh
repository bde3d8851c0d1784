#!/usr/bin/env bash
# Cold start (issue 21 § 5): time from starting the published build to the first 200 on /health/live, N times.
# Usage: bash scripts/perf/cold-start.sh APP_DIR DATABASE [runs=3] [port=5393]
#   APP_DIR   a published build, e.g. dotnet publish src/NgheAn.CNHT.Web -c Release -r linux-x64 --self-contained false -o DIR
#             (ReadyToRun comes with the runtime identifier, see NgheAn.CNHT.Web.csproj)
#   DATABASE  a SQLite file the portal may write (a COPY: the start migrates and seeds it), or "fresh" for a new empty
#             file each run (the first start of a new installation: every migration and the catalog)
# Each run: the load average when it starts, seconds to the first 200 on /health/live, seconds to the first 200 on
# /health/ready (the database prepared behind the gate, ADR 0105), and the portal's own timeline line ("Listening … ms
# after the process started (Main entered …, host built …, pipeline …)"). Production settings, plain HTTP on 127.0.0.1,
# no signing certificate required (so /health/ready can answer 200), the portal stopped with SIGTERM after each run. Extra environment for the portal: CNHT_COLD_ENV="NAME=value ...".
# The OS file cache stays warm between runs: "cold" is the process, not the disk.
set -euo pipefail
app=${1:?APP_DIR}
database=${2:?DATABASE or fresh}
runs=${3:-3}
port=${4:-5393}
base="http://127.0.0.1:$port"
work=$(mktemp -d /tmp/cnht-cold-XXXXXX)
trap 'rm -rf "$work"' EXIT
now() { date +%s%N; }

printf "%s  %s  %s, %s cores\n" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$app" "$database" "$(nproc)"
printf "%-4s %-16s %10s %10s  %s\n" run "load (1/5/15)" "live s" "ready s" "portal's timeline"
for run in $(seq 1 "$runs"); do
  if [ "$database" = fresh ]; then db="$work/fresh-$run.db"; else db=$database; fi
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(now)
  # shellcheck disable=SC2086
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Cnht="Data Source=$db" \
    Https__Redirect=false Https__Hsts=false Signing__Required=false Logging__File= Serilog__MinimumLevel__Default=Information ${CNHT_COLD_ENV:-} \
    dotnet "$app/NgheAn.CNHT.Web.dll" >"$work/portal-$run.log" 2>&1 &
  portal=$!
  until curl -fs -o /dev/null "$base/health/live"; do
    kill -0 $portal 2>/dev/null || { cat "$work/portal-$run.log"; echo "the portal exited" >&2; exit 1; }
    sleep 0.02
  done
  live=$(now)
  deadline=$(( $(date +%s) + 600 ))
  until curl -fs -o /dev/null --max-time 600 "$base/health/ready"; do
    [ "$(date +%s)" -lt $deadline ] || { kill -TERM $portal; echo "/health/ready not 200 within 600 s" >&2; exit 1; }
    sleep 0.05
  done
  ready=$(now)
  kill -TERM $portal; wait $portal || true
  timeline=$(grep -o 'Listening [0-9]* ms after the process started.*' "$work/portal-$run.log" | head -1 || true)
  printf "%-4s %-16s %10.2f %10.2f  %s\n" "$run" "$load" "$(echo "($live - $start) / 1000000000" | bc -l)" \
    "$(echo "($ready - $start) / 1000000000" | bc -l)" "$timeline"
  if grep -E '\[[0-9:]{8} (ERR|FTL)\]' "$work/portal-$run.log"; then echo "run $run logged errors (above)" >&2; fi
done
