#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for tests (see ../shared/docs/servers.md). Source it:
#   . .ci/servers/postgres.sh && dossier_pg_start   -> exports DOSSIER_TEST_POSTGRES=postgres://dossier:…@127.0.0.1:PORT/dossier
#   dossier_pg_stop                                  -> stops the server and removes its data directory
# Runs the server as the postgres user (it refuses root), data under /tmp, fsync off (test data only).
# Prints one line saying what happened; returns non-zero (and exports nothing) when no server can be started.

DOSSIER_PG_BIN=${DOSSIER_PG_BIN:-/usr/lib/postgresql/15/bin}

dossier_pg_start() {
  if [ ! -x "$DOSSIER_PG_BIN/initdb" ]; then
    echo "postgres: $DOSSIER_PG_BIN/initdb not found; PostgreSQL tests will be skipped" >&2
    return 1
  fi
  if ! id postgres >/dev/null 2>&1; then
    echo "postgres: no 'postgres' user; PostgreSQL tests will be skipped" >&2
    return 1
  fi
  local as=()
  [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  DOSSIER_PG_DIR=$(mktemp -d /tmp/dossier-pg.XXXXXX)
  chmod 755 "$DOSSIER_PG_DIR"
  chown postgres "$DOSSIER_PG_DIR" 2>/dev/null || true
  local port password
  # A free port: ask the kernel for one.
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
  password="dossier$RANDOM$RANDOM"
  echo "$password" > "$DOSSIER_PG_DIR/pw"
  chown postgres "$DOSSIER_PG_DIR/pw" 2>/dev/null || true
  if ! "${as[@]}" "$DOSSIER_PG_BIN/initdb" -D "$DOSSIER_PG_DIR/data" -U postgres --pwfile="$DOSSIER_PG_DIR/pw" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$DOSSIER_PG_DIR/initdb.log" 2>&1; then
    echo "postgres: initdb failed (see $DOSSIER_PG_DIR/initdb.log); PostgreSQL tests will be skipped" >&2
    return 1
  fi
  if ! "${as[@]}" "$DOSSIER_PG_BIN/pg_ctl" -D "$DOSSIER_PG_DIR/data" -l "$DOSSIER_PG_DIR/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $DOSSIER_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null 2>&1; then
    echo "postgres: the server did not start (see $DOSSIER_PG_DIR/server.log); PostgreSQL tests will be skipped" >&2
    return 1
  fi
  if ! "${as[@]}" "$DOSSIER_PG_BIN/psql" -h "$DOSSIER_PG_DIR" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE dossier LOGIN CREATEDB PASSWORD '$password'" -c "CREATE DATABASE dossier OWNER dossier" >/dev/null 2>&1; then
    echo "postgres: could not create the role and database; PostgreSQL tests will be skipped" >&2
    dossier_pg_stop
    return 1
  fi
  DOSSIER_PG_PORT=$port
  export DOSSIER_TEST_POSTGRES="postgres://dossier:$password@127.0.0.1:$port/dossier"
  echo "export DOSSIER_TEST_POSTGRES=$DOSSIER_TEST_POSTGRES"
}

dossier_pg_stop() {
  [ -n "${DOSSIER_PG_DIR:-}" ] || return 0
  local as=()
  [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$DOSSIER_PG_BIN/pg_ctl" -D "$DOSSIER_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DOSSIER_PG_DIR" 2>/dev/null || { sleep 1; rm -rf "$DOSSIER_PG_DIR"; }
  unset DOSSIER_PG_DIR DOSSIER_TEST_POSTGRES
}
