#!/usr/bin/env bash
# CPU seconds (user+sys) of two short commands under different runtime settings, alternating (branch pg6,
# docs/evaluation.md): `analyze` of the reference report, and `ingest` of 40 BBC files (the first 10 of each folder)
# into a fresh SQLite store. Usage: bench/cli-jit-ab.sh ROUNDS VARIANT...   (VARIANT as in bench/serve-jit-ab.sh)
#   e.g. bench/cli-jit-ab.sh 3 base: tc:DOTNET_TieredCompilation=1,DOTNET_TC_QuickJit=0,DOTNET_TieredPGO=0
set -uo pipefail
cd "$(dirname "$0")/.."
rounds=$1; shift
D=${DOSSIER_BIN:-src/Dossier.Cli/bin/Release/net10.0/dossier}
work=$(mktemp -d /tmp/dossier-cli-jit.XXXXXX); trap 'rm -rf "$work"' EXIT
mkdir "$work/c40"
for d in ../shared/corpora/bbc/*/; do ls "$d" | sort | head -10 | while read -r f; do cp "$d$f" "$work/c40/$(basename "$d")-$f"; done; done
for _ in $(seq "$rounds"); do
  for v in "$@"; do
    name=${v%%:*}; envs=${v#*:}
    # shellcheck disable=SC2086
    env ${envs//,/ } /usr/bin/time -o "$work/a" -f '%U %S' "$D" analyze ../shared/samples/000_28743573a08fb585.txt --published 2025-10-17 --format json >/dev/null 2>&1
    rm -f "$work"/c40.db*
    # shellcheck disable=SC2086
    env ${envs//,/ } /usr/bin/time -o "$work/i" -f '%U %S' "$D" ingest "$work/c40" --db "$work/c40.db" >/dev/null 2>&1
    echo "$(date -u +%T) $name load=$(cut -d' ' -f1 /proc/loadavg) analyze: $(tail -1 "$work/a" | awk '{print $1+$2}') s  ingest 40 files: $(tail -1 "$work/i" | awk '{print $1+$2}') s"
  done
done
