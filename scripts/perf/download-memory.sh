#!/usr/bin/env bash
# download-memory.sh APP DB PORT URL [EMAIL]
#
# Peak resident memory of ONE report download (issue 21, round 23; docs/performance.md, "Report downloads at national
# size, round 23"). Starts a fresh portal from the published build APP (a directory holding NgheAn.CNHT.Web.dll) on the
# SQLite database DB (use a COPY of the national-size database, e.g. `cp /tmp/m/s29.db /tmp/me/x.db`: the portal
# migrates it at start), waits for /health/live and 8 s more, signs in as EMAIL (default chuyenvien@cnht.demo, password
# Demo@2026!), downloads URL (a path such as
# '/Reports/View/register?program=2018-2025&format=xlsx&handler=Download') once, then prints the HTTP status, the time,
# the size and the process's peak resident set size (VmHWM of /proc/PID/status) before and after the download, with the
# load average, and stops the portal it started. The downloaded file is kept in ${OUT:-/tmp/download-memory}/dl.bin and
# the portal's output in ${OUT}/portal-PORT.log.
#
# Example (the "before" and "after" of round 23):
#   scripts/perf/download-memory.sh /work/scale/app-s31 /tmp/me/x.db 5933 '/Reports/View/register?program=2018-2025&format=xlsx&handler=Download'
# Measurements on a shared machine are noisy: compare builds in the same minutes and report the load average.
set -euo pipefail
app=$1; db=$2; port=$3; url=$4; email=${5:-chuyenvien@cnht.demo}
out=${OUT:-/tmp/download-memory}; mkdir -p "$out"
if ss -ltn | grep -q ":$port "; then echo "port $port is already in use: choose another" >&2; exit 1; fi
# Whatever happens below, the portal this script started (the one listening on PORT) is stopped on exit.
stop() { local p; p=$(ss -ltnp | grep ":$port " | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true); [ -n "$p" ] && kill "$p" 2>/dev/null || true; }
trap stop EXIT
(env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Cnht="Data Source=$db" Logging__File= ASPNETCORE_URLS=http://127.0.0.1:$port \
  Serilog__MinimumLevel__Default=Warning Https__Redirect=false Security__AuthRateLimit__PermitLimit=100000 \
  nohup dotnet "$app/NgheAn.CNHT.Web.dll" > "$out/portal-$port.log" 2>&1 &)
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/live" && break; sleep 0.2; done
sleep 8
pid=$(ss -ltnp | grep ":$port " | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
if [ -z "$pid" ]; then echo "the portal did not start (see $out/portal-$port.log)" >&2; exit 1; fi
jar=$(mktemp); base=http://127.0.0.1:$port
token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=Demo@2026!" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
# The session cookie is Secure; this is plain HTTP on the loopback.
sed -i 's/\tTRUE\t/\tFALSE\t/' "$jar"
before=$(grep VmHWM "/proc/$pid/status" | awk '{print $2}')
r=$(curl -s -o "$out/dl.bin" -b "$jar" -w "%{http_code} %{time_total}s %{size_download}B" "$base$url")
after=$(grep VmHWM "/proc/$pid/status" | awk '{print $2}')
echo "$url: $r; peak RSS before ${before} kB, after ${after} kB (load $(cut -d' ' -f1 /proc/loadavg))"
rm -f "$jar"
