#!/usr/bin/env bash
# Benchmark of auth-server's token paths, on demand (not a test): starts the built jar on a fresh bench database,
# provisions clients and people through the admin API, then runs each case with wrk and prints, per case,
# units per second, JVM CPU milliseconds per unit (from /proc: steadier than req/s on a shared machine) and SQL
# statements / rows / commits per unit (counted by the app at the JDBC level on request threads only,
# icourse.sql-count.enabled: background jobs and other databases' clients are not counted).
#
#   ./mvnw -q -pl auth-server -am install -DskipTests
#   scripts/bench-auth.sh                      # every case, 10 s each after a 5 s warm-up
#   DUR=20 CONNS=16 scripts/bench-auth.sh flow rt userinfo
#   SESSIONS=10000 ROWS=1000000 scripts/bench-auth.sh flow rt userinfo   # the scale run: empty, then seeded
#
# Cases: cc (client_credentials), rt (refresh with rotation, one chain per connection), flow (authorize of a
# signed-in browser + code exchange with PKCE), userinfo, signin (GET + POST /login), disco, jwks.
# Needs: java 25, wrk, curl, jq, openssl, mariadb client; MariaDB on 127.0.0.1:3306 (root, no password).
# Same Lua scripts (scripts/bench-auth/*.lua) and cases as the side-by-side with Keycloak in
# ../shared/bench-keycloak; see docs/performance.md.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(dirname "$HERE"); export LUA_DIR=$HERE/bench-auth
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=${JAR:-$(ls "$ROOT"/auth-server/target/auth-server-*.jar | grep -v original | head -1)}
PORT=${PORT:-9300}; MPORT=${MPORT:-9301}; BASE=http://127.0.0.1:$PORT
DB=${DB:-auth_bench_perf}; WORK=${WORK:-/tmp/bench-auth-$PORT}
DUR=${DUR:-10}; WARM=${WARM:-5}; CONNS=${CONNS:-16}
# the memory settings of docs/operations.md
HEAP=${HEAP:--Xms64m -Xmx192m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xss512k}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
SESSIONS=${SESSIONS:-0}   # scale run: every browser is the same person, who has this many more live sessions
ROWS=${ROWS:-0}                                  # extra expired-later authorizations of other people (scale run)
PASSWORD='correct-horse-battery-9'
REDIRECT=http://127.0.0.1:8090/callback; REDIRECT_ENC=http%3A%2F%2F127.0.0.1%3A8090%2Fcallback
VERIFIER=bench-verifier-0123456789-0123456789-0123456789-abcdefghij
CHALLENGE=$(printf '%s' "$VERIFIER" | openssl dgst -sha256 -binary | base64 -w0 | tr '+/' '-_' | tr -d '=')
CASES=${*:-cc rt flow userinfo signin disco jwks}
DBQ() { mariadb -h127.0.0.1 -P3306 -uroot "$@"; }
mkdir -p "$WORK"; : > "$WORK/app.log"

# --- start on a fresh database --------------------------------------------------------------------------------
DBQ -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci"
export PORT MANAGEMENT_PORT=$MPORT ACTUATOR_ENDPOINTS=health,info,metrics
export DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB" DB_USER=root DB_PASSWORD= PUBLIC_URL=$BASE
export KEY_ENCRYPTION_SECRET=YmVuY2gtYXV0aC1rZXktZW5jcnlwdGlvbi0zMmJ5dGU=
export SMTP_HOST=127.0.0.1 SMTP_PORT=2 MAIL_FROM='bench <bench@localhost>'
# The demo accounts and the admin-cli client of the local profile; rate limits off (every request comes from one
# address, as in the side-by-side); SQL counted per request.
export SPRING_PROFILES_ACTIVE=local ICOURSE_DEMO_PASSWORD=$PASSWORD ADMIN_CLI_CLIENT_SECRET=admin-cli-bench-secret
# shellcheck disable=SC2086
setsid nohup "$JAVA" $HEAP -jar "$JAR" --icourse.rate-limits.enabled=false --icourse.sql-count.enabled=true >> "$WORK/app.log" 2>&1 < /dev/null & APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs -o /dev/null "$BASE/.well-known/openid-configuration" && break; sleep 0.2; done
curl -fs -o /dev/null "$BASE/.well-known/openid-configuration" || { tail -50 "$WORK/app.log"; exit 1; }
for _ in $(seq 1 100); do DBQ -N $DB -e "SELECT 1 FROM account WHERE username='demo-student'" | grep -q 1 && break; sleep 0.2; done
echo "started $JAR (pid $APP, heap: $HEAP) on $DB"

