#!/usr/bin/env bash
# A PostgreSQL + PostGIS primary and a streaming hot standby of it, both on 127.0.0.1, for the
# several-nodes test (tests/…/Scaling) and for trying ConnectionStrings:Open311Replica by hand.
#
#   build/replica.sh start DIR PRIMARY_PORT STANDBY_PORT   start both (initdb and pg_basebackup if needed);
#                                                          prints the primary's connection string, then the standby's
#   build/replica.sh stop DIR                              stop both
#
# The primary is build/postgres.sh's cluster in DIR/primary (initdb's defaults: wal_level=replica,
# 10 WAL senders, replication connections from 127.0.0.1 trusted). The standby in DIR/standby is
# pg_basebackup -R of it: a copy plus standby.signal and primary_conninfo, so it streams the WAL and
# answers read-only queries while it replays. hot_standby_feedback keeps a long export on the standby
# from being cancelled by the replay of a VACUUM on the primary.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

# shellcheck source=build/postgres-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/postgres-lib.sh"

start_pair() {
  local dir=$1 primary_port=$2 standby_port=$3 bin primary
  bin=$(pg_bin)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  primary=$("$here/postgres.sh" start "$dir/primary" "$primary_port")
  if [ ! -f "$dir/standby/PG_VERSION" ]; then
    as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/standby" -R -X stream -c fast >/dev/null
    chmod 700 "$dir/standby"
  fi
  if ! as_owner "$bin/pg_ctl" -D "$dir/standby" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$dir/standby" -w -l "$dir/standby.log" \
      -o "-p $standby_port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c hot_standby_feedback=on" start >/dev/null
  fi
  echo "$primary"
  echo "Host=127.0.0.1;Port=$standby_port;Username=postgres"
}

stop_pair() {
  local dir=$1 bin
  bin=$(pg_bin)
  as_owner "$bin/pg_ctl" -D "$dir/standby" -m fast stop >/dev/null 2>&1 || true
  "$here/postgres.sh" stop "$dir/primary"
}

case "${1:-}" in
  start) start_pair "$2" "$3" "$4" ;;
  stop) stop_pair "$2" ;;
  *) echo "usage: $0 start DIR PRIMARY_PORT STANDBY_PORT | stop DIR" >&2; exit 2 ;;
esac
