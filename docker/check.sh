#!/usr/bin/env bash
# Checks what can be checked of docker/ without a Docker engine:
#   1. compose.yaml parses and its references hold (docker compose / docker-compose config when installed, and a
#      YAML check of services, volumes, files and .env variables always);
#   2. the nginx configuration passes `nginx -t` (upstreams pointed at 127.0.0.1);
#   3. the images' command lines work on this host: the init script creates databases and users on a local MariaDB,
#      the migration job migrates them, and each app jar, extracted as the Dockerfile does and started with the
#      compose file's variables (DB_MIGRATE=validate), answers "UP" at its readiness endpoint.
# Needs: python3 with PyYAML, nginx, the mariadb client, a JDK 21+ (JAVA_HOME) and a MariaDB at
# CHECK_DB_HOST:CHECK_DB_PORT (127.0.0.1:3306) with root and an empty password (CHECK_DB_ROOT_PASSWORD).
# Skip parts with CHECK_SKIP="prometheus nginx jars". promtool (Debian: prometheus), when installed, checks the
# Prometheus configuration and runs the alert rules' tests.
set -euo pipefail
cd "$(dirname "$0")"
docker_dir="$PWD"
repo="$(cd .. && pwd)"
work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ -n "${drop_sql:-}" ]; then mariadb_root -e "$drop_sql" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
skip() { [[ " ${CHECK_SKIP:-} " == *" $1 "* ]]; }
step() { printf '\n== %s\n' "$*"; }
# A value of the env file, taken literally as compose does (it is not shell: no sourcing).
env_value() { sed -n "s/^$1=//p" "$env_file" | tail -1; }

# An env file with every secret filled in, as an operator's .env would be.
env_file="$work/.env"
sed -e "s#^\(MARIADB_ROOT_PASSWORD\|AUTH_DB_PASSWORD\|REVIEW_DB_PASSWORD\|REVIEW_APP_CLIENT_SECRET\)=\$#\1=check-'secret\"quote#" \
    -e "s|^KEY_ENCRYPTION_SECRET=$|KEY_ENCRYPTION_SECRET=$(head -c 32 /dev/urandom | base64)|" .env.example > "$env_file"

step "compose.yaml"
if docker compose version >/dev/null 2>&1; then
    docker compose --env-file "$env_file" -f compose.yaml config -q
    echo "docker compose config: ok"
elif command -v docker-compose >/dev/null; then
    docker-compose --env-file "$env_file" -f compose.yaml config -q
    echo "docker-compose config: ok"
else
    echo "(neither docker compose nor docker-compose installed: only the YAML check runs)"
fi
python3 - "$env_file" <<'PY'
import os, re, sys, yaml
env_names = {line.split("=", 1)[0] for line in open(sys.argv[1]) if re.match(r"^[A-Z_]+=", line)}
text = open("compose.yaml").read()
doc = yaml.safe_load(text)
problems = []
services = doc["services"]
for name in sorted(set(re.findall(r"\$\{([A-Z_]+)", text)) - env_names):
    problems.append(f"${{{name}}} is used but not in .env.example")
for name, service in services.items():
    if "image" not in service:
        problems.append(f"{name}: no image")
    for dependency in service.get("depends_on", {}):
        if dependency not in services:
            problems.append(f"{name}: depends on unknown service {dependency}")
    build = service.get("build")
    if build and not os.path.isfile(os.path.join(build["context"], build["dockerfile"])):
        problems.append(f"{name}: no Dockerfile {build['dockerfile']}")
    for volume in service.get("volumes", []):
        source = volume.split(":")[0]
        if source.startswith("."):
            if not os.path.exists(source):
                problems.append(f"{name}: mounts missing {source}")
        elif source not in (doc.get("volumes") or {}):
            problems.append(f"{name}: volume {source} not declared")
    if name not in ("mariadb", "mailpit", "migrate") and "restart" not in service:
        problems.append(f"{name}: no restart policy")
for app in ("auth", "review"):
    instances = [n for n in services if re.fullmatch(app + r"-\d", n)]
    if len(instances) < 2:
        problems.append(f"fewer than two {app} instances: {instances}")
    conf = open("nginx/icourse.conf.template").read()
    for instance in instances:
        if instance + ":" not in conf:
            problems.append(f"nginx does not route to {instance}")
if problems:
    print("\n".join(problems)); sys.exit(1)
print(f"compose.yaml: {len(services)} services, references hold")
PY

