#!/usr/bin/env bash
# wrk against the public directory (issue 17 § 10) in the same run as /health/live, anonymous visitor.
# Usage: bash scripts/perf/public-bench.sh APP_DIR DATABASE [seconds=15] [connections=32] [port=5397]
# APP_DIR: a published build (dotnet publish src/NgheAn.CNHT.Web -c Release -o DIR); DATABASE: a file with the demo
# directory (seed-demo), used as it is (migrated on start if the build is newer): pass a copy if it must stay untouched.
# Prints requests/s, p50, p99 and the ratio to /health/live for each page.
set -euo pipefail
app=$(cd "$1" && pwd); db=$(realpath "$2"); seconds=${3:-15}; connections=${4:-32}; port=${5:-5397}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
(cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Cnht="Data Source=$db" \
  Https__Redirect=false Https__Hsts=false Security__EnforceTwoFactor=false Logging__File= Serilog__MinimumLevel__Default=Warning \
  dotnet "$app/NgheAn.CNHT.Web.dll" >"$work/portal.log" 2>&1) &
portal=$!
trap 'kill $portal 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 1200); do curl -fs -o /dev/null "$base/health/live" && break; sleep 0.1; done
slug=$(sqlite3 "$db" "SELECT Slug FROM SupplierProfiles WHERE IsPublished = 1 ORDER BY Id LIMIT 1;")
echo "$(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores (load $(cut -d' ' -f1-3 /proc/loadavg)), $connections connections, ${seconds} s, $(basename "$db")"
printf "%-44s %10s %9s %9s %8s\n" path "req/s" p50 p99 ceiling
ceiling=""
for path in "/health/live" "/danh-ba" "/danh-ba?q=co+khi" "/danh-ba?sector=co-khi&cert=iso-9001" "/danh-ba/$slug"; do
  wrk -t2 -c"$connections" -d3s "$base$path" >/dev/null
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$base$path")
  if grep -q "Non-2xx" <<<"$out"; then echo "$out"; echo "non-2xx answers on $path" >&2; exit 1; fi
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  [ -z "$ceiling" ] && ceiling=$rps
  printf "%-44s %10s %9s %9s %7.0f%%\n" "$path" "$rps" "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")" \
    "$(echo "$rps * 100 / $ceiling" | bc -l)"
done
