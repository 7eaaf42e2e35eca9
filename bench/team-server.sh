#!/usr/bin/env bash
# Team-server figures (issue 16): a corpus (default: the BBC sample) through 1, 2 and 4 `dossier worker` processes on
# PostgreSQL (and 2 workers of which one is killed with SIGKILL midway), and through one SQLite `dossier ingest`:
# documents/s (wall clock from the first worker's start to the last one's exit, model loading included) and the final
# counts of documents, corpus entities and corpus events, which must be the same in every run.
# Usage: bench/team-server.sh [CORPUS] [RUNS...]   RUNS from: sqlite pg1 pg2 pg4 pg2kill (default all)
# Starts a throwaway PostgreSQL 15 with .ci/servers/postgres.sh (root: runs it as the postgres user). Build first:
#   dotnet build -c Release src/Dossier.Cli
# Columns: wall seconds and documents/s; final counts; CPU seconds (user + system) of the worker processes (or the SQLite
# ingest) and of the PostgreSQL backends, which under load say more than the wall clock.
set -uo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/bbc}
shift || true
runs=${*:-sqlite pg1 pg2 pg4 pg2kill}
dossier=${DOSSIER_BIN:-src/Dossier.Cli/bin/Release/net10.0/dossier}  # DOSSIER_BIN: another build, for A/B runs
[ -x "$dossier" ] || { echo "build first: dotnet build -c Release src/Dossier.Cli" >&2; exit 1; }
[ -d "$corpus" ] || { echo "$corpus: no such directory" >&2; exit 1; }

. .ci/servers/postgres.sh
dossier_pg_start >/dev/null || exit 1
trap dossier_pg_stop EXIT
as=(); [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
admin() { "${as[@]}" "$DOSSIER_PG_BIN/psql" -h "$DOSSIER_PG_DIR" -p "$DOSSIER_PG_PORT" -U postgres -qAt "$@"; }
fresh() { admin -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1 OWNER dossier" >/dev/null; echo "${DOSSIER_TEST_POSTGRES%/*}/$1"; }
counts_pg() { admin -d "$1" -F ' ' -c "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM corpus_entities), (SELECT count(*) FROM corpus_events)"; }
now() { date +%s.%N; }
# CPU seconds (user + system) of the server's backends that have exited: the postmaster's cutime + cstime.
server_cpu() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($16 + $17) / t }' "/proc/$(head -1 "$DOSSIER_PG_DIR/data/postmaster.pid")/stat"; }
load() { uptime | sed 's/.*load average: //'; }

echo "corpus $corpus ($(find "$corpus" -type f | wc -l) files), $(nproc) cores, $(date -u +%FT%TZ)"
printf '%-10s %8s %8s %9s %10s %10s %8s %8s  %s\n' run seconds docs/s documents entities events "cpu s" "pg cpu s" "load (1, 5, 15 min) before"

for run in $runs; do
  before=$(load)
  case $run in
    sqlite)
      db=$(mktemp -u /tmp/dossier-bench.XXXXXX.db)
      start=$(now)
      /usr/bin/time -f "%U %S" -o /tmp/dossier-bench-sqlite.cpu "$dossier" ingest "$corpus" --db "$db" >/dev/null 2>/tmp/dossier-bench-sqlite.err
      end=$(now)
      cpu=$(awk '{ s += $1 + $2 } END { printf "%.1f", s }' /tmp/dossier-bench-sqlite.cpu)
      pgcpu=-
      counts=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(*[c.execute(f'SELECT count(*) FROM {t}').fetchone()[0] for t in ('documents','corpus_entities','corpus_events')])" "$db")
      rm -f "$db" "$db-wal" "$db-shm"
      ;;
    pg1|pg2|pg4|pg2kill)
      n=${run#pg}; n=${n%kill}
      name=bench_$run
      url=$(fresh "$name")
      "$dossier" enqueue "$corpus" --store "$url" >/dev/null
      total=$(admin -d "$name" -c "SELECT count(*) FROM work_queue")
      pids=()
      rm -f /tmp/dossier-bench-"$run"-*.cpu
      pg_before=$(server_cpu)
      start=$(now)
      for i in $(seq "$n"); do
        # Each worker in a session of its own (setsid), as on a machine of its own: with autogroup scheduling (Linux's
        # default) the processes of one session share one CPU share, so on a busy machine a second worker in the same
        # session would get no more CPU than the first alone.
        setsid /usr/bin/time -f "%U %S" -o "/tmp/dossier-bench-$run-$i.cpu" "$dossier" worker --store "$url" --threads 1 --lease 10 >"/tmp/dossier-bench-$run-$i.log" 2>&1 &
        pids+=($!)
      done
      if [ "${run%kill}" != "$run" ]; then
        # Midway: once 40% of the inputs are done, SIGKILL the first worker (it is in the middle of a document).
        while [ "$(admin -d "$name" -c "SELECT count(*) FROM work_queue WHERE state = 'done'")" -lt $((total * 4 / 10)) ]; do sleep 0.5; done
        # The worker itself, not the /usr/bin/time that started it (which then reports no CPU for it).
        victim=$(pgrep -P "${pids[0]}" | head -1)
        kill -9 "$victim"
        echo "  $run: killed worker $victim at $(admin -d "$name" -c "SELECT count(*) FROM work_queue WHERE state = 'done'")/$total inputs done; its leased input: $(admin -d "$name" -c "SELECT input FROM work_queue WHERE state = 'leased' AND worker LIKE '%:$victim:%'")"
      fi
      for pid in "${pids[@]}"; do wait "$pid"; done
      end=$(now)
      # Worker CPU: user + system of every worker (a killed one's is lost); server CPU: the backends', all exited by now.
      cpu=$(cat /tmp/dossier-bench-"$run"-*.cpu 2>/dev/null | awk '$1 ~ /^[0-9.]+$/ { s += $1 + $2 } END { printf "%.1f", s }')
      sleep 0.5
      pgcpu=$(python3 -c "print(f'{$(server_cpu) - $pg_before:.1f}')")
      counts=$(counts_pg "$name")
      retaken=$(admin -d "$name" -c "SELECT count(*) FROM work_queue WHERE attempts > 1")
      states=$(admin -d "$name" -F ' ' -c "SELECT count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'failed') FROM work_queue")
      echo "  $run: queue done/failed $states, inputs taken more than once $retaken"
      ;;
    *) echo "unknown run $run" >&2; continue ;;
  esac
  read -r documents entities events <<<"$counts"
  seconds=$(python3 -c "print(f'{$end - $start:.1f}')")
  rate=$(python3 -c "print(f'{$documents / ($end - $start):.1f}')")
  printf '%-10s %8s %8s %9s %10s %10s %8s %8s  %s\n' "$run" "$seconds" "$rate" "$documents" "$entities" "$events" "$cpu" "$pgcpu" "$before"
done
