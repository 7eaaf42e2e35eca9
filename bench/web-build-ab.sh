#!/usr/bin/env bash
# The web bench's event filter on two builds of Dossier, each on its own store, alternating (branch pg9,
# docs/evaluation.md): 50 clients, response cache off, serve's code generation and generation 0 (as bench/web-engines.sh).
# MODE=inprocess (default): the app in the bench's process, --trace into TRACE (default /tmp/web-build-ab); prints req/s,
# p50/p95/p99, CPU ms a request of the process (server and load generator) and of PostgreSQL's backends (none on SQLite).
# MODE=serve: `dossier serve --no-cache` of the build in its own process; prints the bench's row (load generator, server
# and PostgreSQL CPU ms a request).
# Usage: bench/web-build-ab.sh ROUNDS VARIANT...   VARIANT = name:BUILD_ROOT:STORE, where BUILD_ROOT holds
#   src/Dossier.Cli/bin/Release/net10.0 and bench/Dossier.Bench/bin/Release/net10.0 (a checkout after dotnet build -c Release,
#   or a copy of those two folders), STORE a postgres:// URL or a SQLite file, e.g.
#   bench/web-build-ab.sh 3 main:/tmp/main-build:"$URL_MAIN" new:.:"$URL_NEW"
# WARM (default 10) and SECS (default 15) set the warm-up and measured seconds.
set -uo pipefail
cd "$(dirname "$0")/.."
rounds=$1; shift
dir=${TRACE:-/tmp/web-build-ab}
mkdir -p "$dir" || exit 1
export DOTNET_TieredCompilation=1 DOTNET_TC_QuickJit=0 DOTNET_TieredPGO=0 DOTNET_GCgen0size=0x4000000 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
for r in $(seq "$rounds"); do
  for v in "$@"; do
    name=${v%%:*}; rest=${v#*:}; root=${rest%%:*}; store=${rest#*:}
    D=$root/src/Dossier.Cli/bin/Release/net10.0/dossier
    B=$root/bench/Dossier.Bench/bin/Release/net10.0/Dossier.Bench.dll
    if [ "${MODE:-inprocess}" = serve ]; then
      port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
      opt=--db; [[ $store == postgres://* ]] && opt=--store
      "$D" serve "$opt" "$store" --no-cache --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
      s=$!
      for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/events?limit=1" && break; sleep 0.5; done
      line=$(dotnet "$B" web "$store" --clients 50 --seconds "${SECS:-15}" --warmup "${WARM:-10}" --only events-api \
        --server "http://127.0.0.1:$port" --server-pid "$s" 2>&1 | grep -E '^event filter')
      kill "$s"; wait "$s" 2>/dev/null
      echo "$(date -u +%T) r$r $name load=$(cut -d' ' -f1 /proc/loadavg) | $line"
    else
      out=$dir/$name.r$r
      line=$(dotnet "$B" web "$store" --clients 50 --seconds "${SECS:-15}" --warmup "${WARM:-10}" --no-cache --only events-api \
        --trace "$out" 2>&1 | grep -E '^event filter')
      echo "$(date -u +%T) r$r $name load=$(cut -d' ' -f1 /proc/loadavg) | $line"
    fi
  done
done
