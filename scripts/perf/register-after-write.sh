#!/usr/bin/env bash
# The register's pages after a WRITE TO A PROPOSAL (issue 21, ADR 0227/0237): page-times.sh raises only the data version,
# which leaves the register's kept models as they are; this script writes to a proposal the way an edit through the
# application does (its concurrency stamp renewed: the log's trigger names it, the register's counter moves).
# Usage: SLEEP=40 bash scripts/perf/register-after-write.sh APP_DIR DATABASE PORT URL...
#   APP_DIR a published build; DATABASE a COPY (written to); URL paths such as "/Proposals?q=dao+tao".
# Per URL: one request ("cold": its first in the process), then three times (write, wait for the watch, one request),
# then three requests in a row (kept). SLEEP waits after the start (the background warm-ups), EMAIL signs in as another
# demo account (default chuyenvien@cnht.demo), EXTRA_ENV adds portal settings, KEEPLOG=FILE keeps the portal's log.
set -uo pipefail
app=$1; db=$2; port=$3; shift 3
base="http://127.0.0.1:$port"
work=$(mktemp -d)
(cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Cnht="Data Source=$db" \
  Https__Redirect=false Https__Hsts=false Security__EnforceTwoFactor=false Logging__File= Serilog__MinimumLevel__Default=Warning \
  Security__AuthRateLimit__PermitLimit=100000 ${EXTRA_ENV:-} dotnet "$app/NgheAn.CNHT.Web.dll" >"$work/portal.log" 2>&1) &
portal=$!
trap 'kill $portal 2>/dev/null; sleep 0.5; rm -rf "$work"' EXIT
for _ in $(seq 1 1200); do curl -fs -o /dev/null "$base/health/live" && break; sleep 0.1; done
sleep ${SLEEP:-0}
jar="$work/c.txt"
token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=${EMAIL:-chuyenvien@cnht.demo}" --data-urlencode "Input.Password=Demo@2026!" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
write() { sqlite3 "$db" "UPDATE Proposals SET ConcurrencyStamp = lower(hex(randomblob(16))) WHERE Id = 100; UPDATE DataVersions SET Version = Version + 4294967296 WHERE Id = 1;"; sleep 1.2; }
time_of() { curl -s -o /dev/null -b "$jar" -w "%{http_code} %{time_total}" "$base$1" | awk '{printf "%s:%.0f", $1, $2 * 1000}'; }
echo "# $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) $(basename $app)"
for path in "$@"; do
  cold=$(time_of "$path")
  write
  first=$(time_of "$path")
  for _ in 1 2; do write; first+=" $(time_of "$path")"; done
  rest=""; for _ in 1 2 3; do rest+="$(time_of "$path") "; done
  printf "%-60s cold %-9s after-write %-9s then %s\n" "$path" "$cold" "$first" "$rest"
done
if [ -n "${KEEPLOG:-}" ]; then cp "$work/portal.log" "$KEEPLOG"; fi
