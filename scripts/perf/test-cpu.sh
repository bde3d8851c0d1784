#!/usr/bin/env bash
# The processor time of one test project's test process, for comparing test-run settings (ADR 0241):
#   bash scripts/perf/test-cpu.sh NgheAn.CNHT.IntegrationTests "FullyQualifiedName~IntegrationTests.Security"
# Builds nothing (run `dotnet build` first). Prints the wall time of `dotnet test` and the user + system time of its
# testhost process and of the children it waited for (the executables the tests start), read from /proc/PID/stat while it runs (the testhost is not a child that /usr/bin/time sees).
set -euo pipefail
cd "$(dirname "$0")/../.."
project=$1
filter=${2:-}
root=$(pwd)
last=$(mktemp)
(
  while true; do
    pid=$(pgrep -f "$root/tests/$project/bin/Debug/net10.0/testhost.dll" | head -1 || true)
    if [ -n "$pid" ]; then
      ticks=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || true)
      [ -n "$ticks" ] && echo "$ticks" > "$last"
    fi
    sleep 0.3
  done
) &
poll=$!
trap 'kill $poll 2>/dev/null || true; rm -f "$last"' EXIT
start=$(date +%s.%N)
if [ -n "$filter" ]; then
  dotnet test "tests/$project" --no-build --filter "$filter" | grep -E "Passed!|Failed!" || true
else
  dotnet test "tests/$project" --no-build | grep -E "Passed!|Failed!" || true
fi
end=$(date +%s.%N)
hz=$(getconf CLK_TCK)
python3 -c "import sys; print(f'wall {float(sys.argv[2]) - float(sys.argv[1]):.1f} s, testhost processor {int(sys.argv[3] or 0) / int(sys.argv[4]):.1f} s')" \
  "$start" "$end" "$(cat "$last")" "$hz"
