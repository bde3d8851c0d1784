#!/usr/bin/env bash
# A small regression guard for CI (issue 21 § 7): the heavy pages on the demo data and on 10.000 synthetic proposals,
# timed with curl on a published Release build, printed next to the reference figures of docs/performance.md
# ("CI benchmark reference" table) with their ratio. Not part of the test command. About a minute once the two
# databases exist (built once under $CNHT_PERF_DIR with the build's own seed-demo / seed-scale).
# Usage: bash scripts/perf/ci-bench.sh [APP_DIR] [max-ratio=3]
#   APP_DIR: a published build (dotnet publish src/NgheAn.CNHT.Web -c Release -o DIR); published here when omitted.
#   Exits 1 when a page's time, divided by /health/live's on the same run (which takes the machine's speed out),
#   is more than max-ratio times the reference's. Times are medians of 5 warm requests; "after change" is the first
#   request after the data version is raised (what every business write does, ADR 0100).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${CNHT_PERF_DIR:-/tmp/cnht-perf}
port=${CNHT_PERF_PORT:-5393}
max_ratio=${2:-3}
mkdir -p "$work"
if [ -n "${1:-}" ]; then app=$(cd "$1" && pwd); else
  app="$work/app"; echo "== publish (Release)"; dotnet publish src/NgheAn.CNHT.Web -c Release -o "$app" --nologo -v quiet >/dev/null
fi
base="http://127.0.0.1:$port"
pages=("/health/live" "/" "/Proposals?program=2018-2025&page=3" "/Disbursements" "/Disbursements?page=2"
  "/Reports/View/register" "/Reports/View/annual?year=2024" "/Reports/View/matrix" "/Reports/View/appendix" "/Reports/Reconciliation")

build_db() { # $1 = size (0 = demo only)
  local db="$work/ci-$1.db"
  if [ ! -f "$db" ]; then
    (cd "$work" && export ConnectionStrings__Cnht="Data Source=$db" Logging__File= ASPNETCORE_ENVIRONMENT=Development Serilog__MinimumLevel__Default=Warning &&
      dotnet "$app/NgheAn.CNHT.Web.dll" seed-demo >/dev/null &&
      if [ "$1" -gt 0 ]; then dotnet "$app/NgheAn.CNHT.Web.dll" seed-scale --proposals "$1" --entries $(($1 * 10)) >/dev/null; fi)
  fi
  echo "$db"
}

measure() { # $1 = size; prints "size page median after-change"
  local db; db=$(build_db "$1")
  (cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" ConnectionStrings__Cnht="Data Source=$db" \
    Https__Redirect=false Https__Hsts=false Security__EnforceTwoFactor=false Logging__File= Serilog__MinimumLevel__Default=Warning \
    Security__AuthRateLimit__PermitLimit=100000 dotnet "$app/NgheAn.CNHT.Web.dll" >"$work/ci-portal.log" 2>&1) &
  local portal=$!
  for _ in $(seq 1 600); do curl -fs -o /dev/null "$base/health/live" && break; sleep 0.1; done
  local jar="$work/ci-cookies.txt"; rm -f "$jar"
  local token; token=$(curl -fs -c "$jar" -b "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=lanhdao@cnht.demo" --data-urlencode "Input.Password=Demo@2026!" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
  for path in "${pages[@]}"; do
    local code; code=$(curl -s -o /dev/null -b "$jar" -w "%{http_code}" "$base$path")
    if [ "$code" != 200 ]; then echo "$path answered $code" >&2; kill $portal; exit 1; fi
    # A business write outside the ledger (ADR 0214), made elsewhere: the node sees it within its watch's second (ADR 0216).
    sqlite3 "$db" 'UPDATE "DataVersions" SET "Version" = "Version" + 4294967296 WHERE "Id" = 1;'; sleep 1.2
    local first; first=$(curl -s -o /dev/null -b "$jar" -w "%{time_total}" "$base$path")
    local times=(); for _ in 1 2 3 4 5; do times+=("$(curl -s -o /dev/null -b "$jar" -w "%{time_total}" "$base$path")"); done
    local median; median=$(printf "%s\n" "${times[@]}" | sort -g | sed -n 3p)
    printf "%s\t%s\t%.1f\t%.1f\n" "$1" "$path" "$(echo "$median * 1000" | bc -l)" "$(echo "$first * 1000" | bc -l)"
  done
  kill $portal; wait $portal 2>/dev/null || true
}

results="$work/ci-results.tsv"; : >"$results"
for size in 0 10000; do measure $size >>"$results"; done

echo "$(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores (load $(cut -d' ' -f1-3 /proc/loadavg)); milliseconds, median of 5 · after a change"
python3 - "$results" docs/performance.md "$max_ratio" <<'PY'
import sys, re
results, doc, max_ratio = sys.argv[1], sys.argv[2], float(sys.argv[3])
ref = {}
text = open(doc, encoding="utf-8").read()
section = text.split("<!-- ci-bench reference -->", 1)[1].split("<!-- /ci-bench reference -->", 1)[0] if "<!-- ci-bench reference -->" in text else ""
for line in section.splitlines():
    cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
    if len(cells) >= 4 and cells[0].isdigit():
        ref[(cells[0], cells[1])] = (float(cells[2].replace(",", ".")), float(cells[3].replace(",", ".")))
rows = [l.rstrip("\n").split("\t") for l in open(results, encoding="utf-8") if l.strip()]
health = {r[0]: float(r[2]) for r in rows if r[1] == "/health/live"}
ref_health = {k[0]: v[0] for k, v in ref.items() if k[1] == "/health/live"}
print(f"{'size':>6} {'page':<36} {'now':>8} {'ref':>8} {'ratio':>6} {'vs health':>10} {'after chg':>10} {'ref':>8}")
failed = []
for size, page, median, after in rows:
    median, after = float(median), float(after)
    r = ref.get((size, page))
    ratio = f"{median / r[0]:.2f}" if r and r[0] > 0 else "—"
    # Normalised by /health/live of the same run: the machine's speed cancels out.
    norm = ""
    if r and page != "/health/live" and health.get(size) and ref_health.get(size):
        n = (median / health[size]) / (r[0] / ref_health[size])
        norm = f"{n:.2f}"
        if n > max_ratio:
            failed.append(f"{size} {page}: {n:.2f}x the reference (relative to /health/live)")
    print(f"{size:>6} {page:<36} {median:>8.1f} {(r[0] if r else float('nan')):>8.1f} {ratio:>6} {norm:>10} {after:>10.1f} {(r[1] if r else float('nan')):>8.1f}")
if not ref:
    print("no reference table found in docs/performance.md (between <!-- ci-bench reference --> markers)")
if failed:
    print("REGRESSION:\n  " + "\n  ".join(failed))
    sys.exit(1)
PY