# --- clients and people, through the admin API ----------------------------------------------------------------
TOK=$(curl -fsS -u admin-cli:admin-cli-bench-secret -d grant_type=client_credentials -d scope=icourse.admin "$BASE/oauth2/token" | jq -r .access_token)
reg() { curl -fsS -H "Authorization: Bearer $TOK" -H 'Content-Type: application/json' "$BASE/api/admin/clients" -d "$1"; }
CC_SECRET=$(reg '{"clientId":"bench-cc","name":"Bench CC","confidential":true,"clientCredentials":true,"scopes":["openid"],"redirectUris":[]}' | jq -r .secret)
WEB_SECRET=$(reg '{"clientId":"bench-web","name":"Bench web","confidential":true,"firstParty":true,"redirectUris":["'$REDIRECT'"],"scopes":["openid","profile","email"]}' | jq -r .secret)
CCA=$(printf 'bench-cc:%s' "$CC_SECRET" | base64 -w0); WEBA=$(printf 'bench-web:%s' "$WEB_SECRET" | base64 -w0)
# One person per connection (copies of demo-student: same Argon2 hash, confirmed address).
DBQ $DB -e "
INSERT INTO account (subject, username, username_key, email, school, affiliation, password_hash, locale, created_at,
                     email_confirmed_at, password_changed_at)
SELECT CONCAT('benchsubject', LPAD(s.seq, 4, '0'), 'aaaaaaaaaa'), CONCAT('bench-u', LPAD(s.seq, 2, '0')),
       CONCAT('bench-u', LPAD(s.seq, 2, '0')), CONCAT('bench-u', LPAD(s.seq, 2, '0'), '@mail.ustc.edu.cn'), a.school,
       a.affiliation, a.password_hash, a.locale, a.created_at, a.email_confirmed_at, a.password_changed_at
FROM account a JOIN seq_1_to_64 s WHERE a.username = 'demo-student'"

