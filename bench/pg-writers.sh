#!/usr/bin/env bash
# Issue 16, the workers: where PostgreSQL's time goes while N `dossier worker` processes ingest a corpus. Starts a throwaway
# PostgreSQL 15 (.ci/servers/postgres.sh) with pg_stat_statements (bench/pg-half.sh setup), enqueues CORPUS in a fresh
# database, runs N workers (each in its own session, as bench/team-server.sh does) and prints the wall time and the
# statements by total execution time: calls, execution and planning ms, plans, rows, shared buffers hit.
# A statement that reads hundreds of buffers a call for one row is scanning instead of probing an index.
# Usage: bench/pg-writers.sh [CORPUS] [N]   (defaults: ../shared/corpora/bbc, 2). Build first: dotnet build -c Release
set -uo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/bbc}
workers=${2:-2}
dossier=${DOSSIER_BIN:-src/Dossier.Cli/bin/Release/net10.0/dossier}
[ -x "$dossier" ] || { echo "build first: dotnet build -c Release src/Dossier.Cli" >&2; exit 1; }
[ -d "$corpus" ] || { echo "$corpus: no such directory" >&2; exit 1; }

. .ci/servers/postgres.sh
dossier_pg_start >/dev/null || exit 1
trap dossier_pg_stop EXIT
export DOSSIER_PG_DIR DOSSIER_PG_PORT DOSSIER_PG_BIN
bench/pg-half.sh setup >/dev/null || exit 1
as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
admin() { "${as[@]}" "$DOSSIER_PG_BIN/psql" -h "$DOSSIER_PG_DIR" -p "$DOSSIER_PG_PORT" -U postgres -qAt "$@"; }

admin -c "DROP DATABASE IF EXISTS bench_writers WITH (FORCE)" -c "CREATE DATABASE bench_writers OWNER dossier" >/dev/null 2>&1
admin -d bench_writers -c "CREATE SCHEMA IF NOT EXISTS pgss" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA pgss" >/dev/null
url="${DOSSIER_TEST_POSTGRES%/*}/bench_writers"
"$dossier" enqueue "$corpus" --store "$url" >/dev/null || exit 1
admin -d bench_writers -c "SELECT pgss.pg_stat_statements_reset()" >/dev/null
start=$(date +%s.%N)
for i in $(seq "$workers"); do setsid "$dossier" worker --store "$url" --threads 1 --lease 10 >/dev/null 2>&1 & done
wait
end=$(date +%s.%N)
echo "$workers workers, $(find "$corpus" -type f | wc -l) files: $(python3 -c "print(f'{$end - $start:.1f}')") s wall; load $(uptime | sed 's/.*load average: //')"
echo "calls | exec ms | plan ms | plans | rows | shared buffers hit | statement"
admin -d bench_writers -F ' | ' -c "SELECT calls, round(total_exec_time::numeric), round(total_plan_time::numeric), plans, rows, shared_blks_hit,
  left(regexp_replace(query, '\s+', ' ', 'g'), 120) FROM pgss.pg_stat_statements ORDER BY total_exec_time DESC LIMIT 8"
