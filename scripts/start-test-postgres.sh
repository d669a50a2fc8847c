#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server for the tests: its own data folder, 127.0.0.1 only, a
# free port, run as a non-root user. Prints the shell lines that export CASEBOARD_TEST_PG_URL
# (and friends) and the folder; stop it with scripts/stop-test-postgres.sh <folder>.
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
folder=$(mktemp -d /tmp/caseboard-pg.XXXXXX)
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$folder"
  as_owner=(runuser -u postgres --)
fi
"${as_owner[@]}" "$bin/initdb" -D "$folder/data" -U caseboard -A trust -E UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1
# fsync off: this server holds nothing but test data and is thrown away.
"${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=off -c max_connections=200" start >/dev/null
for database in caseboard_store caseboard_api; do
  "${as_owner[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U caseboard "$database"
done
echo "export CASEBOARD_TEST_PG_FOLDER=$folder"
echo "export CASEBOARD_TEST_PG_URL=postgresql://caseboard@127.0.0.1:$port/caseboard_store"
echo "export CASEBOARD_TEST_PG_API_URL=postgresql://caseboard@127.0.0.1:$port/caseboard_api"
