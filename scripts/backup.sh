#!/usr/bin/env bash
# Backs up the product's databases (and the uploaded files, if there is such a folder) into one dated folder:
#   <BACKUP_DIR>/icourse-<UTC date and time>/<database>.sql.gz, uploads.tar.gz, SHA256SUMS
# Each database is dumped with mariadb-dump --single-transaction: a consistent snapshot, taken without blocking the
# apps (every table is InnoDB). A backup is written under a temporary name and renamed when complete, so an interrupted
# one is never mistaken for a good one; then all but the newest BACKUP_KEEP backups are deleted.
#
# Settings (environment):
#   DB_HOST (127.0.0.1), DB_PORT (3306), DB_USER (root), DB_PASSWORD (empty): a user that may read both databases
#   DATABASES ("auth review"), BACKUP_DIR (./backups), BACKUP_KEEP (14), UPLOADS_DIR (unset: no files)
# Restore with scripts/restore.sh. See docs/operations.md.
set -euo pipefail

db_host="${DB_HOST:-127.0.0.1}"
db_port="${DB_PORT:-3306}"
db_user="${DB_USER:-root}"
databases="${DATABASES:-auth review}"
backup_dir="${BACKUP_DIR:-./backups}"
keep="${BACKUP_KEEP:-14}"
uploads="${UPLOADS_DIR:-}"

dump="$(command -v mariadb-dump || command -v mysqldump || true)"
if [ -z "$dump" ]; then
    echo "backup.sh: mariadb-dump (or mysqldump) is not installed" >&2
    exit 1
fi
if ! [[ "$keep" =~ ^[1-9][0-9]*$ ]]; then
    echo "backup.sh: BACKUP_KEEP must be a positive number, not '$keep'" >&2
    exit 1
fi

mkdir -p "$backup_dir"
name="icourse-$(date -u +%Y%m%d-%H%M%S)"
if [ -e "$backup_dir/$name" ]; then
    echo "backup.sh: $backup_dir/$name exists already (one backup per second)" >&2
    exit 1
fi
partial="$backup_dir/.$name.partial"
rm -rf "$partial"
mkdir -m 700 "$partial"
trap 'rm -rf "$partial"' EXIT

# The password goes in a file only this user can read, never on the command line (visible in ps).
credentials="$partial/.credentials.cnf"
printf '[client]\nhost=%s\nport=%s\nuser=%s\npassword="%s"\n' "$db_host" "$db_port" "$db_user" \
    "$(printf '%s' "${DB_PASSWORD:-}" | sed 's/\\/\\\\/g; s/"/\\"/g')" > "$credentials"
chmod 600 "$credentials"

for database in $databases; do
    # Without --databases: no CREATE DATABASE / USE in the dump, so it restores into a database of any name.
    "$dump" --defaults-extra-file="$credentials" --single-transaction --quick --triggers --hex-blob \
        --default-character-set=utf8mb4 --no-tablespaces "$database" | gzip -6 > "$partial/$database.sql.gz"
    echo "backup.sh: $database -> $backup_dir/$name/$database.sql.gz"
done
rm "$credentials"

if [ -n "$uploads" ]; then
    if [ -d "$uploads" ]; then
        tar -C "$uploads" -czf "$partial/uploads.tar.gz" .
        echo "backup.sh: $uploads -> $backup_dir/$name/uploads.tar.gz"
    else
        echo "backup.sh: no uploads folder at $uploads, none saved"
    fi
fi

(cd "$partial" && sha256sum -- * > SHA256SUMS)
mv "$partial" "$backup_dir/$name"
trap - EXIT
echo "backup.sh: done, $backup_dir/$name"

# Retention: names sort by date, so the oldest come first.
mapfile -t backups < <(find "$backup_dir" -mindepth 1 -maxdepth 1 -type d -name 'icourse-*' -printf '%f\n' | sort)
excess=$(( ${#backups[@]} - keep ))
for (( i = 0; i < excess; i++ )); do
    rm -rf -- "${backup_dir:?}/${backups[i]}"
    echo "backup.sh: removed old backup ${backups[i]}"
done
