#!/usr/bin/env bash
# CPU of `dossier analyze DIR --format jsonl` for two builds, started together so that both see the same machine load
# over the same period (on the shared machine the load moves by 2x within minutes, which sequential pairs cannot
# separate from a 5% change). Each round starts A and B at once (which one first alternates), waits for both, prints
# each one's user and system CPU seconds and wall seconds, and compares their outputs byte for byte.
#
#   bench/analyze-ab.sh DIR ROUNDS A_DOSSIER B_DOSSIER
#
# A_DOSSIER and B_DOSSIER are the `dossier` programs of two published builds
# (`dotnet publish src/Dossier.Cli -c Release --use-current-runtime -o DIR`, ReadyToRun as the tool package).
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: bench/analyze-ab.sh DIR ROUNDS A_DOSSIER B_DOSSIER" >&2; exit 2; }
dir=$1; rounds=$2; a=$3; b=$4
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
run() { /usr/bin/time -f "%U %S %e" -o "$work/time-$1" "$2" analyze "$dir" --format jsonl > "$work/out-$1.jsonl"; }
echo "corpus $dir; $(nproc) cores"
for r in $(seq "$rounds"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  if [ $((r % 2)) = 1 ]; then run A "$a" & run B "$b" & else run B "$b" & run A "$a" & fi
  wait
  same=$(cmp -s "$work/out-A.jsonl" "$work/out-B.jsonl" && echo "same output" || echo "OUTPUT DIFFERS")
  for x in A B; do
    read -r user sys wall < "$work/time-$x"
    echo "round $r ($x): user $user s, sys $sys s, cpu $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}') s, wall $wall s; load $load at the start; $same"
  done
done