if ! skip prometheus; then
    step "Prometheus configuration and alert rules"
    # Every meter an alert names must be one the apps make (Micrometer's name, as Prometheus spells it).
    python3 - "$repo" <<'PY'
import pathlib, re, sys
repo = pathlib.Path(sys.argv[1])
made = set()
for source in repo.glob("*/src/main/java/**/*.java"):
    for name in re.findall(r'"(icourse\.[a-z0-9.-]+)"', source.read_text()):
        made.add(re.sub(r"[.-]", "_", name))
named = set(re.findall(r"\b(icourse_[a-z0-9_]+)", (repo / "docker/prometheus/alerts.yml").read_text()))
unknown = sorted(n for n in named if re.sub(r"(_total|_seconds(_bucket|_count|_sum|_max)?)$", "", n) not in made)
if unknown:
    sys.exit(f"alerts.yml names meters no app makes: {unknown}")
print(f"alerts.yml: all {len(named)} icourse meters it names are made by the apps")
PY
    if command -v promtool >/dev/null; then
        promtool check config prometheus/prometheus.yml
        promtool test rules prometheus/alerts.test.yml
    else
        echo "(promtool not installed: apt-get install prometheus to check the rules and run their tests)"
    fi
fi

if ! skip nginx; then
    export AUTH_HOST="$(env_value AUTH_HOST)" REVIEW_HOST="$(env_value REVIEW_HOST)"
    # The https variant reads its certificate from docker/certs: a throwaway self-signed one stands in here.
    mkdir -p "$work/certs"
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$REVIEW_HOST" -keyout "$work/certs/privkey.pem" \
        -out "$work/certs/fullchain.pem" 2>/dev/null
    for template in icourse.conf.template icourse-tls.conf.template; do
        step "nginx -t ($template)"
        conf="$work/nginx-$template"
        rm -rf "$conf" && mkdir -p "$conf/conf.d" "$conf/cache" "$conf/logs"
        envsubst '${AUTH_HOST} ${REVIEW_HOST}' < "nginx/$template" \
            | sed -E -e 's/(auth|review)-[0-9]+:/127.0.0.1:/' -e "s|/var/cache/nginx/|$conf/cache/|" \
                -e "s|/etc/nginx/certs/|$work/certs/|" > "$conf/conf.d/icourse.conf"
        # Upstream "resolve" came with nginx 1.27.3 (the image has 1.28); older hosts check the rest.
        version="$(nginx -v 2>&1 | sed -E 's|.*nginx/([0-9.]+).*|\1|')"
        if [ "$(printf '%s\n1.27.3\n' "$version" | sort -V | head -1)" != 1.27.3 ]; then
            echo "(nginx $version here: the upstreams' resolve parameter is left out of the test)"
            sed -i -E 's/ resolve;/;/' "$conf/conf.d/icourse.conf"
        fi
        cat > "$conf/nginx.conf" <<CONF
