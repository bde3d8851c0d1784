#!/usr/bin/env bash
# Scale smoke test: every page reachable by a link, as every demo role, on a database of national size; fails on any 5xx.
# Not part of the test command (building the database takes minutes). Usage:
#   bash scripts/perf/scale-smoke.sh [proposals=100000] [entries=10*proposals]
# The database (demo data + synthetic proposals) is built once under $CNHT_PERF_DIR and reused; the published Release
# build runs with Production settings on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
proposals=${1:-100000}
entries=${2:-$((proposals * 10))}
work=${CNHT_PERF_DIR:-/tmp/cnht-perf}
port=${CNHT_PERF_PORT:-5392}
base="http://127.0.0.1:$port"
mkdir -p "$work"

echo "== publish (Release)"
dotnet publish src/NgheAn.CNHT.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

db="$work/smoke-$proposals.db"
if [ ! -f "$db" ]; then
  echo "== database: demo data + $proposals synthetic proposals, $entries ledger entries"
  (cd "$work" && export ConnectionStrings__Cnht="Data Source=$db" Logging__File= ASPNETCORE_ENVIRONMENT=Development Serilog__MinimumLevel__Default=Warning &&
    dotnet app/NgheAn.CNHT.Web.dll seed-demo && dotnet app/NgheAn.CNHT.Web.dll seed-scale --proposals "$proposals" --entries "$entries")
fi

echo "== start (Production settings, plain HTTP on loopback)"
(cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Cnht="Data Source=$db" \
  Https__Redirect=false Https__Hsts=false Security__EnforceTwoFactor=false Security__AuthRateLimit__PermitLimit=100000 \
  Logging__File= Serilog__MinimumLevel__Default=Warning dotnet app/NgheAn.CNHT.Web.dll >"$work/smoke-portal.log" 2>&1) &
portal=$!
trap 'kill $portal 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do curl -fs -o /dev/null "$base/health/live" && break; sleep 0.1; done

echo "== crawl as every role"
python3 scripts/perf/crawl.py "$base" "${CNHT_SMOKE_PAGES:-250}"
