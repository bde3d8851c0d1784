#!/usr/bin/env bash
# HTTP throughput of a Release build on 127.0.0.1, measured with wrk (Debian package `wrk`).
# Usage: bash scripts/perf/http-bench.sh [proposals=10000] [seconds=15] [connections=32]
# Prints requests/s and p50/p99 latency per endpoint and each page's ratio to /health/live (the
# framework's ceiling on this machine). Bounded: each wrk run stops after its duration; the portal
# process is stopped at the end. Nothing but 127.0.0.1 is contacted.
# CNHT_PERF_APP=DIR uses that published build instead of publishing; CNHT_PERF_DB=FILE that database (a copy: the run
# signs in, which writes) instead of building one; CNHT_PERF_EXTRA="name=/path ..." benchmarks more endpoints;
# CNHT_PERF_USER=EMAIL signs in as that demo account (default xem@cnht.demo, the Viewer; 2FA is off for the run).
set -euo pipefail
cd "$(dirname "$0")/../.."
proposals=${1:-10000}
seconds=${2:-15}
connections=${3:-32}
work=${CNHT_PERF_DIR:-/tmp/cnht-perf}
port=${CNHT_PERF_PORT:-5390}
base="http://127.0.0.1:$port"
mkdir -p "$work"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

app=${CNHT_PERF_APP:-$work/app}
if [ -z "${CNHT_PERF_APP:-}" ]; then
  echo "== publish (Release)"
  dotnet publish src/NgheAn.CNHT.Web -c Release -o "$app" --nologo -v quiet >/dev/null
fi

db=${CNHT_PERF_DB:-$work/cnht-$proposals.db}
run() { (cd "$work" && ConnectionStrings__Cnht="Data Source=$db" Logging__File= "$@"); }
if [ ! -f "$db" ]; then
  echo "== database: demo data + $proposals synthetic proposals (10 ledger entries each)"
  run env ASPNETCORE_ENVIRONMENT=Development dotnet "$app/NgheAn.CNHT.Web.dll" seed-demo
  if [ "$proposals" -gt 0 ]; then
    run env ASPNETCORE_ENVIRONMENT=Development dotnet "$app/NgheAn.CNHT.Web.dll" seed-scale --proposals "$proposals" --entries $((proposals * 10))
  fi
fi

echo "== start (Production settings, plain HTTP on loopback)"
start=$(date +%s.%N)
(cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Cnht="Data Source=$db" \
  Https__Redirect=false Https__Hsts=false Security__EnforceTwoFactor=false Logging__File= Logging__Format=json \
  Serilog__MinimumLevel__Default=Warning dotnet "$app/NgheAn.CNHT.Web.dll" >"$work/portal.log" 2>&1) &
portal=$!
trap 'kill $portal 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "$base/health/live"; do sleep 0.05; done
ready=$(date +%s.%N)
printf "cold start to first 200 on /health/live: %.2f s\n" "$(echo "$ready - $start" | bc)"

user=${CNHT_PERF_USER:-xem@cnht.demo}
echo "== sign in as $user"
jar="$work/cookies.txt"; rm -f "$jar"
token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=$user" --data-urlencode "Input.Password=Demo@2026!" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
cookie=$(awk '$6 ~ /^cnht/ {printf "%s=%s; ", $6, $7}' "$jar")
curl -fs -o /dev/null -H "Cookie: $cookie" "$base/Proposals" || { echo "sign-in failed" >&2; exit 1; }
# The first dashboard request after a start builds the kept sums once (12 s at 100.000 proposals): not part of the run.
warm=$(date +%s.%N)
curl -fs -o /dev/null --max-time 600 -H "Cookie: $cookie" "$base/" || { echo "dashboard warm-up failed" >&2; exit 1; }
printf "first dashboard request (builds the kept sums): %.2f s\n" "$(echo "$(date +%s.%N) - $warm" | bc)"

declare -A rps p50 p99
bench() {
  local name=$1 path=$2
  # Warm up, then measure.
  wrk -t2 -c"$connections" -d3s -H "Cookie: $cookie" "$base$path" >/dev/null
  local out; out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "$base$path")
  if grep -q "Non-2xx" <<<"$out"; then echo "$out"; echo "non-2xx answers on $path" >&2; exit 1; fi
  rps[$name]=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50[$name]=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99[$name]=$(awk '$1=="99%" {print $2}' <<<"$out")
}

bench health "/health/live"
bench dashboard "/"
bench register "/Proposals?program=2018-2025&page=3"
bench appendix_pdf "/Reports/View/appendix?handler=Download&program=2018-2025&format=pdf"
names=(health dashboard register appendix_pdf)
for extra in ${CNHT_PERF_EXTRA:-}; do bench "${extra%%=*}" "${extra#*=}"; names+=("${extra%%=*}"); done

echo
echo "$(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $proposals proposals, $connections connections, ${seconds}s per endpoint"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-14s %12s %10s %10s %12s\n" endpoint "requests/s" p50 p99 "vs ceiling"
for name in "${names[@]}"; do
  printf "%-14s %12s %10s %10s %11.1f%%\n" "$name" "${rps[$name]}" "${p50[$name]}" "${p99[$name]}" \
    "$(echo "100 * ${rps[$name]} / ${rps[health]}" | bc -l)"
done
