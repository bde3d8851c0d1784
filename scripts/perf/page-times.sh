#!/usr/bin/env bash
# Times the portal's heavy pages on an existing database with a published build, signed in as one demo account.
# Usage: bash scripts/perf/page-times.sh APP_DIR DATABASE [email=lanhdao@cnht.demo] [port=5391] [runs=3]
# For each page: "after change" = the first request after the data version is raised (what any business write does
# to the versioned cache, ADR 0100), then `runs` requests in a row. Prints milliseconds (curl time_total) and status.
# The database is used as it is (migrated on start if the build is newer): pass a copy if it must stay untouched.
# PAGE_TIMES_EXTRA="/path1 /path2" adds pages to the list (e.g. the funding request and the public program page);
# with PAGE_TIMES_ONLY=1 they replace it. "first" is each page's first request in this process (JIT, query compilation:
# first use), before its "after change". PAGE_TIMES_SLEEP=40 waits after the start (the background warm-ups, ADR 0104/0236)
# before signing in; PAGE_TIMES_ENV="K=V ..." adds settings to the portal (e.g. EF's SQL log, JSON log format) and
# PAGE_TIMES_LOG=FILE keeps its log.
set -euo pipefail
app=$(cd "$1" && pwd); db=$(realpath "$2"); email=${3:-lanhdao@cnht.demo}; port=${4:-5391}; runs=${5:-3}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
(cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Cnht="Data Source=$db" \
  Https__Redirect=false Https__Hsts=false Security__EnforceTwoFactor=false Logging__File= Serilog__MinimumLevel__Default=Warning ${PAGE_TIMES_ENV:-} \
  Security__AuthRateLimit__PermitLimit=100000 dotnet "$app/NgheAn.CNHT.Web.dll" >"$work/portal.log" 2>&1) &
portal=$!
trap 'kill $portal 2>/dev/null || true; [ -n "${PAGE_TIMES_LOG:-}" ] && cp "$work/portal.log" "$PAGE_TIMES_LOG"; rm -rf "$work"' EXIT
for _ in $(seq 1 1200); do curl -fs -o /dev/null "$base/health/live" && break; sleep 0.1; done

sleep "${PAGE_TIMES_SLEEP:-0}"
jar="$work/cookies.txt"
token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=Demo@2026!" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"

# A business write outside the ledger raises the version's upper part (ADR 0214; any raise changes the whole version). A node
# sees a write made elsewhere (here: the sqlite3 command line) within its watch's second (ADR 0198/0216): wait for it.
# The busy timeout: the portal may be writing at that moment (the download log's batch, ADR 0219).
raise() { sqlite3 -cmd ".timeout 10000" "$db" "UPDATE \"DataVersions\" SET \"Version\" = \"Version\" + 4294967296 WHERE \"Id\" = 1;"; sleep 1.2; }
time_of() { curl -s -o /dev/null -b "$jar" -w "%{http_code} %{time_total}" "$base$1" | awk '{printf "%s:%.0f", $1, $2 * 1000}'; }

pages_default=(
  "/"
  "/Disbursements"
  "/Disbursements?page=2"
  "/Reports/View/register"
  "/Reports/View/annual?year=2024"
  "/Reports/View/matrix"
  "/Reports/View/appendix"
  "/Reports/Reconciliation"
  "/Proposals?q=CNHT-2024"
  "/Proposals?q=2901234563"
  "/Proposals?q=dao+tao"
)
read -r -a extra <<< "${PAGE_TIMES_EXTRA:-}"
if [ -n "${PAGE_TIMES_ONLY:-}" ]; then pages=("${extra[@]}"); else pages=("${pages_default[@]}" "${extra[@]}"); fi
echo "$(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores (load $(cut -d' ' -f1-3 /proc/loadavg)), $email, $(basename "$db"); status:ms"
printf "%-34s %10s %14s   %s\n" page "first" "after change" "then"
for path in "${pages[@]}"; do
  warm=$(time_of "$path")
  raise
  first=$(time_of "$path")
  rest=""
  for _ in $(seq 1 "$runs"); do rest+="$(time_of "$path") "; done
  printf "%-34s %10s %14s   %s\n" "$path" "$warm" "$first" "$rest"
done
