#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, starts a throwaway PostgreSQL, then
#   1. CTest: core unit tests and the storage conformance suite on SQLite and PostgreSQL;
#   2. the HTTP API integration tests on SQLite and PostgreSQL (node's test runner);
#   3. the browser end-to-end test (playwright-core driving Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh

eval "$(scripts/start-test-postgres.sh)"
trap 'scripts/stop-test-postgres.sh "$CASEBOARD_TEST_PG_FOLDER"' EXIT
export CASEBOARD_REQUIRE_PG=1
# One audit key for every process of the run, kept with the throwaway server, never in the tree.
export CASEBOARD_AUDIT_KEY_FILE="$CASEBOARD_TEST_PG_FOLDER/audit.key"

status=0
echo "== unit and storage tests (CTest)"
ctest --test-dir build --output-on-failure -j2 || status=1

echo "== API integration and browser end-to-end tests"
# The API suites take the PostgreSQL URL of their own database.
CASEBOARD_TEST_PG_URL="$CASEBOARD_TEST_PG_API_URL" \
  node --test --test-concurrency=2 tests/integration/api/*.test.mjs tests/e2e/*.test.mjs || status=1
exit $status
