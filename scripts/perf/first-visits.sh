#!/usr/bin/env bash
# The first request of each page kind after a start (ADR 0240), on an existing database with a published build: starts
# the portal, waits 40 s (the background warm-ups, ADR 0104/0236/0240), then requests each page twice, anonymous and as
# each demo role (a fresh sign-in per role), and prints "status:ms" (curl time_total) for the first and the second request.
# Usage: bash scripts/perf/first-visits.sh APP_DIR DATABASE [port=5401]   (pass a copy of the database: the security
# page stores the administrator's authenticator key on its first visit). The warm-up's own log line is printed last.
set -euo pipefail
app=$(cd "$1" && pwd); db=$(realpath "$2"); port=${3:-5401}; base="http://127.0.0.1:$port"; work=$(mktemp -d)
(cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Cnht="Data Source=$db" \
  Https__Redirect=false Https__Hsts=false Security__EnforceTwoFactor=false Logging__File= Serilog__MinimumLevel__Default=Information \
  Security__AuthRateLimit__PermitLimit=100000 dotnet "$app/NgheAn.CNHT.Web.dll" >"$work/portal.log" 2>&1) &
portal=$!
trap 'kill $portal 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 1200); do curl -fs -o /dev/null "$base/health/live" && break; sleep 0.1; done
sleep 40
t() { curl -s -o /dev/null -b "$2" -c "$2" -w "%{http_code}:%{time_total}" "$base$1" | awk -F: '{printf "%s:%.0f", $1, $2*1000}'; }
signin() { local jar=$1 email=$2; token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=Demo@2026!" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"; }
echo "$(date -u +%H:%M) load $(cut -d' ' -f1 /proc/loadavg) $(basename $app)"
anon=$work/anon.txt; : > $anon
slug=$(sqlite3 "$db" "select Slug from NewsPosts where State='Published' order by PublishedAt desc limit 1")
for p in / /chuong-trinh /danh-ba /tin-tuc/$slug /Calls /en; do printf "%-44s %s %s\n" "anon $p" "$(t $p $anon)" "$(t $p $anon)"; done
for pair in chuyenvien@cnht.demo:/,/Proposals,/Proposals/Create trungtam@cnht.demo:/Disbursements,/ lanhdao@cnht.demo:/ xem@cnht.demo:/Reports,/ admin@cnht.demo:/,/Account/Security; do
  email=${pair%%:*}; jar=$work/$email.txt; : > $jar; signin $jar $email
  IFS=, read -r -a ps <<< "${pair#*:}"
  for p in "${ps[@]}"; do printf "%-44s %s %s\n" "$email $p" "$(t $p $jar)" "$(t $p $jar)"; done
done
grep -h "rendered once in the background\|compiled in the background" "$work/portal.log" | cut -c1-2000 || true
