#!/usr/bin/env bash
# Bounded load run on 127.0.0.1: a Release build of the portal on a copy of a 10.000-proposal database,
# N virtual users of every business role mixing reads, report downloads and writes for S seconds, then
# the ledger invariants are checked on the database. Exit code 0 only with zero 5xx, zero transport
# errors and zero invariant violations.
# Usage: bash scripts/perf/load-test.sh [users=50] [seconds=60] [proposals=10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
users=${1:-50}
seconds=${2:-60}
proposals=${3:-10000}
work=${CNHT_PERF_DIR:-/tmp/cnht-perf}
port=${CNHT_LOAD_PORT:-5391}
base="http://127.0.0.1:$port"
mkdir -p "$work"

echo "== publish (Release)"
dotnet publish src/NgheAn.CNHT.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
dotnet build tests/NgheAn.CNHT.Benchmarks -c Release --nologo -v quiet >/dev/null

template="$work/cnht-$proposals.db"
if [ ! -f "$template" ]; then
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Cnht="Data Source=$template" Logging__File= dotnet app/NgheAn.CNHT.Web.dll seed-demo)
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Cnht="Data Source=$template" Logging__File= dotnet app/NgheAn.CNHT.Web.dll seed-scale --proposals "$proposals" --entries $((proposals * 10)))
fi
db="$work/load-$proposals.db"
rm -f "$db" "$db-wal" "$db-shm"
cp "$template" "$db"

(cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Cnht="Data Source=$db" \
  Https__Redirect=false Https__Hsts=false Security__EnforceTwoFactor=false Security__AuthRateLimit__PermitLimit=0 Logging__File= Logging__Format=json \
  dotnet app/NgheAn.CNHT.Web.dll >"$work/load-portal.log" 2>&1) &
portal=$!
trap 'kill $portal 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "$base/health/live"; do sleep 0.1; done

dotnet tests/NgheAn.CNHT.Benchmarks/bin/Release/net10.0/NgheAn.CNHT.Benchmarks.dll load --url "$base" --users "$users" --seconds "$seconds" --db "$db"
status=$?
kill $portal 2>/dev/null || true
wait $portal 2>/dev/null || true
echo "portal log lines at error level: $(grep -c '"@l":"Error"\|"@l":"Fatal"' "$work/load-portal.log" || true)"
exit $status
