#!/usr/bin/env bash
# Web API latency on both store engines (issue 16's bar: PostgreSQL, 50 clients, cache off, event filter, p95 < 50 ms):
# builds a SQLite store and a PostgreSQL store of the same corpus, then runs the web bench (in-process server, response
# cache off) on each, alternating, RUNS times; then PostgreSQL RUNS times more with `dossier serve --no-cache` in a
# process of its own (the bench only generates the load: the "web ms/req" column is the server's CPU alone); and
# PostgreSQL once more with one client.
# The server applies dossier serve's default confidence threshold and the event filters are chosen among the events it
# shows; MIN_CONFIDENCE=0 reproduces the runs before branch pg5 (no threshold, filters from all events).
# Usage: bench/web-engines.sh [CORPUS] [RUNS]     (default ../shared/corpora/bbc, 2)
# TRACE=DIR (no spaces): the PostgreSQL runs at 50 clients also write the bench's --trace files into DIR and print bench/web-tail.py's
# summary after each (are the slow requests clustered in time, and what else ran then; branch pg8).
# Starts a throwaway PostgreSQL 15 with .ci/servers/postgres.sh. Build first: dotnet build -c Release
set -uo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/bbc}
runs=${2:-2}
dossier=${DOSSIER_BIN:-src/Dossier.Cli/bin/Release/net10.0/dossier}
bench=(dotnet bench/Dossier.Bench/bin/Release/net10.0/Dossier.Bench.dll)
# The server as `dossier serve` runs it (src/Dossier.Cli/ServerCodeGeneration.cs): tiered compilation on, no quick tier-0
# code, no instrumented tier, so that hot precompiled (ReadyToRun) code is recompiled fully optimised; the bench hosts the
# same app in its own process, so it runs the same way. (With the default tiers, a loaded machine was still re-compiling
# 40 s into a run, branch pg4; with tiers off, the precompiled code was never optimised further, branch pg6.) And serve's
# generation-0 size for the garbage collector (64 MiB; ServerCodeGeneration.Gen0Size, branch pg8), and its thread-pool spin
# limit of 0 (idle workers sleep at once; ServerCodeGeneration.SpinLimit, branch pg11).
export DOTNET_TieredCompilation=1 DOTNET_TC_QuickJit=0 DOTNET_TieredPGO=0 DOTNET_GCgen0size=0x4000000 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
[ -x "$dossier" ] || { echo "build first: dotnet build -c Release" >&2; exit 1; }
[ -d "$corpus" ] || { echo "$corpus: no such directory" >&2; exit 1; }
. .ci/servers/postgres.sh
dossier_pg_start >/dev/null || exit 1
db=$(mktemp -u /tmp/dossier-web-engines.XXXXXX.db)
trap 'dossier_pg_stop; rm -f "$db" "$db-wal" "$db-shm"' EXIT
load() { uptime | sed 's/.*load average: //'; }
threshold=()
trace() { :; }
if [ -n "${TRACE:-}" ]; then
  mkdir -p "$TRACE" || exit 1
  trace() { echo --trace "$TRACE/$1"; }
fi
tail_of() { [ -n "${TRACE:-}" ] && python3 bench/web-tail.py "$TRACE/$1.events-api" | sed 's/^/    /'; true; }
[ -n "${MIN_CONFIDENCE:-}" ] && threshold=(--min-confidence "$MIN_CONFIDENCE")
pg=$DOSSIER_TEST_POSTGRES
echo "corpus $corpus, $(nproc) cores, $(date -u +%FT%TZ)"
"$dossier" ingest "$corpus" --db "$db" >/dev/null 2>&1 || { echo "SQLite ingest failed" >&2; exit 1; }
"$dossier" ingest "$corpus" --store "$pg" >/dev/null 2>&1 || { echo "PostgreSQL ingest failed" >&2; exit 1; }
# Measure the settled store, not the minutes after a bulk load: vacuum and analyse now rather than leave it to the
# autovacuum worker, which otherwise ran (or not) during one of the runs below.
as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
"${as[@]}" "$DOSSIER_PG_BIN/psql" -h "$DOSSIER_PG_DIR" -p "$DOSSIER_PG_PORT" -U postgres -d dossier -qc "VACUUM ANALYZE" \
  || { echo "PostgreSQL VACUUM ANALYZE failed" >&2; exit 1; }
for i in $(seq "$runs"); do
  echo "== SQLite, run $i, load $(load)"
  "${bench[@]}" web "$db" --clients 50 --seconds 20 --warmup 10 --no-cache "${threshold[@]}" | grep -E '^(scenario|entity|event filter /api/events\?…)'
  echo "== PostgreSQL, run $i, load $(load)"
  # shellcheck disable=SC2046
  "${bench[@]}" web "$pg" --clients 50 --seconds 20 --warmup 10 --no-cache "${threshold[@]}" $(trace "inprocess-$i") | grep -E '^(scenario|entity|event filter /api/events\?…)'
  tail_of "inprocess-$i"
done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$dossier" serve --store "$pg" --no-cache --urls "http://127.0.0.1:$port" "${threshold[@]}" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; dossier_pg_stop; rm -f "$db" "$db-wal" "$db-shm"' EXIT
for _ in $(seq 60); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/events?limit=1" && break; sleep 1; done
for i in $(seq "$runs"); do
  echo "== PostgreSQL, dossier serve in its own process (pid $server), run $i, load $(load)"
  # shellcheck disable=SC2046
  "${bench[@]}" web "$pg" --clients 50 --seconds 20 --warmup 10 --server "http://127.0.0.1:$port" --server-pid "$server" "${threshold[@]}" $(trace "serve-$i") \
    | grep -E '^(scenario|entity|event filter /api/events\?…)'
  tail_of "serve-$i"
done
echo "== PostgreSQL, 1 client, load $(load)"
"${bench[@]}" web "$pg" --clients 1 --seconds 5 --warmup 2 --no-cache "${threshold[@]}" | grep -E '^(scenario|entity|event filter /api/events\?…)'
