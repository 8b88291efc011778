#!/usr/bin/env bash
# The page benchmark (docs/performance.md), on demand: fills a test database with ten times iCourse's size, starts
# review-app on it, signs a reader in through the real OpenID Connect login, loads each page with wrk (16 connections)
# after a warm-up, anonymous and signed in, and prints req/s, p50, p99, the app's CPU per request and the SQL
# statements per request; then the visitors' pages through nginx with docker/nginx's configuration and page cache
# (when nginx is installed), as production serves them. JFR profiles of each page land in review-app/target.
# Needs wrk (apt-get install wrk) and the test MariaDB (README.md, Tests); nginx for the second table.
#
#   scripts/bench-pages.sh                                  # 15 s per page
#   BENCH_SECONDS=30 BENCH_CONNECTIONS=16 scripts/bench-pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
./mvnw -B -q install -DskipTests -pl review-app -am
./mvnw -B -q -pl review-app verify -Dtest=PageBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpage.benchmark=true -Dpage.benchmark.seconds="${BENCH_SECONDS:-15}" \
  -Dpage.benchmark.connections="${BENCH_CONNECTIONS:-16}" -Djacoco.skip=true
cat review-app/target/bench-pages.md
echo "uptime: $(uptime)"
