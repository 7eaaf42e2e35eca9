#!/usr/bin/env bash
# Whether two builds of the store write the same corpus (issue 15, item 5: the corpus merge made cheaper must not change
# a single decision). Ingests the same inputs with each build's `dossier` into a fresh SQLite store, dumps the corpus
# tables (corpus entities, their name rows by the columns every schema version has, their roles, corpus events, their
# actors and sources, ids included) and every document entity's and event's link into the corpus, and compares the dumps.
#   bench/corpus-same.sh DIR_A DIR_B INPUT... (DIR_*: a folder holding a built `dossier`, e.g. src/Dossier.Cli/bin/Release/net10.0)
# Environment: WORK (default /tmp/corpus-same), INGEST_ARGS (extra arguments for `dossier ingest`, e.g. --threads 1).
# Prints the row count of each dump and "same" or the first differing lines; exits 1 when they differ.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 DIR_A DIR_B INPUT..." >&2; exit 2; }
a=$1 b=$2; shift 2
work=${WORK:-/tmp/corpus-same}
mkdir -p "$work"
dump() { # db out
  sqlite3 "$1" ".dump corpus_entities corpus_entity_roles corpus_events corpus_event_actors corpus_event_sources" > "$2"
  # The name rows by the columns every schema has (version 11 adds the entity's type and bareness to each row).
  sqlite3 -list "$1" "SELECT 'alias', corpus_id, norm, kind, alias FROM corpus_entity_aliases ORDER BY corpus_id, norm, kind;" >> "$2"
  sqlite3 -list "$1" "SELECT 'entity', doc_key, entity_id, corpus_id FROM entities ORDER BY doc_key, entity_id;
                      SELECT 'event', doc_key, event_id, corpus_event_id FROM events ORDER BY doc_key, event_id;" >> "$2"
}
for side in a b; do
  dir=${!side}
  rm -f "$work/$side.db" "$work/$side.db-wal" "$work/$side.db-shm"
  start=$(date +%s)
  "$dir/dossier" ingest "$@" --db "$work/$side.db" ${INGEST_ARGS:-} > "$work/$side.log" 2>&1
  echo "$side: ingested in $(( $(date +%s) - start )) s: $(tail -1 "$work/$side.log")"
  dump "$work/$side.db" "$work/$side.sql"
  echo "$side: $(( $(grep -c '^INSERT INTO' "$work/$side.sql") + $(grep -c '^alias|' "$work/$side.sql") )) corpus rows, $(grep -c '^entity|' "$work/$side.sql") entity links, $(grep -c '^event|' "$work/$side.sql") event links"
done
if cmp -s "$work/a.sql" "$work/b.sql"; then echo same; else echo DIFFERENT; diff "$work/a.sql" "$work/b.sql" | head -20; exit 1; fi
