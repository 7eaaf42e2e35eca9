#!/usr/bin/env bash
# Side by side: `dossier analyze DIR --format jsonl` (published Release build) and compromise 14.17 (a JavaScript
# library that finds people, places and organisations) on the same files, same machine, interleaved runs.
#
#   bench/compare-compromise.sh [DIR] [--runs N] [--threads N]
#
# DIR defaults to the first 403 files (sorted paths) of ../shared/corpora/bbc, copied into a temporary folder.
# Needs the .NET SDK; for the compromise half, node and npm (`npm install compromise@14.17.0` into a temporary
# folder: nothing is installed in the repository). Without node/npm, or when npm cannot fetch, only Dossier's half
# runs and the script says so. DOSSIER_BIN=DIR uses an already published build instead of publishing one.
# Prints wall and CPU seconds of each run, medians, words/s and the ratio beside the issue's reference point.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3; threads=""; dir=""
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --threads) threads="--threads $2"; shift 2 ;;
    *) dir=$1; shift ;;
  esac
done
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
if [ -z "$dir" ]; then
  [ -d ../shared/corpora/bbc ] || { echo "compare: ../shared/corpora/bbc not found; pass a folder of .txt files" >&2; exit 1; }
  dir=$work/corpus; mkdir -p "$dir"
  find ../shared/corpora/bbc -type f -name '*.txt' | sort > "$work/all.txt"
  sed -n 1,403p "$work/all.txt" | while read -r f; do
    cp "$f" "$dir/$(echo "${f#../shared/corpora/bbc/}" | tr / _)"
  done
fi
files=$(find "$dir" -type f -name '*.txt' | wc -l)
words=$(find "$dir" -type f -name '*.txt' -print0 | xargs -0 cat | wc -w)
echo "corpus: $dir, $files files, $words words (wc -w); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

bin=${DOSSIER_BIN:-}
if [ -z "$bin" ]; then
  bin=$work/dossier
  echo "publishing Dossier (Release) ..."
  dotnet publish src/Dossier.Cli -c Release --use-current-runtime -o "$bin" --nologo -v quiet >/dev/null   # ReadyToRun, as the tool package
fi

js=""
if command -v node >/dev/null && command -v npm >/dev/null \
   && (cd "$work" && npm init -y >/dev/null 2>&1 && npm install --silent --no-audit --no-fund compromise@14.17.0 >/dev/null 2>&1); then
  js=$work/entities.js
  cat > "$js" <<'JS'
// People, places and organisations of each .txt file under the folder, one JSON line per file.
const fs = require('fs'), path = require('path'), nlp = require('compromise');
const walk = d => fs.readdirSync(d, { withFileTypes: true }).flatMap(e => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
const out = [];
for (const file of walk(process.argv[2]).filter(f => f.endsWith('.txt')).sort()) {
  const doc = nlp(fs.readFileSync(file, 'utf8'));
  out.push(JSON.stringify({ file, people: doc.people().out('array'), places: doc.places().out('array'), organizations: doc.organizations().out('array') }));
}
process.stdout.write(out.join('\n') + '\n');
JS
else
  echo "compare: node/npm missing or npm could not fetch compromise@14.17.0: running Dossier's half only"
fi

seconds() { # command...: one run; prints "wall cpu" (cpu = user + sys)
  local t=$work/time
  /usr/bin/time -f "%e %U %S" -o "$t" "$@" >/dev/null
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$t"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

: > "$work/dossier.txt"; : > "$work/compromise.txt"
for r in $(seq "$runs"); do
  # shellcheck disable=SC2086
  d=$(seconds "$bin/dossier" analyze "$dir" --format jsonl $threads); echo "$d" >> "$work/dossier.txt"
  echo "run $r: dossier    wall/cpu s: $d"
  if [ -n "$js" ]; then
    c=$(seconds node "$js" "$dir"); echo "$c" >> "$work/compromise.txt"
    echo "run $r: compromise wall/cpu s: $c"
  fi
done
dw=$(cut -d' ' -f1 "$work/dossier.txt" | median); dc=$(cut -d' ' -f2 "$work/dossier.txt" | median)
echo "dossier    median wall $dw s, cpu $dc s: $(awk -v w="$words" -v s="$dw" 'BEGIN {printf "%.0f", w / s}') words/s (start-up included)"
if [ -n "$js" ]; then
  cw=$(cut -d' ' -f1 "$work/compromise.txt" | median); cc=$(cut -d' ' -f2 "$work/compromise.txt" | median)
  echo "compromise median wall $cw s, cpu $cc s: $(awk -v w="$words" -v s="$cw" 'BEGIN {printf "%.0f", w / s}') words/s"
  echo "ratio      $(awk -v a="$cw" -v b="$dw" 'BEGIN {printf "%.2f", a / b}')x faster by wall time, $(awk -v a="$cc" -v b="$dc" 'BEGIN {printf "%.2f", a / b}')x by CPU time"
fi
echo "           issue 15, dossier analyze --format jsonl vs compromise 14.17: was 1.08x; bar >= 3x, goal >= 10x"
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
