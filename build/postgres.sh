#!/usr/bin/env bash
# A private PostgreSQL + PostGIS cluster for development and tests, listening on 127.0.0.1 only.
#
#   build/postgres.sh install                 install PostGIS if it is missing (apt, needs root)
#   build/postgres.sh start DIR PORT          initdb DIR if needed, start it, print its connection string
#   build/postgres.sh stop DIR                stop it
#
# initdb and postgres refuse to run as root, so as root they run as the `postgres` OS user.
set -euo pipefail

# shellcheck source=build/postgres-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/postgres-lib.sh"

install_postgis() {
  local bin version
  bin=$(pg_bin)
  version=$(basename "$(dirname "$bin")")
  if [ -f "/usr/share/postgresql/$version/extension/postgis.control" ]; then return; fi
  echo "Installing PostGIS for PostgreSQL $version..." >&2
  if [ "$(id -u)" != 0 ]; then echo "PostGIS is missing: run as root or apt-get install postgresql-$version-postgis-3" >&2; exit 1; fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$version-postgis-3" >&2
}

start_cluster() {
  local dir=$1 port=$2 bin
  bin=$(pg_bin)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$dir" -w -l "$dir/server.log" \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null
  fi
  echo "Host=127.0.0.1;Port=$port;Username=postgres"
}

stop_cluster() {
  as_owner "$(pg_bin)/pg_ctl" -D "$1" -m fast stop >/dev/null
}

case "${1:-}" in
  install) install_postgis ;;
  start) start_cluster "$2" "$3" ;;
  stop) stop_cluster "$2" ;;
  *) echo "usage: $0 install | start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
