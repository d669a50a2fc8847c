#!/usr/bin/env bash
# Stops the server started by start-test-postgres.sh and removes its folder.
set -uo pipefail
folder="$1"
[ -d "$folder/data" ] || exit 0
as_owner=()
[ "$(id -u)" -eq 0 ] && as_owner=(runuser -u postgres --)
"${as_owner[@]}" /usr/lib/postgresql/15/bin/pg_ctl -D "$folder/data" -m fast -w stop >/dev/null 2>&1
rm -rf "$folder"
