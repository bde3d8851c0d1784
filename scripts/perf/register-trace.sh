#!/usr/bin/env bash
# The register right after MANY writes, with a sampling trace (issue 21 § 3, round 29): register-after-writes.sh's write
# (proposal 100's concurrency stamp renewed, the version raised; then WAIT s, 1,2 by default), one request per write, the
# times printed in order; with OUT, dotnet-trace (dotnet-sampled-thread-time, Speedscope) attached for the N requests.
# Usage: [SLEEP=30] [WAIT=1.2] [EXTRA_ENV="DOTNET_X=1 ..."] bash scripts/perf/register-trace.sh APP_DIR DATABASE PORT URL N [OUT.nettrace]
#   APP_DIR a published build; DATABASE a COPY (written to); OUT empty for no trace. dotnet-trace is looked for at
#   $DOTNET_TRACE (default /tmp/tools/dotnet-trace: dotnet tool install --tool-path /tmp/tools dotnet-trace).
# Then: python3 scripts/perf/speedscope-under.py OUT.speedscope.json "Kestrel" 3000
#       python3 scripts/perf/speedscope-split.py OUT.speedscope.json MS   (each frame's time before and after MS)

set -uo pipefail
app=$1; db=$2; port=$3; url=$4; n=$5; out=${6:-}
base="http://127.0.0.1:$port"; work=$(mktemp -d)
(cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Cnht="Data Source=$db" \
  Https__Redirect=false Https__Hsts=false Security__EnforceTwoFactor=false Logging__File= Serilog__MinimumLevel__Default=Warning \
  Security__AuthRateLimit__PermitLimit=100000 ${EXTRA_ENV:-} dotnet "$app/NgheAn.CNHT.Web.dll" >"$work/portal.log" 2>&1) &
sleep 1; pid=$(pgrep -f "$app/NgheAn.CNHT.Web.dll" | head -1)
trap 'kill $pid 2>/dev/null; sleep 0.5; rm -rf "$work"' EXIT
for _ in $(seq 1 1200); do curl -fs -o /dev/null "$base/health/live" && break; sleep 0.1; done
sleep ${SLEEP:-30}
jar="$work/c.txt"
token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=chuyenvien@cnht.demo" --data-urlencode "Input.Password=Demo@2026!" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
curl -s -o /dev/null -b "$jar" "$base$url"
write() { sqlite3 "$db" "UPDATE Proposals SET ConcurrencyStamp = lower(hex(randomblob(16))) WHERE Id = 100; UPDATE DataVersions SET Version = Version + 4294967296 WHERE Id = 1;"; sleep ${WAIT:-1.2}; }
for _ in 1 2 3; do write; curl -s -o /dev/null -b "$jar" "$base$url"; done
if [ -n "$out" ]; then "${DOTNET_TRACE:-/tmp/tools/dotnet-trace}" collect -p $pid --profile dotnet-sampled-thread-time --format Speedscope -o "$out" > /dev/null 2>&1 & tr=$!; sleep 3; fi
ts=""
for _ in $(seq 1 $n); do write; ts+="$(curl -s -o /dev/null -b "$jar" -w "%{time_total}" "$base$url" | awk '{printf "%.0f", $1*1000}') "; done
echo "after-write ms: $ts"
if [ -n "$out" ]; then kill -TERM $tr; wait $tr; fi
