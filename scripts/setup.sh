#!/usr/bin/env bash
# Installs what Caseboard needs on Debian 12, and only what is missing: the compiler and libraries,
# PostgreSQL 15 and Chromium (for the tests), Node.js, and the web UI's npm packages (from the
# committed lock files). Runs apt-get as root, or through sudo when not root.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build pkgconf git
  librestinio-dev libasio-dev nlohmann-json3-dev libexpected-dev libfmt-dev libspdlog-dev libcli11-dev
  libsodium-dev liboath-dev libssl-dev openssl libcsv-dev libsqlite3-dev libpq-dev
  libxlsxwriter-dev libhpdf-dev
  libgtest-dev libgmock-dev libbenchmark-dev unzip poppler-utils sqlite3
  postgresql chromium
  wrk
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Node.js may come from Debian or elsewhere; only its absence matters.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages at the versions of the committed lock files; reinstalled only when a lock file
# changed. `npm install --no-save` rather than `npm ci`: lock files written without registry
# addresses leave out the build tools' optional per-platform packages, which `npm ci` then
# refuses; install resolves those for this platform and leaves the lock file as it is.
for folder in web tests; do
  if [ ! -f "$folder/node_modules/.package-lock.json" ] || [ "$folder/package-lock.json" -nt "$folder/node_modules/.package-lock.json" ]; then
    echo "setup: installing npm packages in $folder/"
    (cd "$folder" && npm install --no-save --no-audit --no-fund --loglevel=error)
  fi
done
