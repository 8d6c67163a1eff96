#!/usr/bin/env bash
# One backup of the Gongkai database: pg_dump's custom format (-Fc: compressed, restored selectively and in parallel by
# pg_restore), to a timestamped file; then backups older than the retention are deleted. Exits non-zero, leaving no
# partial file, when anything fails.
#
#   sudo -u postgres deploy/postgres/backup.sh                        # daily: gongkai-backup.timer runs it
#   PGHOST=db1 PGUSER=gongkai PGPASSWORD=... deploy/postgres/backup.sh --dir /srv/backups --keep-days 30
#
# Connects with the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass). Options, or variables:
#   --database NAME   GONGKAI_DB_NAME, else PGDATABASE, else gongkai
#   --dir DIR         GONGKAI_BACKUP_DIR (/var/backups/gongkai)
#   --keep-days N     GONGKAI_BACKUP_KEEP_DAYS (14); 0 keeps every backup
# Prints the new file's path on the last line. The files hold applicants' personal data: they are made 0600, and the
# folder 0700; copy them off the machine (docs/operations.md, "Backup and restore").
set -euo pipefail

db=${GONGKAI_DB_NAME:-${PGDATABASE:-gongkai}}
dir=${GONGKAI_BACKUP_DIR:-/var/backups/gongkai}
keep=${GONGKAI_BACKUP_KEEP_DAYS:-14}

usage() { sed -n '2,17s/^# \{0,1\}//p' "$0"; }
while [ $# -gt 0 ]; do
  case $1 in
    --database) db=${2:?--database needs a name}; shift 2 ;;
    --dir) dir=${2:?--dir needs a folder}; shift 2 ;;
    --keep-days) keep=${2:?--keep-days needs a number}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "backup.sh: unknown argument '$1' (--help)" >&2; exit 2 ;;
  esac
done
[[ $keep =~ ^[0-9]+$ ]] || { echo "backup.sh: --keep-days must be a number of days" >&2; exit 2; }
[[ $db =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "backup.sh: '$db' is not a database name this script accepts" >&2; exit 2; }

umask 077
mkdir -p "$dir"
chmod 700 "$dir"

# One backup at a time into a folder.
exec 9>"$dir/.backup.lock"
flock -n 9 || { echo "backup.sh: another backup into $dir is running" >&2; exit 1; }

file="$dir/$db-$(date -u +%Y%m%dT%H%M%SZ).dump"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

pg_dump --format=custom --compress=6 --no-password --dbname="$db" --file="$partial"
# A file pg_restore cannot list is no backup.
pg_restore --list "$partial" >/dev/null
mv "$partial" "$file"
echo "backup.sh: $(du -h "$file" | cut -f1) written" >&2

if [ "$keep" -gt 0 ]; then
  # Only this database's dumps, only after a new one succeeded.
  find "$dir" -maxdepth 1 -type f -name "$db-*.dump" -mtime +"$((keep - 1))" ! -path "$file" -print -delete |
    sed 's/^/backup.sh: deleted (older than '"$keep"' days) /' >&2
fi

echo "$file"
