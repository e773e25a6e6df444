#!/usr/bin/env bash
# A throwaway PostgreSQL for the store tests (only in CI or with FSP_TEST_POSTGRES=1).
# Installs Debian's server if missing, runs its own cluster as the postgres user (the server
# refuses root) on 127.0.0.1 and a free port, creates database fsp_test, and writes its URL to
# .venv/postgres_url, which tests/store/conftest.py reads. Idempotent: reuses a running cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
URL_FILE=.venv/postgres_url

if [ -z "${CI:-}" ] && [ "${FSP_TEST_POSTGRES:-0}" != 1 ]; then
  exit 0
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "setup_postgres: installing postgresql (Debian)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# Outside the checkout: the postgres user may not be able to enter it (e.g. under /root).
DIR="/var/tmp/fsp-postgres-$(pwd | sha256sum | cut -c1-12)"
DATA="$DIR/data"
as_pg() { runuser -u postgres -- "$@"; }

if [ ! -f "$DATA/PG_VERSION" ]; then
  rm -rf "$DIR"
  mkdir -p "$DIR"
  chown postgres: "$DIR"
  chmod 700 "$DIR"
  python3 -c 'import secrets; print(secrets.token_hex(16))' > "$DIR/password"
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' > "$DIR/port"
  chown postgres: "$DIR/password" "$DIR/port"
  as_pg "$BIN/initdb" -D "$DATA" -U postgres --pwfile="$DIR/password" --auth=scram-sha-256 -E UTF8 >/dev/null
fi
PORT=$(cat "$DIR/port")
PASSWORD=$(cat "$DIR/password")

if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >/dev/null
fi

export PGPASSWORD="$PASSWORD"
PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
if [ "$("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'fsp_test'")" != 1 ]; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE fsp_test"
fi
mkdir -p .venv
echo "postgresql+psycopg://postgres:$PASSWORD@127.0.0.1:$PORT/fsp_test" > "$URL_FILE"
chmod 600 "$URL_FILE"
echo "setup_postgres: PostgreSQL $("${PSQL[@]}" -d fsp_test -c 'SHOW server_version') on 127.0.0.1:$PORT, URL in $URL_FILE" >&2
