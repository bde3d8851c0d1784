#!/usr/bin/env bash
# Times the disbursement ledger with each filter and paging it offers, the waiting lists, and the first dashboard after a
# start (issue 21, item 2, third round). Starts the published portal on DATABASE, signs in as the DOIT leader DELAY seconds
# after the start (0: at once; the kept ledger sums are then still being built), times "/" and "/Disbursements", then each
# page: first request, then 3 more. Prints status:ms and the load average.
# Usage: [DELAY=20] bash scripts/perf/ledger-filters.sh APP_DIR DATABASE [port=5393]
# The database is migrated on start if the build is newer: pass a copy.
set -euo pipefail
app=$(cd "$1" && pwd); db=$(realpath "$2"); port=${3:-5393}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
(cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Cnht="Data Source=$db" \
  Https__Redirect=false Https__Hsts=false Security__EnforceTwoFactor=false Logging__File= Serilog__MinimumLevel__Default=Warning \
  Serilog__MinimumLevel__Override__NgheAn.CNHT.Infrastructure.Startup=Information \
  Security__AuthRateLimit__PermitLimit=100000 dotnet "$app/NgheAn.CNHT.Web.dll" >"$work/portal.log" 2>&1) &
portal=$!
trap 'kill $portal 2>/dev/null || true; rm -rf "$work"' EXIT
start=$(date +%s.%N)
for _ in $(seq 1 3000); do curl -fs -o /dev/null "$base/health/live" && break; sleep 0.1; done
since() { echo "$(date +%s.%N) - $start" | bc | awk '{printf "%.1f s", $1}'; }
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores (load $(cut -d' ' -f1-3 /proc/loadavg)), $(basename "$db"); /health/live after $(since)"
sleep "${DELAY:-0}"
jar="$work/cookies.txt"
token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=${CNHT_PERF_READER:-lanhdao@cnht.demo}" --data-urlencode "Input.Password=Demo@2026!" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
time_of() { curl -s -o /dev/null -b "$jar" -w "%{http_code} %{time_total}" "$base$1" | awk '{printf "%s:%.0f", $1, $2 * 1000}'; }
echo "signed in after $(since); first /: $(time_of /), first /Disbursements: $(time_of /Disbursements) (done $(since) after the start)"
p="/Disbursements?program=2018-2025"
pages=("/" "/Disbursements" "/Disbursements?page=2" "/Disbursements?page=1000"
  "$p&kind=Advance" "$p&kind=Advance&page=100" "$p&kind=Reversal" "$p&source=Counterpart" "$p&source=Counterpart&page=1000"
  "$p&source=Other" "$p&year=2024" "$p&year=2024&page=100" "$p&year=2024&source=ProvincialBudget" "$p&year=2024&kind=Advance"
  "$p&kind=Advance&source=ProvincialBudget" "$p&kind=Advance&source=Counterpart" "$p&kind=Payment&source=Counterpart&page=1000"
  "$p&group=3" "$p&group=3&page=100" "$p&group=3&year=2024&kind=Advance" "$p&proposal=15" "$p&lead=148" "$p&unit=ben+thuy"
  "$p&bpage=500" "/Disbursements?program=2026-2030"
  "/Proposals?status=Appraised" "/Proposals?status=Implementing&sort=Changed" "/Proposals?status=Implementing&sort=Changed&page=100")
printf "%-72s %9s   %s\n" page first then
for path in "${pages[@]}"; do
  first=$(time_of "$path"); rest=""
  for _ in 1 2 3; do rest+="$(time_of "$path") "; done
  printf "%-72s %9s   %s\n" "$path" "$first" "$rest"
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
grep -h "Kept ledger sums" "$work/portal.log" || true
