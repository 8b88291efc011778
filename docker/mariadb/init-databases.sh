#!/bin/bash
# Creates the two databases and one user per app with rights on its own database only. The MariaDB image runs this
# once, when its data volume is empty (/docker-entrypoint-initdb.d); docker/check.sh runs it against a local server.
set -euo pipefail

auth_db="${AUTH_DB_NAME:-auth}"
review_db="${REVIEW_DB_NAME:-review}"
auth_user="${AUTH_DB_USER:-auth}"
review_user="${REVIEW_DB_USER:-review}"
auth_password="${AUTH_DB_PASSWORD:?AUTH_DB_PASSWORD is not set}"
review_password="${REVIEW_DB_PASSWORD:?REVIEW_DB_PASSWORD is not set}"

# A string literal for SQL: backslashes and quotes doubled.
quote() { local value="${1//\\/\\\\}"; printf "'%s'" "${value//\'/\'\'}"; }

mariadb --user=root --password="${MARIADB_ROOT_PASSWORD:-}" ${MARIADB_HOST:+--host="$MARIADB_HOST"} ${MARIADB_PORT:+--port="$MARIADB_PORT"} <<SQL
CREATE DATABASE IF NOT EXISTS \`${auth_db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci;
CREATE DATABASE IF NOT EXISTS \`${review_db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci;
CREATE USER IF NOT EXISTS $(quote "$auth_user")@'%' IDENTIFIED BY $(quote "$auth_password");
CREATE USER IF NOT EXISTS $(quote "$review_user")@'%' IDENTIFIED BY $(quote "$review_password");
GRANT ALL PRIVILEGES ON \`${auth_db}\`.* TO $(quote "$auth_user")@'%';
GRANT ALL PRIVILEGES ON \`${review_db}\`.* TO $(quote "$review_user")@'%';
SQL
