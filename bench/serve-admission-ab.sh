#!/usr/bin/env bash
# Admission control of `dossier serve` (branch pg7, docs/evaluation.md): for each round and each limit in turn, starts
# `dossier serve --no-cache --max-concurrent-requests LIMIT` over STORE_URL in its own process, loads it with the web
# bench (50 clients, the event filter) and prints the bench's row with the time, the limit and the load average:
#   ... requests, req/s, p50, p95, p99, max ms, KB/resp, non-2xx, failed, cpu ms/req (load generator), web ms/req (the
#   server), pg ms/req (PostgreSQL backends), p95 < 50 ms?
# Usage: bench/serve-admission-ab.sh STORE_URL ROUNDS LIMIT...   (LIMIT 0: no limit, every request runs at once)
#   e.g. bench/serve-admission-ab.sh "$URL" 3 0 2 4 8
# WARM (default 10), SECS (default 15) and CLIENTS (default 50) set the bench's warm-up, measured seconds and clients;
# SERVE_ENV (e.g. "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0") is added to the server's environment only.
# Build first: dotnet build -c Release
set -uo pipefail
cd "$(dirname "$0")/.."
url=$1; rounds=$2; shift 2
D=${DOSSIER_BIN:-src/Dossier.Cli/bin/Release/net10.0/dossier}
B=bench/Dossier.Bench/bin/Release/net10.0/Dossier.Bench.dll
for _ in $(seq "$rounds"); do
  for limit in "$@"; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    # shellcheck disable=SC2086
    env ${SERVE_ENV:-} "$D" serve --store "$url" --no-cache --max-concurrent-requests "$limit" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
    s=$!
    for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/events?limit=1" && break; sleep 0.5; done
    line=$(DOTNET_TieredCompilation=0 dotnet "$B" web "$url" --clients "${CLIENTS:-50}" --seconds "${SECS:-15}" --warmup "${WARM:-10}" \
      --only events-api --server "http://127.0.0.1:$port" --server-pid "$s" 2>&1 | grep -E '^event filter')
    echo "$(date -u +%T) limit=$limit${SERVE_ENV:+ $SERVE_ENV} load=$(cut -d' ' -f1 /proc/loadavg) | $line"
    kill "$s"; wait "$s" 2>/dev/null
  done
done
