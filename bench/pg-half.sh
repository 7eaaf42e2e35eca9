#!/usr/bin/env bash
# PostgreSQL's half of an event list (issue 16; branch pg11): one build's `serve --no-cache` in its own process on a store
# of a throwaway PostgreSQL 15, the web bench's event filter at 50 clients, and meanwhile pg_stat_statements (reset 10 s
# in, read at the end: calls, plans, planning and execution ms, rows and shared buffers a call, by statement) and
# `perf record` of the store's backends and of the server for 8 s. Prints the bench's row, the statements, and perf's top
# symbols of the backends; the recordings stay in $OUT (default /tmp/pg-half).
#   . .ci/servers/postgres.sh && dossier_pg_start && export DOSSIER_PG_DIR DOSSIER_PG_PORT DOSSIER_PG_BIN
#   bench/pg-half.sh setup      # once: loads pg_stat_statements (restarts the server; the extension goes in a schema
#                               # `pgss`, since the store refuses a database with other tables in its schema)
#   dossier ingest CORPUS --store "$DOSSIER_TEST_POSTGRES"; then VACUUM ANALYZE
#   bench/pg-half.sh DIR BENCH_DIR   (DIR holds a `dossier` executable, BENCH_DIR Dossier.Bench.dll); SECS (default 20)
# Needs perf; runs psql as the postgres user when root.
set -uo pipefail
cd "$(dirname "$0")/.."
: "${DOSSIER_PG_DIR:?export DOSSIER_PG_DIR DOSSIER_PG_PORT DOSSIER_PG_BIN after dossier_pg_start}" "${DOSSIER_PG_PORT:?}" "${DOSSIER_TEST_POSTGRES:?}"
bin=${DOSSIER_PG_BIN:-/usr/lib/postgresql/15/bin}
as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
psql=("${as[@]}" "$bin/psql" -h "$DOSSIER_PG_DIR" -p "$DOSSIER_PG_PORT" -U postgres -d dossier -v ON_ERROR_STOP=1)
if [ "${1:-}" = setup ]; then
  "${psql[@]}" -qc "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" || exit 1
  "${as[@]}" "$bin/pg_ctl" -D "$DOSSIER_PG_DIR/data" -l "$DOSSIER_PG_DIR/server.log" -w restart >/dev/null || exit 1
  "${psql[@]}" -qc "ALTER SYSTEM SET pg_stat_statements.track_planning = on" -c "SELECT pg_reload_conf()" \
    -c "CREATE SCHEMA IF NOT EXISTS pgss" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA pgss" >/dev/null || exit 1
  echo "pg_stat_statements loaded (schema pgss)"; exit 0
fi
dir=$1 benchdir=$2 secs=${SECS:-20}
out=${OUT:-/tmp/pg-half}
mkdir -p "$out" && chmod 777 "$out"
command -v perf >/dev/null || { echo "perf not found" >&2; exit 1; }
export DOTNET_TieredCompilation=1 DOTNET_TC_QuickJit=0 DOTNET_TieredPGO=0 DOTNET_GCgen0size=0x4000000 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
# serve as a user runs it: without the settings above, so that it restarts itself with its own
env -u DOTNET_TieredCompilation -u DOTNET_TC_QuickJit -u DOTNET_TieredPGO -u DOTNET_GCgen0size -u DOTNET_ThreadPool_UnfairSemaphoreSpinLimit \
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 "$dir/dossier" serve --store "$DOSSIER_TEST_POSTGRES" --no-cache --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/events?limit=1" && break; sleep 0.5; done
dotnet "$benchdir/Dossier.Bench.dll" web "$DOSSIER_TEST_POSTGRES" --clients 50 --seconds "$secs" --warmup 8 --only events-api \
  --server "http://127.0.0.1:$port" --server-pid "$server" > "$out/bench.txt" 2>&1 &
load=$!
sleep 10
"${psql[@]}" -qAtc "SELECT pgss.pg_stat_statements_reset()" >/dev/null || { echo "no pg_stat_statements: run bench/pg-half.sh setup" >&2; exit 1; }
sleep 2
backends=$("${psql[@]}" -At -c "SELECT string_agg(pid::text, ',') FROM pg_stat_activity WHERE datname = 'dossier' AND usename = 'dossier'")
perf record -F 999 -g -p "$backends" -o "$out/backends.perf" -- sleep 8 >/dev/null 2>&1 &
perf record -F 499 -g -p "$server" -o "$out/serve.perf" -- sleep 8 >/dev/null 2>&1
wait $!
wait $load
"${psql[@]}" -c "\\copy (SELECT calls, plans, round((total_plan_time / greatest(plans, 1))::numeric, 3) AS plan_ms,
  round((total_exec_time / calls)::numeric, 3) AS exec_ms, round(rows::numeric / calls, 1) AS rows,
  round(shared_blks_hit::numeric / calls, 1) AS hit, round(shared_blks_read::numeric / calls, 1) AS read,
  left(regexp_replace(query, '\\s+', ' ', 'g'), 400) AS query
  FROM pgss.pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 20) TO '$out/statements.csv' WITH CSV HEADER" >/dev/null
grep -E '^(scenario|event filter)' "$out/bench.txt"
cut -c1-220 "$out/statements.csv"
perf report -i "$out/backends.perf" --no-children --sort dso,sym --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | sed -n 1,25p
