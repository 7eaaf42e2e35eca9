#!/usr/bin/env bash
# Issue 15, start-up and code generation: builds of `dossier` side by side, runs interleaved (A, B, C, A, B, C, ...).
#
#   bench/startup-ab.sh [--runs N] [--file SHORT.txt] [--dir LONG_DIR] LABEL=COMMAND ...
#
# COMMAND is a dossier program with any environment in front, e.g.
#   jit=artifacts/jit/dossier  r2r=artifacts/r2r/dossier  "r2r_tiered=DOTNET_TieredCompilation=1 artifacts/r2r/dossier"
# For each: `analyze SHORT.txt --format jsonl` (cold start; default samples/court-brief.txt) and, with --dir,
# `analyze LONG_DIR --format jsonl` (e.g. the 403 files bench/compare-compromise.sh copies). Prints CPU (user + sys) and
# wall seconds of every run and the medians, with the load average: under load compare CPU seconds, not wall.
# The builds to compare, from a checkout:
#   dotnet publish src/Dossier.Cli -c Release -p:PublishReadyToRun=false -o artifacts/jit   # JIT only
#   dotnet publish src/Dossier.Cli -c Release --use-current-runtime -o artifacts/r2r        # ReadyToRun (as the tool package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5; file=samples/court-brief.txt; dir=""; specs=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --file) file=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    *) specs+=("$1"); shift ;;
  esac
done
[ ${#specs[@]} -gt 0 ] || { echo "startup-ab: give at least one LABEL=COMMAND" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
one() { # label input command...: appends "cpu wall" to $work/label.input
  local out=$work/$1.$2; shift 2
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %U %S" -o "$work/t" env "$@" >/dev/null
  awk '{printf "%.2f %.2f\n", $2 + $3, $1}' "$work/t" >> "$out"
}
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$runs"); do
  for spec in "${specs[@]}"; do
    label=${spec%%=*}; read -r -a cmd <<< "${spec#*=}"
    one "$label" short "${cmd[@]}" analyze "$file" --format jsonl
    [ -z "$dir" ] || one "$label" long "${cmd[@]}" analyze "$dir" --format jsonl
  done
done
for input in short long; do
  [ "$input" = short ] || [ -n "$dir" ] || continue
  echo "analyze $([ "$input" = short ] && echo "$file" || echo "$dir") --format jsonl:"
  for spec in "${specs[@]}"; do
    label=${spec%%=*}; f=$work/$label.$input
    printf '  %-16s CPU s median %s, wall s median %s  (runs cpu/wall: %s)\n' "$label" \
      "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f2 "$f" | median)" "$(tr ' \n' '/ ' < "$f")"
  done
done
echo "issue 15: cold start of dossier analyze on one short file: bar <= 0.5 s wall, goal <= 0.3 s"
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
