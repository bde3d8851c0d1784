#!/usr/bin/env bash
# The register's pages after MANY writes to a proposal (issue 21 § 3, ADR 0244): register-after-write.sh's write, repeated,
# with a median. Per URL: one visit (its filter's parts then kept off the request), then N times: a write to proposal 100
# the way an edit through the application makes it (its concurrency stamp renewed: the log's trigger names it, the
# register's counter moves), 1,05 s for the portal to see it, one request. Prints the median, p90, max and every time (ms,
# curl time_total; a status other than 200 is printed with an E).
# Usage: SLEEP=40 bash scripts/perf/register-after-writes.sh APP_DIR DATABASE PORT N URL...
#   APP_DIR a published build; DATABASE a COPY (written to); N writes per URL; URL paths such as "/Proposals?q=dao+tao".
set -uo pipefail
app=$1; db=$2; port=$3; n=$4; shift 4
base="http://127.0.0.1:$port"; work=$(mktemp -d)
(cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Cnht="Data Source=$db" \
  Https__Redirect=false Https__Hsts=false Security__EnforceTwoFactor=false Logging__File= Serilog__MinimumLevel__Default=Warning \
  Security__AuthRateLimit__PermitLimit=100000 dotnet "$app/NgheAn.CNHT.Web.dll" >"$work/portal.log" 2>&1) &
portal=$!
trap 'kill $portal 2>/dev/null; sleep 0.5; rm -rf "$work"' EXIT
for _ in $(seq 1 1200); do curl -fs -o /dev/null "$base/health/live" && break; sleep 0.1; done
sleep ${SLEEP:-40}
jar="$work/c.txt"
token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=chuyenvien@cnht.demo" --data-urlencode "Input.Password=Demo@2026!" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
write() { sqlite3 "$db" "UPDATE Proposals SET ConcurrencyStamp = lower(hex(randomblob(16))) WHERE Id = 100; UPDATE DataVersions SET Version = Version + 4294967296 WHERE Id = 1;"; sleep 1.05; }
for url in "$@"; do
  curl -s -o /dev/null -b "$jar" "$base$url"; sleep 2
  ts=""; for _ in $(seq 1 $n); do write; ts+="$(curl -s -o /dev/null -b "$jar" -w "%{http_code}:%{time_total}" "$base$url" | awk -F: '{printf "%s%.0f", ($1==200?"":"E"), $2*1000}') "; done
  python3 -c "import sys,statistics as s; v=[int(x) for x in sys.argv[2].split()]; v2=sorted(v); print(f'{sys.argv[1]:58s} median {s.median(v):5.1f}  p90 {v2[int(len(v2)*0.9)-1]:4d}  max {max(v):4d}  all: {sys.argv[2]}')" "$url" "$ts"
done
