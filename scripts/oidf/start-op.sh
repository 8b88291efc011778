#!/bin/bash
# Starts the auth-server jar under test for conformance runs: database oidf_auth on the local MariaDB (root), the
# local profile (demo accounts, admin-cli client), and with TLS=1 an https issuer https://127.0.0.1:9000 served by
# auth-server itself (profile tls, a self-signed PKCS12 key store; the suite JVM trusts it, see start-suite.sh).
# usage: JAR=.../auth-server-*.jar [TLS=1] [OP_PORT=9000] [OP_DB=oidf_auth] [OP_DIR=/tmp/oidf] ./start-op.sh
# (OP_PORT, OP_DB, OP_DIR let a second OP run beside the first: its own port, database, log and pid file; the
# TLS key stores stay in /tmp/oidf, which the suite trusts)
set -euo pipefail
JAR=${JAR:?path of the auth-server jar}
OP_PORT=${OP_PORT:-9000}
OP_DB=${OP_DB:-oidf_auth}
OP_DIR=${OP_DIR:-/tmp/oidf}
J25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
mkdir -p /tmp/oidf "$OP_DIR"
mysql -h 127.0.0.1 -u root -e "CREATE DATABASE IF NOT EXISTS $OP_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci" 2>/dev/null \
  || mysql -h 127.0.0.1 -u root -e "CREATE DATABASE IF NOT EXISTS $OP_DB CHARACTER SET utf8mb4"
profiles=local; scheme=http
if [ "${TLS:-0}" = 1 ]; then
  profiles=local,tls; scheme=https
  if [ ! -f /tmp/oidf/op-tls.p12 ]; then
    keytool -genkeypair -alias op -keyalg RSA -keysize 2048 -validity 30 -dname 'CN=127.0.0.1' \
      -ext 'SAN=ip:127.0.0.1' -storetype PKCS12 -keystore /tmp/oidf/op-tls.p12 -storepass changeit -keypass changeit
    keytool -exportcert -alias op -keystore /tmp/oidf/op-tls.p12 -storepass changeit -file /tmp/oidf/op-tls.crt
    keytool -importcert -noprompt -alias op -file /tmp/oidf/op-tls.crt -storetype PKCS12 \
      -keystore /tmp/oidf/op-trust.p12 -storepass changeit
  fi
fi
# SUITE_TRUST=1: the OP trusts the suite's self-signed certificate (made by start-suite.sh), to fetch the jwks_uri and
# sector_identifier_uri that the suite's dynamically registered clients point at (Dynamic OP plan).
trust=""
if [ "${SUITE_TRUST:-0}" = 1 ]; then
  [ -f /tmp/oidf/suite-tls.p12 ] || keytool -genkeypair -alias suite -keyalg RSA -keysize 2048 -validity 30 \
    -dname 'CN=127.0.0.1' -ext 'SAN=ip:127.0.0.1,dns:localhost' -storetype PKCS12 \
    -keystore /tmp/oidf/suite-tls.p12 -storepass changeit -keypass changeit
  rm -f "$OP_DIR/suite-trust.p12" "$OP_DIR/suite-tls.crt"
  keytool -exportcert -alias suite -keystore /tmp/oidf/suite-tls.p12 -storepass changeit -file "$OP_DIR/suite-tls.crt"
  keytool -importcert -noprompt -alias suite -file "$OP_DIR/suite-tls.crt" -storetype PKCS12 \
    -keystore "$OP_DIR/suite-trust.p12" -storepass changeit
  # the suite serves those documents on 127.0.0.1, which the OP refuses to fetch unless told
  export REGISTRATION_FETCH_PRIVATE_HOSTS=127.0.0.1
  trust="-Djavax.net.ssl.trustStore=$OP_DIR/suite-trust.p12 -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12"
fi
SPRING_PROFILES_ACTIVE=$profiles PORT=$OP_PORT PUBLIC_URL=$scheme://127.0.0.1:$OP_PORT \
  DB_URL=jdbc:mariadb://127.0.0.1:3306/$OP_DB DB_USER=root DB_PASSWORD= \
  KEY_ENCRYPTION_SECRET=OtJ9ZdHUSckcRLCFj+5Edmjl3KSit0KRu6cWRO4+DDY= \
  ICOURSE_DEMO_PASSWORD=icourse-demo ADMIN_CLI_CLIENT_SECRET=admin-cli-local-secret \
  REVIEW_APP_CLIENT_SECRET=review-app-local-secret DEMO_SITE_CLIENT_SECRET=demo-site-local-secret \
  SMTP_HOST=127.0.0.1 SMTP_PORT=2599 \
  TLS_KEYSTORE=file:/tmp/oidf/op-tls.p12 TLS_KEYSTORE_PASSWORD=changeit \
  nohup nice -n 10 $J25 -Xmx768m -XX:TieredStopAtLevel=1 $trust -jar "$JAR" > "$OP_DIR/op.log" 2>&1 &
echo $! > "$OP_DIR/op.pid"
for i in $(seq 1 120); do
  # the demo accounts are created just after the web server answers: add-accounts.sh copies demo-student's password
  if curl -sk -o /dev/null $scheme://127.0.0.1:$OP_PORT/.well-known/openid-configuration \
    && mysql -h 127.0.0.1 -u root -N $OP_DB -e "SELECT 1 FROM account WHERE username = 'demo-student'" 2>/dev/null | grep -q 1; then
    echo "OP up at $scheme://127.0.0.1:$OP_PORT"; exit 0
  fi
  sleep 2
done
echo "OP not up; see $OP_DIR/op.log" >&2; exit 1
