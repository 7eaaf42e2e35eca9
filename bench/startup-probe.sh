#!/usr/bin/env bash
# Issue 15, cold start: where a real `dossier analyze SHORT.txt --format jsonl` process spends its start-up.
#
#   bench/startup-probe.sh [--runs N] [--loads] [--file SHORT.txt] DOSSIER ...
#
# DOSSIER is a dossier program (published ReadyToRun, or the installed tool): e.g.
#   dotnet publish src/Dossier.Cli -c Release --use-current-runtime -o artifacts/r2r && bench/startup-probe.sh artifacts/r2r/dossier
# Builds bench/StartupProbe (a startup hook) and runs each DOSSIER in turn (interleaved) with it: every run prints its
# CPU seconds, collections, bytes allocated and methods compiled at run time; --loads also times the largest model loads
# one by one (CPU, wall, allocated, compiled). Under load compare CPU seconds, not wall.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3; loads=""; file=samples/court-brief.txt; programs=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --loads) loads=1; shift ;;
    --file) file=$2; shift 2 ;;
    *) programs+=("$1"); shift ;;
  esac
done
[ ${#programs[@]} -gt 0 ] || { echo "startup-probe: give at least one dossier program" >&2; exit 2; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
dotnet build bench/StartupProbe -c Release -o "$out/probe" >/dev/null
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$runs"); do
  for program in "${programs[@]}"; do
    echo "run $r: $program analyze $file --format jsonl"
    DOTNET_STARTUP_HOOKS="$out/probe/StartupProbe.dll" PROBE_LOADS=$loads "$program" analyze "$file" --format jsonl 2>&1 >/dev/null \
      | grep '^probe' | sed 's/^/  /'
  done
done
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
