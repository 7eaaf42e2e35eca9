#!/bin/sh
# Builds models/languages/english-words.tsv: the English word-frequency lexicon of the language detector
# (Dossier.Ingest/Languages/EnglishLexicon), learned from the UD English Web Treebank train split.
# Words are the lower-cased forms of the treebank's tokens and multiword tokens ("don't") made only of letters
# and apostrophes; a word is kept when it occurs at least MIN times (default 2). Deterministic: same input, same file.
# Usage: tools/languages/build-english-words.sh [../shared/data/ud-ewt/en_ewt-ud-train.conllu] [MIN]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
input=${1:-"$here/../shared/data/ud-ewt/en_ewt-ud-train.conllu"}
min=${2:-2}
out="$here/models/languages/english-words.tsv"
[ -f "$input" ] || { echo "build-english-words: $input: not found" >&2; exit 2; }
{
  printf '# English words and their counts in the UD English Web Treebank r2.16 train split (CC BY-SA 4.0),\n'
  printf '# lower-cased, letters and apostrophes only, count >= %s. Built by tools/languages/build-english-words.sh.\n' "$min"
  printf '# word\tcount\n'
  LC_ALL=C.UTF-8 awk -F'\t' -v min="$min" '
    /^#/ || NF < 2 { next }
    { w = tolower($2); gsub(/\xe2\x80\x99/, "\x27", w) }
    w ~ /^[[:alpha:]\x27\x80-\xff]+$/ && w ~ /[[:alpha:]\x80-\xff]/ { n[w]++ }
    END { for (w in n) if (n[w] >= min) printf "%s\t%d\n", w, n[w] }
  ' "$input" | LC_ALL=C sort -t'	' -k2,2nr -k1,1
} > "$out"
echo "$(grep -vc '^#' "$out") words -> $out"
