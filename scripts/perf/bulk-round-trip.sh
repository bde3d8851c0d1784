#!/usr/bin/env bash
# The bulk round trip at national size (issue 21 § 6, ADR 0200): export a program from a copy of a database, import the
# file into a new empty database, each under /usr/bin/time -v, then compare the appendix of both (without the moment
# it was generated). Usage: bash scripts/perf/bulk-round-trip.sh APP SOURCE.db [PROGRAM] [WORKDIR]
#   APP       a published Release build (dotnet publish src/NgheAn.CNHT.Web -c Release -o APP)
#   SOURCE.db copied first, never written to (e.g. /work/scale/main-100k.db)
set -euo pipefail
app=${1:?APP}; source_db=${2:?SOURCE.db}; program=${3:-2018-2025}; work=${4:-/tmp/bulk-round-trip}
mkdir -p "$work"
cp "$source_db" "$work/src.db"
rm -f "$work/empty.db" "$work/empty.db-wal" "$work/empty.db-shm" "$work/all.xlsx"
run() { # db, then the verb's arguments
  local db=$1; shift
  env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Cnht="Data Source=$db" dotnet "$app/NgheAn.CNHT.Web.dll" "$@"
}
uptime
# The source is migrated first (an older file), so the export's figures are the export's alone.
run "$work/src.db" migrate >/dev/null
/usr/bin/time -v -o "$work/export.time" env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Cnht="Data Source=$work/src.db" \
  dotnet "$app/NgheAn.CNHT.Web.dll" export --program "$program" --out "$work/all.xlsx"
run "$work/empty.db" migrate >/dev/null
uptime
/usr/bin/time -v -o "$work/import.time" env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Cnht="Data Source=$work/empty.db" \
  dotnet "$app/NgheAn.CNHT.Web.dll" import "$work/all.xlsx" --program "$program"
uptime
for step in export import; do
  echo "== $step"
  grep -E "Elapsed \(wall|User time|System time|Maximum resident" "$work/$step.time"
done
ls -l "$work/all.xlsx"
run "$work/src.db" report appendix --program "$program" --format json --out "$work/src-appendix.json" >/dev/null
run "$work/empty.db" report appendix --program "$program" --format json --out "$work/imported-appendix.json" >/dev/null
python3 - "$work/src-appendix.json" "$work/imported-appendix.json" <<'PY'
import json, sys
a, b = (json.load(open(f, encoding="utf-8")) for f in sys.argv[1:3])
for d in (a, b):
    d.pop("generatedAtUtc", None)
print("appendix: identical" if a == b else "appendix: DIFFERENT")
sys.exit(0 if a == b else 1)
PY
