#!/usr/bin/env bash
# Creates the PostgreSQL role and database Gongkai uses, with the settings its workload wants. Safe to run again: what
# exists is kept (a role's password is changed only when GONGKAI_DB_PASSWORD is given).
#
#   sudo -u postgres deploy/postgres/setup.sh                      # local server, peer authentication
#   sudo -u postgres GONGKAI_NODES=4 GONGKAI_POOL_SIZE=30 deploy/postgres/setup.sh
#
# Connects as a superuser with the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD; default: the local
# socket as the current user). Settings:
#   GONGKAI_DB_NAME      database (gongkai)
#   GONGKAI_DB_ROLE      role that owns it and that the nodes log in as (gongkai)
#   GONGKAI_DB_PASSWORD  the role's password; when the role is new and this is unset, one is generated and printed
#                        once, for ConnectionStrings__Gongkai in /etc/gongkai/gongkai.env
#   GONGKAI_DB_LOCALE    collation and character classes (C.UTF-8), see below
#   GONGKAI_NODES, GONGKAI_POOL_SIZE  web nodes and each node's Maximum Pool Size (2, 30): for the max_connections advice
#
# Locale: the database is UTF8 with C.UTF-8 by default. Sorting then follows code points, the same on every machine
# and every glibc, so no index must be rebuilt after an operating-system upgrade; Gongkai's Chinese search does not use
# the database's collation. zh_CN.UTF-8 (locale-gen zh_CN.UTF-8 first) would sort names by pinyin in SQL, but ties
# every text index to the glibc version: after an upgrade of glibc, REINDEX DATABASE.
set -euo pipefail

db=${GONGKAI_DB_NAME:-gongkai}
role=${GONGKAI_DB_ROLE:-gongkai}
password=${GONGKAI_DB_PASSWORD:-}
locale=${GONGKAI_DB_LOCALE:-C.UTF-8}
nodes=${GONGKAI_NODES:-2}
pool=${GONGKAI_POOL_SIZE:-30}

for name in "$db" "$role"; do
  [[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "setup.sh: '$name' is not a plain lower-case identifier" >&2; exit 2; }
done
[[ $nodes =~ ^[0-9]+$ && $pool =~ ^[0-9]+$ ]] || { echo "setup.sh: GONGKAI_NODES and GONGKAI_POOL_SIZE must be numbers" >&2; exit 2; }

# psql on the maintenance database; variables are passed with -v and quoted by psql (:'name', :"name").
sql() { psql -X -q -v ON_ERROR_STOP=1 -d postgres -tA "$@"; }

role_exists=$(sql -v role="$role" <<<"SELECT count(*) FROM pg_roles WHERE rolname = :'role';")
generated=""
if [ "$role_exists" = 0 ]; then
  if [ -z "$password" ]; then
    # 48 hexadecimal digits: nothing a connection string or an env file must quote.
    password=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
    generated=yes
  fi
  sql -v role="$role" -v password="$password" <<<"CREATE ROLE :\"role\" LOGIN PASSWORD :'password';"
  echo "Role $role created."
elif [ -n "$password" ]; then
  sql -v role="$role" -v password="$password" <<<"ALTER ROLE :\"role\" LOGIN PASSWORD :'password';"
  echo "Role $role exists: password changed."
else
  echo "Role $role exists: password kept."
fi

db_exists=$(sql -v db="$db" <<<"SELECT count(*) FROM pg_database WHERE datname = :'db';")
if [ "$db_exists" = 0 ]; then
  sql -v db="$db" -v role="$role" -v locale="$locale" \
    <<<"CREATE DATABASE :\"db\" OWNER :\"role\" ENCODING 'UTF8' LC_COLLATE :'locale' LC_CTYPE :'locale' TEMPLATE template0;"
  echo "Database $db created (UTF8, $locale), owned by $role."
else
  encoding=$(sql -v db="$db" <<<"SELECT pg_encoding_to_char(encoding) || ' ' || datcollate FROM pg_database WHERE datname = :'db';")
  echo "Database $db exists ($encoding): kept."
  [[ $encoding == UTF8\ * ]] || echo "WARNING: $db is not UTF8; Gongkai needs UTF8. Create a new database and restore into it (docs/operations.md)." >&2
fi

# Per database, no restart needed: a session left idle inside a transaction (a stuck client) is ended after ten
# minutes rather than hold its locks and keep autovacuum from cleaning up; times are read and written in UTC.
sql -v db="$db" <<'SQL'
ALTER DATABASE :"db" SET idle_in_transaction_session_timeout = '10min';
ALTER DATABASE :"db" SET timezone = 'UTC';
SQL
# Only the owner (and superusers, for backups) may connect.
sql -v db="$db" -v role="$role" <<'SQL'
REVOKE CONNECT, TEMPORARY ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"role";
SQL
echo "Database settings applied (idle_in_transaction_session_timeout, timezone; connect: $role only)."

# Server-wide settings need a restart and depend on the machine: advised, not applied.
current=$(sql <<<"SHOW max_connections;")
needed=$((nodes * pool + 20))
echo
echo "max_connections is $current; $nodes nodes × $pool (Maximum Pool Size) + 20 for the command line, backups and"
echo "superusers need $needed.$([ "$current" -ge "$needed" ] && echo " Enough." || echo " Raise it:")"
if [ "$current" -lt "$needed" ]; then
  echo "  ALTER SYSTEM SET max_connections = $needed;   -- then restart PostgreSQL"
fi
echo "Also, for a dedicated server with M GB of memory: shared_buffers = M/4 GB, effective_cache_size = 3M/4 GB,"
echo "work_mem = 16MB, maintenance_work_mem = 512MB, random_page_cost = 1.1 (SSD), wal_compression = on."

if [ -n "$generated" ]; then
  echo
  echo "The password of $role, shown this once (put it in /etc/gongkai/gongkai.env, then forget it here):"
  echo "  $password"
fi
