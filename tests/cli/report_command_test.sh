#!/usr/bin/env bash
# `caseboard report` end to end on a demo database: the three formats as a director, a supervisor's
# narrowed scope, the export in the audit trail, and bad arguments refused naming the option with
# nothing written. Usage: report_command_test.sh path/to/caseboard
set -uo pipefail
caseboard=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/demo.db"
period=$(date -u +%Y-%m)
passed=0
failed=0

check() {  # check "what" command...
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $what" >&2
  fi
}

# refused "what" expected-text-in-stderr args...: exits non-zero, names it, writes no output file.
refused() {
  local what=$1 expected=$2
  shift 2
  rm -f "$work/out" "$work/err"
  if "$caseboard" report "$@" --db "$db" --output "$work/out" 2>"$work/err"; then
    failed=$((failed + 1))
    echo "FAILED: $what was accepted" >&2
  elif ! grep -q -- "$expected" "$work/err"; then
    failed=$((failed + 1))
    echo "FAILED: $what: the message does not name $expected: $(cat "$work/err")" >&2
  elif [ -e "$work/out" ]; then
    failed=$((failed + 1))
    echo "FAILED: $what wrote a file" >&2
  else
    passed=$((passed + 1))
  fi
}

"$caseboard" demo --db "$db" --clients 60 >/dev/null || {
  echo "cannot create the demo database" >&2
  exit 1
}

# CSV to standard output: the header names the metrics, the Total row comes first.
"$caseboard" report monthly --db "$db" --as director --period "$period" --format csv >"$work/monthly.csv" 2>"$work/err"
check "csv export exits 0 ($(cat "$work/err"))" test -s "$work/monthly.csv"
check "csv header" grep -q '^case_manager,caseload,acuity_weighted_caseload,' "$work/monthly.csv"
check "csv total row" bash -c "sed -n 2p '$work/monthly.csv' | grep -q '^Total,[0-9]'"
check "csv has a case manager's row" grep -q '^Sofia Alvarez,' "$work/monthly.csv"
check "csv quotes a name with a comma" grep -q '^"Lily Chen, RN",' "$work/monthly.csv"
check "csv lines end in CRLF" grep -q $'^case_manager,.*\r$' "$work/monthly.csv"

# XLSX and PDF to files.
"$caseboard" report monthly --db "$db" --as director --period "$period" --format xlsx --output "$work/monthly.xlsx" \
  2>"$work/err"
check "xlsx export ($(cat "$work/err"))" test -s "$work/monthly.xlsx"
check "xlsx is private to its owner" test "$(stat -c %a "$work/monthly.xlsx")" = 600
if command -v unzip >/dev/null; then
  check "xlsx has the Cases sheet" bash -c "unzip -p '$work/monthly.xlsx' xl/workbook.xml | grep -q 'name=\"Cases\"'"
  check "xlsx lists drill-down cases" bash -c "unzip -p '$work/monthly.xlsx' xl/worksheets/sheet4.xml | grep -q '<c r=\"A2\"'"
fi
"$caseboard" report timeliness --db "$db" --as director --period "$period" --format pdf --output "$work/timeliness.pdf" \
  2>"$work/err"
check "pdf export ($(cat "$work/err"))" test "$(head -c 5 "$work/timeliness.pdf" 2>/dev/null)" = "%PDF-"
if command -v pdftotext >/dev/null; then
  check "pdf holds the report title" bash -c "pdftotext '$work/timeliness.pdf' - | grep -q 'Timeliness'"
fi
# PDF and XLSX go to standard output when it is not a terminal.
"$caseboard" report outcomes --db "$db" --as director --period "$period" --format pdf >"$work/piped.pdf" 2>/dev/null
check "pdf to a pipe" test "$(head -c 5 "$work/piped.pdf")" = "%PDF-"

# A supervisor's export covers their team only: no row for the other team's case managers.
"$caseboard" report caseload --db "$db" --as sup.okoro --period "$period" --format csv >"$work/team.csv" 2>"$work/err"
check "supervisor export ($(cat "$work/err"))" grep -q '^Total,' "$work/team.csv"
check "supervisor sees no other team" bash -c "! grep -q '^Tyrone Evans,' '$work/team.csv'"

# Every export is in the audit trail, and the chain still verifies.
if command -v sqlite3 >/dev/null; then
  check "exports audited" test "$(sqlite3 "$db" "SELECT count(*) FROM audit_events WHERE action = 'report.export'")" -ge 5
fi
check "audit chain intact" bash -c "'$caseboard' audit verify --db '$db' >/dev/null"

# Bad arguments: refused, naming what is wrong, nothing written.
refused "an unknown format" "--format" monthly --as director --period "$period" --format xml
refused "a malformed period" "--period" monthly --as director --period 2026-13 --format csv
refused "a period that ends before it starts" "--period" monthly --as director --period 2026-10-05..2026-10-01 \
  --format csv
refused "an unknown report" "unknown report 'weekly'" weekly --as director --period "$period" --format csv
refused "an unknown user" "--as" monthly --as nobody --period "$period" --format csv
refused "a role without reports" "--as" monthly --as admin --period "$period" --format csv
refused "a program that does not exist" "--program" monthly --as director --period "$period" --format csv \
  --program pg_nonexistent
refused "a missing --period" "--period" monthly --as director --format csv

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
