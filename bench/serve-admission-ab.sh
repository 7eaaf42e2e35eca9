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
# The runs themselves are bench/serve-jit-ab.sh's, one variant a limit. Build first: dotnet build -c Release
set -uo pipefail
url=$1; rounds=$2; shift 2
env_list=${SERVE_ENV:-}; env_list=${env_list// /,}
variants=()
for limit in "$@"; do variants+=("limit=$limit${SERVE_ENV:+ $SERVE_ENV}:$env_list:--max-concurrent-requests,$limit"); done
SECS=${SECS:-15} exec "$(dirname "$0")/serve-jit-ab.sh" "$url" "$rounds" "${variants[@]}"
