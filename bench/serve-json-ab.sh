#!/usr/bin/env bash
# `dossier serve`'s CPU a request and the share of it spent writing JSON, two or more builds alternating over one store
# (branch pg10): each build's `serve --no-cache` in its own process (serve's code generation, generation 0 and thread-pool
# spin limit, JIT symbol maps on), the web bench's event filter at 50 clients for SECS (default 20) after WARM (default 8) seconds, and
# `perf record` of the server for 8 s in the middle. Prints per run the bench's row (load generator, server and store CPU
# ms a request) and the server's samples in JSON writing: System.Text.Json, System.Text.Encodings.Web (escaping), the
# UTF-16 to UTF-8 transcoder, the generated code (ApiJsonContext, JsonAnswer).
#   bench/serve-json-ab.sh ROUNDS STORE BENCH_DIR NAME=DIR...   (DIR holds a `dossier` executable; BENCH_DIR Dossier.Bench.dll;
#   STORE a postgres:// URL or a SQLite file that every build reads)
# SERVE_AS_RUN=1: start each `serve` without these settings in its environment, so that each build's serve restarts itself
# with its own (src/Dossier.Cli/ServerCodeGeneration.cs), as a user runs it: to compare builds whose settings differ (pg11).
set -uo pipefail
cd "$(dirname "$0")/.."
rounds=$1 store=$2 benchdir=$3; shift 3
out=${OUT:-/tmp/serve-json-ab}
mkdir -p "$out"
export DOTNET_TieredCompilation=1 DOTNET_TC_QuickJit=0 DOTNET_TieredPGO=0 DOTNET_GCgen0size=0x4000000 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
opt=--db; [[ $store == postgres://* ]] && opt=--store
json='System\.Text\.Json|System\.Text\.Encodings\.Web|TranscodeToUtf8|ApiJsonContext|JsonAnswer'
for r in $(seq "$rounds"); do
  for v in "$@"; do
    name=${v%%=*} dir=${v#*=}
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    unset_settings=()
    [ -n "${SERVE_AS_RUN:-}" ] && unset_settings=(-u DOTNET_TieredCompilation -u DOTNET_TC_QuickJit -u DOTNET_TieredPGO -u DOTNET_GCgen0size -u DOTNET_ThreadPool_UnfairSemaphoreSpinLimit)
    env "${unset_settings[@]}" DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 "$dir/dossier" serve "$opt" "$store" --no-cache --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
    s=$!
    for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/events?limit=1" && break; sleep 0.5; done
    dotnet "$benchdir/Dossier.Bench.dll" web "$store" --clients 50 --seconds "${SECS:-20}" --warmup "${WARM:-8}" --only events-api \
      --server "http://127.0.0.1:$port" --server-pid "$s" > "$out/$name.r$r.txt" 2>&1 &
    load=$!
    sleep $(( ${WARM:-8} + 6 ))
    perf record -F 499 -g -p "$s" -o "$out/$name.r$r.perf" -- sleep 8 >/dev/null 2>&1
    wait $load
    kill "$s"; wait "$s" 2>/dev/null
    share=$(perf report -i "$out/$name.r$r.perf" --no-children --sort dso,sym --stdio -g none 2>/dev/null \
      | awk -v re="$json" '/^ +[0-9.]+%/ { p = $1 + 0; total += p; if ($0 ~ re) j += p } END { printf "%.1f%% of %.0f%%", j, total }')
    echo "$(date -u +%T) r$r $name load=$(cut -d' ' -f1 /proc/loadavg) | $(grep -E '^event filter' "$out/$name.r$r.txt") | JSON writing $share of the server's samples"
  done
done
