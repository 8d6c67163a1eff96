#!/usr/bin/env bash
# Restores a backup made by backup.sh into a NEW database, leaving the one in use untouched; switching the nodes over
# is a separate, deliberate step (printed at the end; docs/operations.md, "Backup and restore").
#
#   sudo -u postgres deploy/postgres/restore.sh /var/backups/gongkai/gongkai-20260105T020000Z.dump gongkai_restored
#
# Connects as a superuser with the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD). Options:
#   --owner ROLE   the role that will own the restored objects, as the nodes log in (GONGKAI_DB_ROLE, else gongkai)
#   --locale LOC   collation and character classes of the new database (GONGKAI_DB_LOCALE, else C.UTF-8)
#   --force        replace the target database even when it exists and holds tables (its data is lost)
# An existing target without tables (e.g. made by setup.sh) is restored into. The restore is one transaction: it
# succeeds completely or leaves an empty database behind. The append-only triggers come back with the schema.
set -euo pipefail

owner=${GONGKAI_DB_ROLE:-gongkai}
locale=${GONGKAI_DB_LOCALE:-C.UTF-8}
force=""
args=()
usage() { sed -n '2,13s/^# \{0,1\}//p' "$0"; }
while [ $# -gt 0 ]; do
  case $1 in
    --owner) owner=${2:?--owner needs a role}; shift 2 ;;
    --locale) locale=${2:?--locale needs a locale}; shift 2 ;;
    --force) force=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) echo "restore.sh: unknown option '$1' (--help)" >&2; exit 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
[ ${#args[@]} -eq 2 ] || { echo "usage: restore.sh [--owner ROLE] [--locale LOC] [--force] BACKUP.dump NEW_DATABASE" >&2; exit 2; }
dump=${args[0]}
target=${args[1]}
[ -r "$dump" ] || { echo "restore.sh: cannot read $dump" >&2; exit 2; }
[[ $target =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "restore.sh: '$target' is not a plain lower-case database name" >&2; exit 2; }
pg_restore --list "$dump" >/dev/null || { echo "restore.sh: $dump is not a pg_dump custom-format archive" >&2; exit 2; }

sql() { psql -X -q -v ON_ERROR_STOP=1 --no-password -tA "$@"; }

exists=$(sql -d postgres -v db="$target" <<<"SELECT count(*) FROM pg_database WHERE datname = :'db';")
if [ "$exists" != 0 ]; then
  tables=$(sql -d "$target" <<<"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%';")
  if [ "$tables" != 0 ] && [ -z "$force" ]; then
    echo "restore.sh: database $target exists and holds $tables tables; refusing to overwrite it (--force replaces it)." >&2
    exit 1
  fi
  if [ "$tables" != 0 ]; then
    echo "restore.sh: --force: dropping $target ($tables tables)." >&2
    sql -d postgres -v db="$target" <<<"DROP DATABASE :\"db\" WITH (FORCE);"
    exists=0
  fi
fi
if [ "$exists" = 0 ]; then
  sql -d postgres -v db="$target" -v owner="$owner" -v locale="$locale" \
    <<<"CREATE DATABASE :\"db\" OWNER :\"owner\" ENCODING 'UTF8' LC_COLLATE :'locale' LC_CTYPE :'locale' TEMPLATE template0;"
fi

# Objects are made by the owner role (SET ROLE), whoever owned them where the backup was taken; grants are not
# restored (the owner needs none).
pg_restore --no-password --dbname="$target" --single-transaction --exit-on-error --no-owner --no-privileges \
  --role="$owner" "$dump"
sql -d "$target" <<<"ANALYZE;"

echo "restore.sh: $dump restored into $target (owner $owner)." >&2
cat >&2 <<TEXT

To switch the nodes over to $target (docs/operations.md, "Restore"):
  1. systemctl stop 'gongkai-web@*'
  2. rm -rf /var/lib/gongkai/node-*/search-index        (each node rebuilds its index at start)
  3. in /etc/gongkai/gongkai.env: ConnectionStrings__Gongkai='...;Database=$target;...'
  4. start one node, check https://.../healthz, then the others
The old database stays as it was until you drop it.
TEXT
