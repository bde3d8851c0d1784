#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need on a fresh Debian machine
# with the .NET 10 SDK (run as root), then builds and runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: Chromium for the browser tests (Playwright drives /usr/bin/chromium;
# nothing is downloaded by Playwright itself); poppler-utils for pdftoppm and pdftotext, which render and read report
# PDFs; LibreOffice without its GUI (libreoffice-calc-nogui, libreoffice-writer-nogui: soffice --headless converts the
# Word and Excel downloads to PDF, as a reader without Microsoft Office sees them; ~60 packages, about 25 s; the tests give it the repository's
# Liberation Serif through their own fontconfig file, see ADR 0128);
# docker-compose (with python3-yaml) to validate the compose files, nginx and openssl to run the
# reverse-proxy configuration (tests/.../Deployment). No Docker engine is needed or started; Debian's
# policy-rc.d keeps the nginx package from starting a service.
packages=(chromium poppler-utils libreoffice-calc-nogui libreoffice-writer-nogui docker-compose python3-yaml nginx openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The compose files must be valid before anything is built (the Deployment tests read the model in detail).
docker-compose --env-file .env.example -f docker-compose.yml config -q
docker-compose --env-file .env.example -f docker-compose.yml -f docker-compose.tls.yml config -q
echo "docker-compose config -q: docker-compose.yml and docker-compose.tls.yml are valid"

dotnet tool restore
dotnet build NgheAn.CNHT.sln -c Debug -warnaserror

# Dependency hygiene: no package with a known vulnerability (NuGet's advisory data, as the configured
# source serves it). A finding fails the run; a source that cannot answer is reported, not hidden.
if vuln=$(dotnet list NgheAn.CNHT.sln package --vulnerable --include-transitive 2>&1); then
  if grep -q "has the following vulnerable packages" <<<"$vuln"; then
    echo "$vuln"
    echo "Vulnerable packages found: update them or explain each in docs/reliability.md." >&2
    exit 1
  fi
  echo "dotnet list package --vulnerable: no known-vulnerable package"
else
  echo "$vuln"
  echo "warning: the vulnerability check could not reach the package source" >&2
fi
# The three test projects run side by side, so a failure can sit far above the last lines printed. The output is
# kept, and when the run fails, every failed test with its message is printed again at the very end.
log=$(mktemp)
set +e
dotnet test NgheAn.CNHT.sln -c Debug --no-build --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo
  echo "==== dotnet test exited with $status; the failures, repeated from above ===="
  grep -E -A 30 "^\s+Failed [A-Za-z_]" "$log" | grep -v -E "^\[[0-9:]+ (INF|WRN|DBG)\]" | head -400 || true
  grep -E "Test Run (Failed|Aborted)|Total tests|Failed:|The active test run was aborted|Test host process crashed" "$log" || true
fi
rm -f "$log"
exit "$status"
