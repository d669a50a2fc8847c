#!/usr/bin/env bash
# Quick start: installs what is missing, builds, creates a demo database (once) and serves
# Caseboard on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
database="${CASEBOARD_DEMO_DB:-demo.db}"
if [ ! -f "$database" ]; then
  build/caseboard demo --db "$database"
else
  echo "Using the existing demo database $database (delete it for a fresh one)."
fi
echo
echo "Caseboard: http://127.0.0.1:8080  —  sign in as cm.alvarez (case manager) with password caseboard-demo-2026"
echo "Stop with Ctrl-C."
exec build/caseboard serve --db "$database" --host 127.0.0.1 --port 8080
