#!/usr/bin/env bash
# Times the heavy pages on the FIRST request after a real change to the data: a ledger entry posted through the recording
# page as the Support Center (what an office does all day), then `runs` requests in a row. Issue 21.
# Usage: bash scripts/perf/after-posting.sh APP_DIR DATABASE [port=5392] [runs=2] [log-sql=0]
# The database is written (one entry per page timed): pass a copy. With log-sql=1 the portal logs every SQL command with
# its duration (EF Core's "Executed DbCommand (N ms)") to $CNHT_PERF_SQL_LOG (default /tmp/after-posting-sql.log).
set -euo pipefail
app=$(cd "$1" && pwd); db=$(realpath "$2"); port=${3:-5392}; runs=${4:-2}; logsql=${5:-0}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
sqllevel=Warning; [ "$logsql" = 1 ] && sqllevel=Information
sqllog=${CNHT_PERF_SQL_LOG:-/tmp/after-posting-sql.log}; : >"$sqllog"
(cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Cnht="Data Source=$db" \
  Https__Redirect=false Https__Hsts=false Security__EnforceTwoFactor=false Logging__File= Serilog__MinimumLevel__Default=Warning \
  Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=$sqllevel \
  Security__AuthRateLimit__PermitLimit=100000 dotnet "$app/NgheAn.CNHT.Web.dll" >>"$sqllog" 2>&1) &
portal=$!
trap 'kill $portal 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 3000); do curl -fs -o /dev/null "$base/health/live" && break; sleep 0.1; done

signin() { # jar email
  local token
  token=$(curl -fs -c "$1" -b "$1" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -c "$1" -b "$1" --data-urlencode "Input.Email=$2" --data-urlencode "Input.Password=Demo@2026!" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
}
reader="$work/reader.txt"; center="$work/center.txt"
signin "$reader" "${CNHT_PERF_READER:-lanhdao@cnht.demo}"
signin "$center" trungtam@cnht.demo
# An implementing proposal of the program shown by default, with room under its provincial ceiling.
proposal=$(sqlite3 "$db" "SELECT p.Id FROM Proposals p JOIN Programs g ON g.Id = p.ProgramId WHERE g.Code = '2018-2025' AND p.Status = 'Implementing' ORDER BY p.Id LIMIT 1;")
n=0
post() {
  n=$((n + 1))
  local form token version
  form=$(curl -fs -b "$center" -c "$center" "$base/Disbursements/Record?proposalId=$proposal")
  token=$(echo "$form" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  version=$(echo "$form" | grep -o 'name="Input.Version" value="[^"]*"\|value="[^"]*"[^>]*name="Input.Version"' | head -1 | sed 's/.*value="\([^"]*\)".*/\1/')
  curl -s -o /dev/null -w "%{http_code}" -b "$center" -c "$center" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Version=$version" --data-urlencode "ProposalId=$proposal" --data-urlencode "Input.EntryDate=$(date -u +%F)" \
    --data-urlencode "Input.Kind=Payment" --data-urlencode "Input.Source=ProvincialBudget" --data-urlencode "Input.Amount=1.000" \
    --data-urlencode "Input.VoucherNumber=PERF-$$-$n" "$base/Disbursements/Record?proposalId=$proposal"
}
time_of() { curl -s -o /dev/null -b "$reader" -w "%{http_code} %{time_total}" "$base$1" | awk '{printf "%s:%.0f", $1, $2 * 1000}'; }

pages=("/" "/Disbursements" "/Disbursements?page=2" "/Disbursements?program=2018-2025&year=2024&source=ProvincialBudget"
  "/Disbursements?program=2018-2025&kind=Advance" "/Reports/View/matrix" "/Reports/View/appendix" "/Reports/View/annual?year=2024")
[ -n "${CNHT_PERF_PAGES:-}" ] && read -r -a pages <<<"$CNHT_PERF_PAGES"
echo "$(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores (load $(cut -d' ' -f1-3 /proc/loadavg)), $(basename "$db"), proposal $proposal; status:ms"
printf "%-66s %6s %14s   %s\n" page post "after posting" "then"
for path in "${pages[@]}"; do
  curl -s -o /dev/null -b "$reader" "$base$path"   # JIT and first-use warm-up (and the kept sums' first build), not measured
  curl -s -o /dev/null -b "$reader" "$base$path"
  code=$(post)
  echo "=== first request after posting: $path" >>"$sqllog"
  first=$(time_of "$path")
  echo "=== end of first request: $path" >>"$sqllog"
  rest=""
  for _ in $(seq 1 "$runs"); do rest+="$(time_of "$path") "; done
  printf "%-66s %6s %14s   %s\n" "$path" "$code" "$first" "$rest"
done