pid $conf/nginx.pid;
error_log $conf/logs/error.log;
events {}
http {
    access_log $conf/logs/access.log;
    client_body_temp_path $conf/cache/client;
    proxy_temp_path $conf/cache/proxy;
    include $conf/conf.d/*.conf;
}
CONF
        nginx -t -p "$conf" -c "$conf/nginx.conf"
    done
fi

if skip jars; then
    exit 0
fi

step "image command lines on this host"
db_host="${CHECK_DB_HOST:-127.0.0.1}"
db_port="${CHECK_DB_PORT:-3306}"
mariadb_root() { mariadb --host="$db_host" --port="$db_port" --user=root --password="${CHECK_DB_ROOT_PASSWORD:-}" "$@"; }
suffix="$(date +%s)_$$"
export AUTH_DB_PASSWORD="$(env_value AUTH_DB_PASSWORD)" REVIEW_DB_PASSWORD="$(env_value REVIEW_DB_PASSWORD)"
KEY_ENCRYPTION_SECRET="$(env_value KEY_ENCRYPTION_SECRET)" REVIEW_APP_CLIENT_SECRET="$(env_value REVIEW_APP_CLIENT_SECRET)"
export AUTH_DB_NAME="icourse_check_auth_$suffix" REVIEW_DB_NAME="icourse_check_review_$suffix"
export AUTH_DB_USER="check_auth_$$" REVIEW_DB_USER="check_review_$$"
drop_sql="DROP DATABASE IF EXISTS \`$AUTH_DB_NAME\`; DROP DATABASE IF EXISTS \`$REVIEW_DB_NAME\`;
          DROP USER IF EXISTS '$AUTH_DB_USER'@'%'; DROP USER IF EXISTS '$REVIEW_DB_USER'@'%';"
MARIADB_HOST="$db_host" MARIADB_ROOT_PASSWORD="${CHECK_DB_ROOT_PASSWORD:-}" \
    MARIADB_PORT="$db_port" mariadb/init-databases.sh
echo "init-databases.sh: created $AUTH_DB_NAME, $REVIEW_DB_NAME and their users"

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for app in auth-server review-app; do
    jar="$(ls "$repo/$app"/target/"$app"-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)"
    if [ -z "$jar" ]; then
        echo "Building $app (no jar in $app/target)"
        (cd "$repo" && ./mvnw -q -B -pl "$app" -am package -DskipTests)
        jar="$(ls "$repo/$app"/target/"$app"-*.jar | head -1)"
    fi
    # The Dockerfile's extraction: each layer copied into /app.
    mkdir -p "$work/$app-jar"
    cp "$jar" "$work/$app-jar/app.jar"
    "$java" -Djarmode=tools -jar "$work/$app-jar/app.jar" extract --layers --destination "$work/$app-layers" >/dev/null
    mkdir -p "$work/$app"
    for layer in dependencies spring-boot-loader snapshot-dependencies application; do
        cp -r "$work/$app-layers/$layer/." "$work/$app/"
    done
done

jdbc="jdbc:mariadb://$db_host:$db_port"
# The compose file's migration job.
AUTH_DB_URL="$jdbc/$AUTH_DB_NAME" AUTH_DB_PASSWORD="$AUTH_DB_PASSWORD" \
REVIEW_DB_URL="$jdbc/$REVIEW_DB_NAME" REVIEW_DB_PASSWORD="$REVIEW_DB_PASSWORD" \
    "$java" -cp "$work/auth-server/app.jar" club.icourse.db.Migrate auth review

auth_port="${CHECK_AUTH_PORT:-19000}"
review_port="${CHECK_REVIEW_PORT:-18080}"
auth_management="${CHECK_AUTH_MANAGEMENT_PORT:-19001}"
review_management="${CHECK_REVIEW_MANAGEMENT_PORT:-18081}"
# The instances' environment from compose.yaml, with this host's addresses.
(cd "$work/auth-server" && exec env DB_URL="$jdbc/$AUTH_DB_NAME" DB_USER="$AUTH_DB_USER" DB_PASSWORD="$AUTH_DB_PASSWORD" \
    DB_MIGRATE=validate PORT="$auth_port" PUBLIC_URL="http://127.0.0.1:$auth_port" \
    KEY_ENCRYPTION_SECRET="$KEY_ENCRYPTION_SECRET" REVIEW_APP_URL="http://127.0.0.1:$review_port" \
    REVIEW_APP_CLIENT_SECRET="$REVIEW_APP_CLIENT_SECRET" SMTP_HOST=127.0.0.1 SMTP_PORT=1 \
    SERVER_FORWARD_HEADERS_STRATEGY=native MANAGEMENT_PORT="$auth_management" ACTUATOR_ENDPOINTS=health,info,prometheus LOG_FORMAT=ecs \
    "$java" -jar app.jar > "$work/auth-server.log" 2>&1) &
pids+=($!)
(cd "$work/review-app" && exec env DB_URL="$jdbc/$REVIEW_DB_NAME" DB_USER="$REVIEW_DB_USER" DB_PASSWORD="$REVIEW_DB_PASSWORD" \
    DB_MIGRATE=validate PORT="$review_port" PUBLIC_URL="http://127.0.0.1:$review_port" \
    AUTH_SERVER_URL="http://127.0.0.1:$auth_port" OIDC_CLIENT_SECRET="$REVIEW_APP_CLIENT_SECRET" SMTP_HOST=127.0.0.1 SMTP_PORT=1 \
    SERVER_FORWARD_HEADERS_STRATEGY=native MANAGEMENT_PORT="$review_management" ACTUATOR_ENDPOINTS=health,info,prometheus \
    "$java" -jar app.jar > "$work/review-app.log" 2>&1) &
pids+=($!)

ready() {
    local name="$1" url="$2" log="$3"
    for _ in $(seq 1 180); do
        if curl -fsS "$url" 2>/dev/null | grep -q '"UP"'; then
            echo "$name: UP at $url"
            return 0
        fi
        sleep 1
    done
    echo "$name did not become ready; its log:"; tail -50 "$log"
    return 1
}
ready auth-server "http://127.0.0.1:$auth_management/actuator/health/readiness" "$work/auth-server.log"
ready review-app "http://127.0.0.1:$review_management/actuator/health/readiness" "$work/review-app.log"
metrics() {
    local name="$1" port="$2" management="$3"
    # Not served on the app's port; the request also shows up in http_server_requests_seconds.
    local public
    public="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/prometheus")"
    [ "$public" != 200 ] || { echo "$name: metrics answered on the public port $port"; return 1; }
    curl -fsS "http://127.0.0.1:$management/actuator/prometheus" > "$work/$name.metrics"
    for meter in jvm_memory_used_bytes http_server_requests_seconds 'http_server_requests_seconds_bucket{.*le="0.25"' icourse_mail_outbox_oldest_age; do
        grep -q "^$meter" "$work/$name.metrics" || { echo "$name: no $meter at :$management/actuator/prometheus"; return 1; }
    done
    echo "$name: Prometheus metrics at :$management/actuator/prometheus, none on :$port"
}
metrics auth-server "$auth_port" "$auth_management"
metrics review-app "$review_port" "$review_management"
# auth-server logs JSON (LOG_FORMAT=ecs, as in compose.yaml), review-app plain text (no LOG_FORMAT).
python3 -c 'import json, sys; [json.loads(line) for line in open(sys.argv[1]) if line.strip()]' "$work/auth-server.log" \
    || { echo "auth-server: LOG_FORMAT=ecs did not give one JSON object per line"; exit 1; }
echo "auth-server: JSON log lines (LOG_FORMAT=ecs)"
if head -c1 "$work/review-app.log" | grep -q '{'; then
    echo "review-app: JSON log lines without LOG_FORMAT"; exit 1
fi
# The balancer's page cache in front of the real review-app: a visitor's page is kept and served again, a request
# with a session cookie never comes from it, and a page the app marks no-store is never kept.
if ! skip nginx; then
    step "nginx page cache"
    conf="$work/nginx-cache-check"
    mkdir -p "$conf/conf.d" "$conf/cache" "$conf/logs"
    proxy_port="${CHECK_PROXY_PORT:-18088}"
    sed -E -e "s/review-[0-9]+:8080/127.0.0.1:$review_port/" -e 's/auth-[0-9]+:9000/127.0.0.1:'"$auth_port"'/' \
        -e "s/listen 80 default_server;/listen 127.0.0.1:$proxy_port default_server;/" -e 's/listen 80;/listen 127.0.0.1:'"$proxy_port"';/' \
        -e "s|/var/cache/nginx/|$conf/cache/|" -e 's/ resolve;/;/' -e '/^resolver /d' \
        < <(envsubst '${AUTH_HOST} ${REVIEW_HOST}' < nginx/icourse.conf.template) > "$conf/conf.d/icourse.conf"
    # Workers of an nginx started by root run as nobody, who may not write into this check's private temp directory.
    { [ "$(id -u)" = 0 ] && echo "user root;"
      sed "s|$work/nginx-icourse.conf.template|$conf|g" "$work/nginx-icourse.conf.template/nginx.conf"; } > "$conf/nginx.conf"
    nginx -p "$conf" -c "$conf/nginx.conf"
    pids+=("$(cat "$conf/nginx.pid")")
    cache_status() { curl -s -o /dev/null -D - -H "Host: $REVIEW_HOST" "$@" | sed -n 's/^X-Cache-Status: *//Ip' | tr -d '\r'; }
    expect() {
        [ "$2" = "$3" ] && return 0
        echo "page cache: $1 was ${2:-no cache status}, expected $3; the answer to a visitor now:"
        curl -s -o /dev/null -D - -H "Host: $REVIEW_HOST" "http://127.0.0.1:$proxy_port/courses"; tail -5 "$conf/logs/error.log"
        exit 1
    }
    cache_status "http://127.0.0.1:$proxy_port/courses" > /dev/null
    expect "a visitor's course list asked again" "$(cache_status "http://127.0.0.1:$proxy_port/courses")" HIT
    expect "the course list with a session cookie" \
        "$(cache_status -H 'Cookie: icourse_session=someone' "http://127.0.0.1:$proxy_port/courses")" BYPASS
    cache_status "http://127.0.0.1:$proxy_port/stats" > /dev/null
    expect "a no-store page asked again" "$(cache_status "http://127.0.0.1:$proxy_port/stats")" MISS
    echo "page cache: visitors' pages kept, sessions bypass it, no-store pages never kept"
fi
if grep -q "Migrating schema" "$work"/*.log; then
    echo "An app migrated although DB_MIGRATE=validate"; exit 1
fi
echo
echo "All checks passed."
