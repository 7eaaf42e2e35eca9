#!/usr/bin/env bash
# The web bench with the app in process (as bench/web-engines.sh runs it: serve's code generation), under different
# runtime settings, alternating (branch pg8, docs/evaluation.md): event filter, 50 clients, response cache off, --trace
# into TRACE (default /tmp/web-inprocess-ab); prints per run req/s, p50/p95/p99, CPU ms a request of the process (server
# and load generator) and of the PostgreSQL backends, then bench/web-tail.py's mean line (cores by process, GC pause share,
# collections per 250 ms window by generation).
# Usage: bench/web-inprocess-ab.sh STORE_URL ROUNDS VARIANT...   VARIANT = name:VAR=V,VAR=V (name: for none), e.g.
#   bench/web-inprocess-ab.sh "$URL" 4 old:DOTNET_GCgen0size=0 new:DOTNET_GCgen0size=0x4000000
# WARM (default 10) and SECS (default 15) set the warm-up and measured seconds. Build first: dotnet build -c Release
set -uo pipefail
cd "$(dirname "$0")/.."
url=$1; rounds=$2; shift 2
B=bench/Dossier.Bench/bin/Release/net10.0/Dossier.Bench.dll
dir=${TRACE:-/tmp/web-inprocess-ab}
mkdir -p "$dir" || exit 1
for r in $(seq "$rounds"); do
  for v in "$@"; do
    name=${v%%:*}; envs=${v#*:}
    out=$dir/$name.r$r
    # shellcheck disable=SC2086
    line=$(env DOTNET_TieredCompilation=1 DOTNET_TC_QuickJit=0 DOTNET_TieredPGO=0 ${envs//,/ } dotnet "$B" web "$url" --clients 50 \
      --seconds "${SECS:-15}" --warmup "${WARM:-10}" --no-cache --only events-api --trace "$out" 2>&1 | grep -E '^event filter')
    gc=$(python3 bench/web-tail.py "$out.events-api" | grep -E '^mean per window' | sed 's/mean per window: //')
    echo "$(date -u +%T) r$r $name load=$(cut -d' ' -f1 /proc/loadavg) | $(echo "$line" | awk '{print $5" req/s p50 "$6" p95 "$7" p99 "$8" cpu "$13" pg "$15}') | $gc"
  done
done
