#!/usr/bin/env bash
# Ingest cost as the corpus grows, two builds A and B (issue 15, item 5): grows one store with build A's corpus bench
# (`Dossier.Bench corpus`, DOCUMENTS synthetic documents from the BBC sample, windows of WINDOW), then runs the
# side-by-side mode (WINDOW documents added alternately to the grown store and to a fresh store of WINDOW) with A and
# with B, each on its own copy of the grown store (a build with a newer schema migrates its copy on open, before the
# timing), and prints both ratios. Run it on a quiet machine; it keeps the logs and the grown store in WORK.
#   bench/corpus-growth-ab.sh DIR_A DIR_B [DOCUMENTS [WINDOW]]   (DIR_*: a folder with a built Dossier.Bench.dll)
# e.g. A = main's bench/Dossier.Bench/bin/Release/net10.0 copied aside before a merge, B = the branch's.
# Environment: WORK (default /tmp/corpus-growth-ab), BBC (default ../shared/corpora/bbc).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 DIR_A DIR_B [DOCUMENTS [WINDOW]]" >&2; exit 2; }
a=$1 b=$2 documents=${3:-50000} window=${4:-1000}
work=${WORK:-/tmp/corpus-growth-ab} bbc=${BBC:-../shared/corpora/bbc}
mkdir -p "$work"
grown=$work/grown-$documents.db
if [ ! -f "$grown.done" ]; then
  rm -f "$grown" "$grown-wal" "$grown-shm"
  dotnet "$a/Dossier.Bench.dll" corpus "$bbc" --documents "$documents" --window "$window" --db "$grown" | tee "$work/grow.log"
  sqlite3 "$grown" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
  touch "$grown.done"
fi
for side in a b; do
  cp "$grown" "$work/$side.db"; rm -f "$work/$side.db-wal" "$work/$side.db-shm"
  /usr/bin/time -f "$side: %U s user, %S s system, %e s wall" dotnet "${!side}/Dossier.Bench.dll" corpus "$bbc" --window "$window" --db "$work/$side.db" --side-by-side 2>&1 | tee "$work/$side.log"
  rm -f "$work/$side.db" "$work/$side.db-wal" "$work/$side.db-shm"
done
echo "A ($a): $(grep -o 'ratio [0-9.]*' "$work/a.log")   B ($b): $(grep -o 'ratio [0-9.]*' "$work/b.log")"
