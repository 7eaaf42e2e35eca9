#!/usr/bin/env bash
# CPU per event list of `dossier serve` under different runtime settings, alternating (branch pg6, docs/evaluation.md):
# each round starts one server per variant, loads it with the web bench (50 clients, event filter, its own process) and
# prints the bench's row: ... cpu ms/req (load generator), web ms/req (the server), pg ms/req (PostgreSQL backends).
# Usage: bench/serve-jit-ab.sh STORE_URL ROUNDS VARIANT...   VARIANT = name:VAR=V,VAR=V[:ARG,ARG] (name: for none;
#   the ARGs go to `dossier serve`), e.g. bench/serve-jit-ab.sh "$URL" 4 old:DOTNET_TieredCompilation=0 new:
#   or bench/serve-jit-ab.sh "$URL" 3 limit8::--max-concurrent-requests,8 none::--max-concurrent-requests,0
# WARM (default 10), SECS (default 10) and CLIENTS (default 50) set the bench's warm-up, measured seconds and clients.
# Build first: dotnet build -c Release
set -uo pipefail
cd "$(dirname "$0")/.."
url=$1; rounds=$2; shift 2
D=${DOSSIER_BIN:-src/Dossier.Cli/bin/Release/net10.0/dossier}
B=bench/Dossier.Bench/bin/Release/net10.0/Dossier.Bench.dll
for _ in $(seq "$rounds"); do
  for v in "$@"; do
    name=${v%%:*}; rest=${v#*:}; envs=${rest%%:*}; args=""
    [[ $rest == *:* ]] && args=${rest#*:}
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    # shellcheck disable=SC2086
    env ${envs//,/ } "$D" serve --store "$url" --no-cache --urls "http://127.0.0.1:$port" ${args//,/ } >/dev/null 2>&1 &
    s=$!
    for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/events?limit=1" && break; sleep 0.5; done
    line=$(DOTNET_TieredCompilation=0 dotnet "$B" web "$url" --clients "${CLIENTS:-50}" --seconds "${SECS:-10}" --warmup "${WARM:-10}" --only events-api \
      --server "http://127.0.0.1:$port" --server-pid "$s" 2>&1 | grep -E '^event filter')
    echo "$(date -u +%T) $name load=$(cut -d' ' -f1 /proc/loadavg) | $line"
    kill "$s"; wait "$s" 2>/dev/null
  done
done
