#!/usr/bin/env bash
# A private PostgreSQL server for the provider tests: scripts/postgres.sh start|stop.
# start installs Debian's postgresql with apt-get when it is missing, creates a cluster in its own data folder,
# listens on 127.0.0.1 only (port WORKFLOWS_PG_PORT, default 55432) and prints the connection string as its last line.
# stop shuts that cluster down and deletes its folder. PostgreSQL refuses to run as root: as root, the cluster belongs
# to the postgres user.
set -euo pipefail

port="${WORKFLOWS_PG_PORT:-55432}"
base="${WORKFLOWS_PG_DIR:-${TMPDIR:-/tmp}/workflows-postgres-$port}"
data="$base/data"
password="workflows-tests"

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bin_dir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

install_server() {
    bin_dir >/dev/null && return 0
    echo "Installing PostgreSQL for the provider tests (apt-get)…" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    bin_dir >/dev/null
}

start() {
    install_server || { echo "Could not install postgresql with apt-get" >&2; exit 1; }
    local bin
    bin="$(bin_dir)"
    stop >/dev/null 2>&1 || true
    mkdir -p "$base"
    printf '%s\n' "$password" >"$base/password"
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$base"
    as_owner "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust \
        --auth-host=scram-sha-256 --pwfile="$base/password" >"$base/initdb.log" 2>&1 \
        || { cat "$base/initdb.log" >&2; exit 1; }
    # fsync off: a test cluster is thrown away, and durability is not what these tests measure.
    as_owner "$bin/pg_ctl" -D "$data" -l "$base/server.log" -w -t 60 \
        -o "-p $port -k $base -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300" start >&2 \
        || { cat "$base/server.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
}

stop() {
    local bin
    bin="$(bin_dir)" || return 0
    if [ -f "$data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >&2
    fi
    rm -rf "$base"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
