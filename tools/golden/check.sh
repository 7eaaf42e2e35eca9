#!/usr/bin/env bash
# Proves a refactoring changed no behaviour: runs the published CLI over the reference report, the
# samples and the BBC corpus (`analyze --format jsonl`) and every `eval` against ../shared, then
# compares the SHA-256 of each output with tools/golden/expected.sha256.
#
#   tools/golden/check.sh            compare (exit 1 and list the outputs that differ)
#   tools/golden/check.sh --record   write expected.sha256 anew (only when a change of output is intended)
#
# Outputs are kept in $GOLDEN_OUT (default /tmp/dossier-golden) for diffing.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=tools/golden
shared=../shared
if [ ! -d "$shared/data" ]; then
  echo "golden: ../shared not found; nothing to compare" >&2
  exit 0
fi
out=${GOLDEN_OUT:-/tmp/dossier-golden}
out=$(realpath -m "$out")
rm -rf "$out"; mkdir -p "$out"
bin=$(mktemp -d)
dotnet publish src/Dossier.Cli -c Release -o "$bin" --nologo -v quiet >/dev/null
dossier() { "$bin/dossier" "$@"; }
# analyze and the annotated-sentence scores with --min-confidence 0: every event, so the hashes follow the whole pipeline, not the threshold

dossier analyze "$shared/samples/000_28743573a08fb585.txt" --published 2025-10-17 --format jsonl --min-confidence 0 > "$out/reference.jsonl"
dossier analyze samples --format jsonl --min-confidence 0 > "$out/samples.jsonl" || true
dossier analyze "$shared/corpora/bbc" --format jsonl --min-confidence 0 > "$out/bbc.jsonl"
dossier eval tokens "$shared/data/ud-ewt/en_ewt-ud-dev.conllu" --json > "$out/eval-tokens-dev.json"
dossier eval syntax "$shared/data/ud-ewt/en_ewt-ud-dev.conllu" --json > "$out/eval-syntax-dev.json"
dossier eval ner "$shared/data/conll2003/eng.dev.txt" --json > "$out/eval-ner-dev.json"
dossier eval timex "$shared/data/tempeval3" --json > "$out/eval-timex.json"
dossier eval coref "$shared/data/gum" --split dev --json > "$out/eval-coref-dev.json"
dossier eval events "$shared/data/plover-gsr/plover_gsr_dev.json" --json --details "$out/eval-events-details.tsv" > "$out/eval-events-dev.json"
dossier eval ner "$shared/data/uner/en_ewt-ud-dev.iob2" --json > "$out/eval-ner-uner-dev.json"
dossier eval events data/annotations/events --split dev --min-confidence 0 --json > "$out/eval-events-annotated-dev.json"
dossier eval language "$shared/data/uner/en_ewt-ud-dev.iob2" --json > "$out/eval-language-uner.json"
dossier eval topics --split dev --json > "$out/eval-topics-dev.json"
rm -rf "$bin"

# Speeds vary from run to run: drop them before hashing.
for f in "$out"/eval-*.json; do
  jq -c 'walk(if type == "object" then del(.wordsPerSecond, .charactersPerSecond, .microsecondsPerDocument) else . end)' "$f" > "$f.tmp" && mv "$f.tmp" "$f"
done
(cd "$out" && sha256sum -- *.jsonl *.json *.tsv) > "$out/actual.sha256"
if [ "${1:-}" = "--record" ]; then
  cp "$out/actual.sha256" "$here/expected.sha256"
  echo "golden: recorded $(wc -l < "$here/expected.sha256") outputs"
  exit 0
fi
if diff -u "$here/expected.sha256" "$out/actual.sha256"; then
  echo "golden: all $(wc -l < "$here/expected.sha256") outputs identical"
else
  echo "golden: outputs differ (see $out)" >&2
  exit 1
fi
