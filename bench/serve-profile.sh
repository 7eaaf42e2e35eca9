#!/usr/bin/env bash
# Where `dossier serve`'s CPU goes under issue 16's load: a PostgreSQL store of CORPUS, `serve --no-cache` in its own
# process (JIT symbol maps on, W^X off so perf can read them), the web bench's event filter at 50 clients for 30 s, and
# `perf record` of the server for 15 s in the middle. Prints the bench's line and perf's top symbols; the recording stays
# in $OUT (default /tmp/serve-profile). Needs perf. Build first: dotnet build -c Release
#   bench/serve-profile.sh [CORPUS]        (default ../shared/corpora/bbc)
set -uo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/bbc}
out=${OUT:-/tmp/serve-profile}
mkdir -p "$out"
dossier=src/Dossier.Cli/bin/Release/net10.0/dossier
bench=(dotnet bench/Dossier.Bench/bin/Release/net10.0/Dossier.Bench.dll)
command -v perf >/dev/null || { echo "perf not found" >&2; exit 1; }
. .ci/servers/postgres.sh
dossier_pg_start >/dev/null || exit 1
pg=$DOSSIER_TEST_POSTGRES
"$dossier" ingest "$corpus" --store "$pg" >/dev/null 2>&1 || { echo "PostgreSQL ingest failed" >&2; dossier_pg_stop; exit 1; }
as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
"${as[@]}" "$DOSSIER_PG_BIN/psql" -h "$DOSSIER_PG_DIR" -p "$DOSSIER_PG_PORT" -U postgres -d dossier -qc "VACUUM ANALYZE"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 "$dossier" serve --store "$pg" --no-cache --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; dossier_pg_stop' EXIT
for _ in $(seq 60); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/events?limit=1" && break; sleep 1; done
"${bench[@]}" web "$pg" --clients 50 --seconds 30 --warmup 10 --server "http://127.0.0.1:$port" --server-pid "$server" --only events-api > "$out/bench.txt" 2>&1 &
load=$!
sleep 18
perf record -F 499 -g -p "$server" -o "$out/serve.perf" -- sleep 15 2>/dev/null
wait $load
grep -E "^(scenario|event filter)" "$out/bench.txt"
perf report -i "$out/serve.perf" --no-children --sort sym --stdio -g none 2>/dev/null | grep -E "^ +[0-9]" | sed -n 1,40p
