#!/usr/bin/env bash
# Are two builds' JSON API answers the same bytes? Builds a SQLite store and a PostgreSQL store of CORPUS (with the first
# build), then serves each store with both builds at once (`dossier serve --no-cache`, write endpoints on) and compares
# every endpoint's status, Content-Type and body with bench/api-bytes.py (lists with filters and next pages, single items,
# problems, writes, the OpenAPI document). Exit 1 on any difference. Starts a throwaway PostgreSQL 15 (.ci/servers/postgres.sh).
#   bench/api-bytes.sh DIR_A DIR_B [CORPUS]     (DIR_*: folders holding a `dossier` executable; default CORPUS ../shared/corpora/bbc)
# SQLITE_DB=FILE PG_URL=postgres://… (both): compare over these stores instead (both builds must read their schema); the
# compared writes add one document to them.
set -uo pipefail
cd "$(dirname "$0")/.."
a=$1/dossier
b=$2/dossier
corpus=${3:-../shared/corpora/bbc}
[ -x "$a" ] && [ -x "$b" ] || { echo "usage: bench/api-bytes.sh DIR_A DIR_B [CORPUS]: no dossier executable in one of them" >&2; exit 2; }
servers=()
if [ -n "${SQLITE_DB:-}" ] && [ -n "${PG_URL:-}" ]; then
  db=$SQLITE_DB pg=$PG_URL
  trap 'kill "${servers[@]}" 2>/dev/null' EXIT
else
  . .ci/servers/postgres.sh
  dossier_pg_start >/dev/null || exit 1
  db=$(mktemp -u /tmp/dossier-api-bytes.XXXXXX.db)
  trap 'kill "${servers[@]}" 2>/dev/null; dossier_pg_stop; rm -f "$db" "$db-wal" "$db-shm"' EXIT
  pg=$DOSSIER_TEST_POSTGRES
  "$a" ingest "$corpus" --db "$db" >/dev/null 2>&1 || { echo "SQLite ingest failed" >&2; exit 1; }
  "$a" ingest "$corpus" --store "$pg" >/dev/null 2>&1 || { echo "PostgreSQL ingest failed" >&2; exit 1; }
fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
export DOSSIER_API_TOKEN=api-bytes-token
status=0
for store in sqlite postgres; do
  if [ $store = sqlite ]; then where=(--db "$db"); else where=(--store "$pg"); fi
  pa=$(free_port); pb=$(free_port)
  "$a" serve "${where[@]}" --no-cache --urls "http://127.0.0.1:$pa" >/dev/null 2>&1 & servers+=($!)
  "$b" serve "${where[@]}" --no-cache --urls "http://127.0.0.1:$pb" >/dev/null 2>&1 & servers+=($!)
  for port in $pa $pb; do
    for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/events?limit=1" && break; sleep 1; done
  done
  echo "== $store: $1 vs $2"
  python3 bench/api-bytes.py "http://127.0.0.1:$pa" "http://127.0.0.1:$pb" --token "$DOSSIER_API_TOKEN" || status=1
  kill "${servers[@]}" 2>/dev/null; wait "${servers[@]}" 2>/dev/null; servers=()
done
exit $status
