#!/usr/bin/env bash
# Issue 16 (branch pg12): do two builds' PostgreSQL writers make the same corpus? One `dossier worker` (one thread) of each
# build ingests CORPUS into a fresh database of one throwaway PostgreSQL 15 (.ci/servers/postgres.sh); then every corpus
# table, the entity and event rows' corpus ids and store_version are dumped in full (ids included: one worker takes the
# queue in order, so the ids come out the same) and compared. Prints IDENTICAL, or the first lines of the difference.
# Usage: bench/pg-corpus-diff.sh A/dossier B/dossier [CORPUS]   (CORPUS default ../shared/corpora/bbc; any folder of files)
set -uo pipefail
cd "$(dirname "$0")/.."
a=${1:?usage: bench/pg-corpus-diff.sh A/dossier B/dossier [CORPUS]} b=${2:?usage: bench/pg-corpus-diff.sh A/dossier B/dossier [CORPUS]}
corpus=${3:-../shared/corpora/bbc}
[ -d "$corpus" ] || { echo "$corpus: no such directory" >&2; exit 1; }
. .ci/servers/postgres.sh
dossier_pg_start >/dev/null || exit 1
trap dossier_pg_stop EXIT
as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
admin() { "${as[@]}" "$DOSSIER_PG_BIN/psql" -h "$DOSSIER_PG_DIR" -p "$DOSSIER_PG_PORT" -U postgres -qAt "$@"; }
out=$(mktemp -d /tmp/pg-corpus-diff.XXXXXX)
for side in a b; do
  bin=$a; [ "$side" = b ] && bin=$b
  admin -c "CREATE DATABASE diff_$side OWNER dossier" >/dev/null
  url="${DOSSIER_TEST_POSTGRES%/*}/diff_$side"
  "$bin" enqueue "$corpus" --store "$url" >/dev/null || exit 1
  "$bin" worker --store "$url" --threads 1 --lease 10 >/dev/null 2>&1 || exit 1
  for q in "SELECT * FROM corpus_entities ORDER BY 1" "SELECT * FROM corpus_entity_aliases ORDER BY 1, 2, 3" "SELECT * FROM corpus_entity_roles ORDER BY 1, 2" \
           "SELECT * FROM corpus_events ORDER BY 1" "SELECT * FROM corpus_event_actors ORDER BY 1, 2, 3" "SELECT * FROM corpus_event_sources ORDER BY 1, 2" \
           "SELECT d.id, e.entity_id, e.corpus_id FROM entities AS e JOIN documents AS d USING (doc_key) ORDER BY 1, 2" \
           "SELECT d.id, e.event_id, e.corpus_event_id FROM events AS e JOIN documents AS d USING (doc_key) ORDER BY 1, 2" "SELECT version FROM store_version"; do
    echo "## $q"; admin -d "diff_$side" -c "$q"
  done > "$out/$side.txt"
done
echo "$(grep -vc '^## ' "$out/a.txt") rows dumped from A, $(grep -vc '^## ' "$out/b.txt") from B ($out)"
if diff "$out/a.txt" "$out/b.txt" > "$out/diff.txt"; then echo IDENTICAL; else echo "DIFFERENT ($(wc -l < "$out/diff.txt") lines of diff):"; head -20 "$out/diff.txt"; exit 1; fi
