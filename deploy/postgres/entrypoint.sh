#!/bin/sh
# First start: initdb, then the role and database `nightlegs` (password: POSTGRES_PASSWORD).
# Every start: the server, listening on all addresses of the container, password auth.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    case "${POSTGRES_PASSWORD:-}" in
        "" | *[!A-Za-z0-9_-]*)
            echo "postgres: set POSTGRES_PASSWORD (letters, digits, - and _ only)" >&2
            exit 2
            ;;
    esac
    initdb --pgdata="$PGDATA" --username=postgres --encoding=UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 >/dev/null
    {
        echo "listen_addresses = '*'"
        echo "password_encryption = 'scram-sha-256'"
    } >>"$PGDATA/postgresql.conf"
    echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
    postgres --single -D "$PGDATA" postgres >/dev/null <<SQL
CREATE ROLE nightlegs LOGIN PASSWORD '$POSTGRES_PASSWORD';
SQL
    postgres --single -D "$PGDATA" postgres >/dev/null <<SQL
CREATE DATABASE nightlegs OWNER nightlegs;
SQL
    echo "postgres: cluster, role and database nightlegs created" >&2
fi
exec postgres -D "$PGDATA"
