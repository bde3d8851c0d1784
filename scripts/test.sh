#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need on a fresh Debian machine
# with the .NET 10 SDK (run as root), then builds and runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: Chromium for the browser tests (Playwright drives /usr/bin/chromium;
# nothing is downloaded by Playwright itself); poppler-utils for pdftoppm, which renders report PDFs to PNG.
packages=(chromium poppler-utils)
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

dotnet tool restore
dotnet build NgheAn.CNHT.sln -c Debug -warnaserror
dotnet test NgheAn.CNHT.sln -c Debug --no-build --logger "console;verbosity=normal"
