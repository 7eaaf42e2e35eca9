#!/usr/bin/env bash
# Issue 16, the workers: where PostgreSQL's time goes while N `dossier worker` processes ingest a corpus. Starts a throwaway
# PostgreSQL 15 (.ci/servers/postgres.sh) with pg_stat_statements (bench/pg-half.sh setup), enqueues CORPUS in a fresh
# database, runs N workers (each in its own session, as bench/team-server.sh does) and prints the wall time and the
# statements by total execution time: calls, execution and planning ms, plans, rows, shared buffers hit.
# A statement that reads hundreds of buffers a call for one row is scanning instead of probing an index.
# Meanwhile one session samples pg_locks every ~2 ms (branch pg12) and prints, per backend that asked for the corpus lock
# (PostgresSchema.CorpusLock; with --threads 1 one writing backend a worker), the seconds it held the lock (granted: from
# pg_advisory_xact_lock's grant to the end of the commit) and the seconds it waited for it, each sample counting the time
# to the next; then the CPU seconds of the workers (user + system) and of PostgreSQL's backends, and the final counts of
# documents, corpus entities and corpus events. Works on any build (it reads only the server): DOSSIER_BIN=DIR/dossier
# for A/B runs.
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
# The corpus lock in pg_locks: an int8 advisory key is classid (high 32 bits), objid (low 32 bits), objsubid 1.
lock=$(grep -o 'CorpusLock = 0x[0-9A-Fa-f]*' src/Dossier.Storage/Postgres/PostgresSchema.cs | sed 's/.*= //')
admin -d bench_writers -c "CREATE TABLE pgss.lock_samples (n integer, t timestamptz, pid integer, granted boolean)" >/dev/null
# The sampler: sample n is a row (n, time, 0, NULL) and a row per backend holding or awaiting the lock; rows are kept in a
# variable and written with a commit every 250 samples (a transaction left open would hold back vacuum on the corpus
# tables); it stops once the queue has nothing pending or leased.
admin -d bench_writers -c "DO \$\$ DECLARE i integer := 0; buf pgss.lock_samples[] := '{}'; BEGIN
  LOOP
    i := i + 1;
    buf := buf || ROW(i, clock_timestamp(), 0, NULL)::pgss.lock_samples || ARRAY(SELECT ROW(i, clock_timestamp(), pid, granted)::pgss.lock_samples
      FROM pg_locks WHERE locktype = 'advisory' AND classid = ($((lock)) >> 32) AND objid = ($((lock)) & 4294967295) AND objsubid = 1);
    IF i % 250 = 0 THEN
      INSERT INTO pgss.lock_samples SELECT * FROM unnest(buf); buf := '{}'; COMMIT;
      EXIT WHEN NOT EXISTS (SELECT 1 FROM work_queue WHERE state IN ('pending', 'leased'));
    END IF;
    PERFORM pg_sleep(0.002);
  END LOOP; END \$\$" >/dev/null &
sampler=$!
server_cpu() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($16 + $17) / t }' "/proc/$(head -1 "$DOSSIER_PG_DIR/data/postmaster.pid")/stat"; }
pg_before=$(server_cpu)
rm -f /tmp/pg-writers-*.cpu
start=$(date +%s.%N)
pids=()
for i in $(seq "$workers"); do
  setsid /usr/bin/time -f "%U %S" -o "/tmp/pg-writers-$i.cpu" "$dossier" worker --store "$url" --threads 1 --lease 10 >/dev/null 2>&1 &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
end=$(date +%s.%N)
wait "$sampler"
sleep 0.5
echo "$workers workers, $(find "$corpus" -type f | wc -l) files: $(python3 -c "print(f'{$end - $start:.1f}')") s wall; load $(uptime | sed 's/.*load average: //')"
echo "CPU s: workers $(cat /tmp/pg-writers-*.cpu | awk '$1 ~ /^[0-9.]+$/ { s += $1 + $2; w = w sprintf(" %.1f", $1 + $2) } END { printf "%.1f (%s )", s, w }'), PostgreSQL $(python3 -c "print(f'{$(server_cpu) - $pg_before:.1f}')")"
echo "counts (documents, corpus entities, corpus events): $(admin -d bench_writers -F ' ' -c "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM corpus_entities), (SELECT count(*) FROM corpus_events)")"
echo "corpus lock by backend: held s | waited s | samples held"
admin -d bench_writers -F ' | ' -c "WITH s AS (SELECT n, extract(epoch FROM lead(t) OVER (ORDER BY n) - t) AS dt FROM pgss.lock_samples WHERE pid = 0)
  SELECT 'backend ' || l.pid, round(sum(s.dt) FILTER (WHERE l.granted)::numeric, 1), round(coalesce(sum(s.dt) FILTER (WHERE NOT l.granted), 0)::numeric, 1),
         count(*) FILTER (WHERE l.granted)
  FROM pgss.lock_samples AS l JOIN s USING (n) WHERE l.pid <> 0 GROUP BY l.pid ORDER BY l.pid"
admin -d bench_writers -c "SELECT 'sampled ' || count(*) || ' times over ' || round(extract(epoch FROM max(t) - min(t))::numeric, 1) || ' s' FROM pgss.lock_samples WHERE pid = 0"
echo "calls | exec ms | plan ms | plans | rows | shared buffers hit | statement"
admin -d bench_writers -F ' | ' -c "SELECT calls, round(total_exec_time::numeric), round(total_plan_time::numeric), plans, rows, shared_blks_hit,
  left(regexp_replace(query, '\s+', ' ', 'g'), 120) FROM pgss.pg_stat_statements WHERE query NOT LIKE '%lock_samples%' ORDER BY total_exec_time DESC LIMIT 8"
