#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh.
#   scripts/restore.sh [--replace] [--uploads DIR] BACKUP_FOLDER [SOURCE=TARGET ...]
# SOURCE=TARGET restores the dump of database SOURCE into database TARGET (auth=auth_copy); without any, every dump
# in the folder goes into the database of its own name. A target database that does not exist is created (utf8mb4,
# utf8mb4_uca1400_ai_ci); one that has tables is refused unless --replace is given, which drops and recreates it.
# --uploads DIR unpacks uploads.tar.gz into DIR. Stop the apps (or take them out of the load balancer) first.
#
# Settings (environment): DB_HOST (127.0.0.1), DB_PORT (3306), DB_USER (root), DB_PASSWORD (empty): a user that may
# create and drop the target databases.
set -euo pipefail

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

replace=false
uploads=""
while [ $# -gt 0 ]; do
    case "$1" in
        --replace) replace=true; shift ;;
        --uploads) uploads="${2:?--uploads needs a folder}"; shift 2 ;;
        -h|--help) usage ;;
        -*) echo "restore.sh: unknown option $1" >&2; usage ;;
        *) break ;;
    esac
done
[ $# -ge 1 ] || usage
backup="$1"
shift

client="$(command -v mariadb || command -v mysql || true)"
if [ -z "$client" ]; then
    echo "restore.sh: the mariadb (or mysql) client is not installed" >&2
    exit 1
fi
if [ ! -f "$backup/SHA256SUMS" ]; then
    echo "restore.sh: $backup is not a backup folder (no SHA256SUMS)" >&2
    exit 1
fi
(cd "$backup" && sha256sum --quiet -c SHA256SUMS) || { echo "restore.sh: $backup is damaged" >&2; exit 1; }

pairs=("$@")
if [ ${#pairs[@]} -eq 0 ]; then
    for dump in "$backup"/*.sql.gz; do
        database="$(basename "$dump" .sql.gz)"
        pairs+=("$database=$database")
    done
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
credentials="$work/credentials.cnf"
printf '[client]\nhost=%s\nport=%s\nuser=%s\npassword="%s"\n' "${DB_HOST:-127.0.0.1}" "${DB_PORT:-3306}" "${DB_USER:-root}" \
    "$(printf '%s' "${DB_PASSWORD:-}" | sed 's/\\/\\\\/g; s/"/\\"/g')" > "$credentials"
chmod 600 "$credentials"
sql() { "$client" --defaults-extra-file="$credentials" --default-character-set=utf8mb4 "$@"; }

for pair in "${pairs[@]}"; do
    source="${pair%%=*}"
    target="${pair#*=}"
    if ! [[ "$target" =~ ^[A-Za-z0-9_]+$ ]]; then
        echo "restore.sh: not a plain database name: $target" >&2
        exit 1
    fi
    dump="$backup/$source.sql.gz"
    if [ ! -f "$dump" ]; then
        echo "restore.sh: no dump of $source in $backup" >&2
        exit 1
    fi
    tables="$(sql -N -B -e "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '$target'")"
    if [ "$tables" -gt 0 ]; then
        if ! $replace; then
            echo "restore.sh: database $target has $tables tables; give --replace to drop it and restore over it" >&2
            exit 1
        fi
        sql -e "DROP DATABASE \`$target\`"
    fi
    sql -e "CREATE DATABASE IF NOT EXISTS \`$target\` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci"
    gunzip -c "$dump" | sql "$target"
    echo "restore.sh: $source -> $target"
done

if [ -n "$uploads" ]; then
    if [ -f "$backup/uploads.tar.gz" ]; then
        mkdir -p "$uploads"
        tar -C "$uploads" -xzf "$backup/uploads.tar.gz"
        echo "restore.sh: uploads -> $uploads"
    else
        echo "restore.sh: the backup holds no uploads" >&2
        exit 1
    fi
fi
