#!/usr/bin/env bash
# Source this file (". .ci/servers/clickhouse.sh"): installs Debian's clickhouse-server if absent, starts a two-node,
# two-shard cluster on loopback in a temporary directory, exports DOSSIER_TEST_CLICKHOUSE
# (clickhouse://USER:PASSWORD@127.0.0.1:HTTP_PORT/DB?cluster=NAME) and stops both nodes when the shell exits.
# On any failure it prints why and leaves DOSSIER_TEST_CLICKHOUSE unset, so the ClickHouse tests skip.
# Facts it relies on: docs in ../shared/docs/servers.md (18.16: no systemd, DDL on each node, insert_distributed_sync).

dossier_clickhouse_start() {
  local user=dossier password=dossier-test cluster=dossier_test db=dossier_test
  if ! command -v clickhouse-server >/dev/null 2>&1 && [ ! -x /usr/sbin/clickhouse-server ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clickhouse-server clickhouse-client) >/dev/null 2>&1 \
      || { echo "clickhouse-server could not be installed; ClickHouse tests will be skipped" >&2; return 1; }
  fi
  id clickhouse >/dev/null 2>&1 || { echo "no clickhouse user; ClickHouse tests will be skipped" >&2; return 1; }

  local base port0
  base=$(mktemp -d /tmp/dossier-ch.XXXXXX) || return 1
  chmod 755 "$base"
  # Ports: a random base in 20000-29999, three ports per node.
  port0=$((20000 + RANDOM % 10000))
  local http1=$port0 tcp1=$((port0 + 1)) inter1=$((port0 + 2)) http2=$((port0 + 3)) tcp2=$((port0 + 4)) inter2=$((port0 + 5))
  local node http tcp inter
  for node in 1 2; do
    if [ "$node" = 1 ]; then http=$http1 tcp=$tcp1 inter=$inter1; else http=$http2 tcp=$tcp2 inter=$inter2; fi
    local dir="$base/node$node"
    mkdir -p "$dir/data" "$dir/tmp" "$dir/user_files" "$dir/log"
    cat > "$dir/users.xml" <<XML
<yandex>
  <profiles><default><insert_distributed_sync>1</insert_distributed_sync><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users>
    <$user>
      <password>$password</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </$user>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
    cat > "$dir/config.xml" <<XML
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$http</http_port>
  <tcp_port>$tcp</tcp_port>
  <interserver_http_port>$inter</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <max_concurrent_queries>50</max_concurrent_queries>
  <mark_cache_size>536870912</mark_cache_size>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <remote_servers>
    <$cluster>
      <shard><replica><host>127.0.0.1</host><port>$tcp1</port><user>$user</user><password>$password</password></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$tcp2</port><user>$user</user><password>$password</password></replica></shard>
    </$cluster>
  </remote_servers>
</yandex>
XML
    chown -R clickhouse:clickhouse "$dir"
    runuser -u clickhouse -- /usr/sbin/clickhouse-server --config-file="$dir/config.xml" --pid-file="$dir/pid" --daemon >/dev/null 2>&1 \
      || { echo "clickhouse-server node $node did not start; ClickHouse tests will be skipped" >&2; return 1; }
  done

  DOSSIER_CLICKHOUSE_DIR=$base
  local try
  for http in $http1 $http2; do
    for try in $(seq 1 60); do
      [ "$(curl -s "http://127.0.0.1:$http/ping" 2>/dev/null)" = "Ok." ] && break
      sleep 0.5
    done
    [ "$(curl -s "http://127.0.0.1:$http/ping" 2>/dev/null)" = "Ok." ] \
      || { echo "clickhouse-server on port $http is not answering; ClickHouse tests will be skipped" >&2; return 1; }
  done
  export DOSSIER_TEST_CLICKHOUSE="clickhouse://$user:$password@127.0.0.1:$http1/$db?cluster=$cluster&nodes=127.0.0.1:$http1,127.0.0.1:$http2"
  export DOSSIER_CLICKHOUSE_DIR
  echo "ClickHouse cluster $cluster: nodes on http ports $http1 and $http2 ($base)" >&2
}

dossier_clickhouse_stop() {
  [ -n "${DOSSIER_CLICKHOUSE_DIR:-}" ] || return 0
  local pidfile
  for pidfile in "$DOSSIER_CLICKHOUSE_DIR"/node*/pid; do
    [ -f "$pidfile" ] && kill -TERM "$(cat "$pidfile")" 2>/dev/null
  done
  sleep 1
  rm -rf "$DOSSIER_CLICKHOUSE_DIR"
}

if dossier_clickhouse_start; then
  # Keep any EXIT trap already set (another server's stop) and add this one.
  dossier_clickhouse_previous_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
  trap "${dossier_clickhouse_previous_trap:+$dossier_clickhouse_previous_trap; }dossier_clickhouse_stop" EXIT
else
  dossier_clickhouse_stop
  unset DOSSIER_TEST_CLICKHOUSE
fi