# --- browser sessions, tokens ---------------------------------------------------------------------------------
sign_in() { # $1 person -> Cookie header line
  local jar=$WORK/jar-$1 csrf; rm -f "$jar"
  csrf=$(curl -fsS -c "$jar" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -fsS -o /dev/null -b "$jar" -c "$jar" "$BASE/login" --data-urlencode "username=$1" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf"
  awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar" | sed 's/; $//'; echo; }
code_flow() { # $1 cookie line -> token response JSON
  local loc code
  loc=$(curl -fsS -o /dev/null -w '%{redirect_url}' -H "Cookie: $1" \
    "$BASE/oauth2/authorize?response_type=code&client_id=bench-web&redirect_uri=$REDIRECT_ENC&scope=openid%20profile%20email&code_challenge=$CHALLENGE&code_challenge_method=S256&state=s&nonce=n")
  code=$(echo "$loc" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
  curl -fsS -H "Authorization: Basic $WEBA" "$BASE/oauth2/token" -d grant_type=authorization_code -d "code=$code" \
    -d "redirect_uri=$REDIRECT" -d "code_verifier=$VERIFIER"; }
: > "$WORK/sessions.txt"
for i in $(seq 1 "$CONNS"); do
  person=bench-u$(printf %02d "$i"); [ "$SESSIONS" != 0 ] && person=bench-u01
  sign_in "$person" >> "$WORK/sessions.txt"; done
# --- measuring ------------------------------------------------------------------------------------------------
HZ=$(getconf CLK_TCK)
ticks() { awk '{print $14+$15}' /proc/$APP/stat; }
sql() { curl -fs "http://127.0.0.1:$MPORT/actuator/metrics/icourse.sql?tag=kind:$1" | jq '.measurements[0].value'; }
snapshot() { echo "$(ticks) $(sql statements) $(sql rows) $(sql commits) $(sql autocommit_writes) $(sql requests)"; }
printf '%-9s %5s %10s %8s %8s %10s %9s %9s %9s %7s %s\n' case conns units/s units bad 'CPU ms/u' SQL/u rows/u commits/u 'RSS MB' 'p50/p99 ms'
run() { # $1 case, $2 seconds, $3 label
  local cs=$1 dur=$2 threads=2 lua=request.lua url=$BASE/oauth2/token c=$CONNS out=$WORK/wrk-$1-$3.txt
  export AUTH= BODY= BEARER=
  case $cs in
    cc) export AUTH=$CCA BODY=grant_type=client_credentials;;
    rt) threads=$c; lua=chain.lua; export AUTH=$WEBA RT_FILE=$WORK/rt.txt; : > "$RT_FILE"
        while read -r cookie; do code_flow "$cookie" | jq -r .refresh_token >> "$RT_FILE"; done < "$WORK/sessions.txt";;
    flow) threads=$c; lua=flow.lua; url=$BASE; export AUTH=$WEBA COOKIE_FILE=$WORK/sessions.txt TOKEN_PATH=/oauth2/token \
          VERIFIER REDIRECT_ENC AUTHZ_PATH="/oauth2/authorize?response_type=code&client_id=bench-web&redirect_uri=$REDIRECT_ENC&scope=openid%20profile%20email&code_challenge=$CHALLENGE&code_challenge_method=S256";;
    userinfo) url=$BASE/userinfo
        export BEARER=$(code_flow "$(head -1 "$WORK/sessions.txt")" | jq -r .access_token);;
    signin) threads=$c; lua=login.lua; url=$BASE; export USERNAME_=demo-student PASSWORD_=$PASSWORD;;
    disco) url=$BASE/.well-known/openid-configuration;;
    jwks) url=$BASE/oauth2/jwks;;
  esac
  local a b
  a=$(snapshot)
  wrk -t$threads -c$c -d${dur}s --timeout 30s -s "$LUA_DIR/$lua" "$url" > "$out" 2>&1
  b=$(snapshot)
  local units bad lat rss
  units=$(grep -o 'units=[0-9]*' "$out" | cut -d= -f2 || true)
  units=${units:-$(grep -o '2xx=[0-9]*' "$out" | head -1 | cut -d= -f2 || true)}
  bad=$(grep -o 'non2xx=[0-9]*' "$out" | cut -d= -f2 || true)
  lat=$(grep 'lua: p50' "$out" | sed 's/.*p50=\([0-9.]*\)ms.*p99=\([0-9.]*\)ms.*/\1\/\2/' || true)
  rss=$(awk '/VmRSS/{printf "%.0f", $2/1024}' /proc/$APP/status)
  [ "$3" = warm ] && return
  awk -v cs=$cs -v c=$c -v u=${units:-0} -v bad=${bad:-0} -v dur=$dur -v hz=$HZ -v a="$a" -v b="$b" -v rss=$rss -v lat="$lat" 'BEGIN{
    split(a,A," "); split(b,B," "); n=(u>0?u:1)
    printf "%-9s %5d %10.1f %8d %8d %10.2f %9.2f %9.2f %9.2f %7d %s\n", cs, c, u/dur, u, bad, 1000*(B[1]-A[1])/hz/n,
      (B[2]-A[2])/n, (B[3]-A[3])/n, (B[4]-A[4]+B[5]-A[5])/n, rss, lat }' | tee -a "$WORK/results.txt"
  grep -h 'first non-2xx' "$out" | head -1 || true
}
seed_scale() {
  if [ "$SESSIONS" != 0 ]; then   # copies of one of that person's sessions (same attributes, other ids)
    DBQ $DB -e "
    CREATE TEMPORARY TABLE k (n INT PRIMARY KEY); INSERT INTO k SELECT seq FROM seq_1_to_$SESSIONS;
    CREATE TEMPORARY TABLE c AS SELECT s.PRIMARY_ID p, UUID() np, k.n
      FROM (SELECT PRIMARY_ID FROM SPRING_SESSION WHERE PRINCIPAL_NAME IS NOT NULL LIMIT 1) s, k;
    INSERT INTO SPRING_SESSION SELECT c.np, UUID(), s.CREATION_TIME, s.LAST_ACCESS_TIME - c.n, s.MAX_INACTIVE_INTERVAL,
      s.EXPIRY_TIME + 86400000, s.PRINCIPAL_NAME FROM c JOIN SPRING_SESSION s ON s.PRIMARY_ID = c.p;
    INSERT INTO SPRING_SESSION_ATTRIBUTES SELECT c.np, a.ATTRIBUTE_NAME, a.ATTRIBUTE_BYTES
      FROM c JOIN SPRING_SESSION_ATTRIBUTES a ON a.SESSION_PRIMARY_ID = c.p;"
    echo "sessions: $(DBQ -N $DB -e 'SELECT COUNT(*) FROM SPRING_SESSION') live browser sessions"
  fi
  if [ "$ROWS" != 0 ]; then   # other people's grants, copies of a real one with other token values
    code_flow "$(head -1 "$WORK/sessions.txt")" > /dev/null
    # In batches: one transaction of a million rows outgrows InnoDB's lock table and rolls back for many minutes.
    # From a copy of the source row (an InnoDB temporary table): reading the table being inserted into makes
    # MariaDB materialise the source in an Aria file under tmpdir, which a shared /tmp may lose midway.
    for ((from = 1; from <= ROWS; from += 50000)); do DBQ $DB -e "
    CREATE TEMPORARY TABLE src ENGINE=InnoDB AS
      SELECT * FROM oauth2_authorization WHERE access_token_value IS NOT NULL LIMIT 1;
    INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type, authorized_scopes,
      attributes, access_token_value, access_token_issued_at, access_token_expires_at, access_token_metadata,
      access_token_type, access_token_scopes, refresh_token_value, refresh_token_issued_at, refresh_token_expires_at,
      refresh_token_metadata)
    SELECT CONCAT('bench-', s.seq), a.registered_client_id, CONCAT('benchother', s.seq MOD 5000), a.authorization_grant_type,
      a.authorized_scopes, NULL, CONCAT(LEFT(a.access_token_value, 200), MD5(s.seq)), a.access_token_issued_at,
      a.access_token_expires_at, a.access_token_metadata, a.access_token_type, a.access_token_scopes,
      CONCAT(LEFT(a.refresh_token_value, 20), MD5(s.seq), MD5(-s.seq)), a.refresh_token_issued_at, a.refresh_token_expires_at,
      a.refresh_token_metadata
    FROM src a JOIN seq_${from}_to_$((from + 49999 < ROWS ? from + 49999 : ROWS)) s;"; done
    echo "rows: $(DBQ -N $DB -e 'SELECT COUNT(*) FROM oauth2_authorization') authorizations"
  fi
}

measure() {
  for cs in $CASES; do
    [ "$WARM" != 0 ] && run "$cs" "$WARM" warm
    run "$cs" "$DUR" measured
  done
}
if [ "$SESSIONS" != 0 ] || [ "$ROWS" != 0 ]; then
  # the scale run: the same cases on the empty database first, in the same process, then with the data; every
  # case warmed once more first, so the JIT does not favour the second half
  [ "$WARM" != 0 ] && for cs in $CASES; do run "$cs" "$WARM" warm; done
  echo "--- empty database (every browser the same person, $CONNS sessions) ---"; measure
  seed_scale
  echo "--- with $SESSIONS more sessions of that person and $ROWS more authorizations ---"; measure
else
  measure
fi
echo "(units: flow = authorize + token exchange; commits/u counts explicit commits and autocommit writes; load: $(cut -d' ' -f1-3 /proc/loadavg))"
