#!/bin/bash
# Makes a runnable copy of the team's conformance-suite scripts (../shared/oidf, read-only) in /tmp/oidf-scripts, with
# what this product needs on top (docs/conformance.md):
#   - OP=https://127.0.0.1:9000 (or any issuer) instead of the fixed http://127.0.0.1:9000;
#   - browser.json: presses "Sign out" on the logout confirmation page before the screenshot;
#   - start-op.sh: the auth-server jar under test, with TLS=1 an https issuer served by auth-server itself;
#   - add-accounts.sh: more sign-in names (the sign-in limit counts per account);
#   - run-all.sh: every plan, each chunk signing in as its own account;
#   - start-suite.sh: OP_TRUST=/tmp/oidf/op-trust.p12 makes the suite's browser trust that issuer's certificate;
#   - register-clients.sh: the suite's clients get the legacy no-PKCE exception (they send PKCE only when tested);
#   - run-dynamic.sh: the Dynamic OP plan, the suite registering its clients with an initial access token.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${SHARED:-$(cd "$HERE/../../../shared/oidf" && pwd)}
OUT=${OUT:-/tmp/oidf-scripts}
rm -rf "$OUT" && cp -r "$SHARED" "$OUT"
cp "$HERE/browser.json" "$HERE/start-op.sh" "$HERE/add-accounts.sh" "$HERE/run-all.sh" "$HERE/run-dynamic.sh" "$HERE/tls-front.sh" "$OUT/"
cd "$OUT"
python3 - <<'PY'
p = 'make-config.py'
s = open(p).read()
s = s.replace('import json, sys, os\n', 'import json, sys, os\nOP = os.environ.get("OP", "http://127.0.0.1:9000")  # the issuer under test\n')
s = s.replace('"iCourse auth-server (Spring Authorization Server) at http://127.0.0.1:9000"', '"iCourse auth-server at " + OP')
s = s.replace('{"discoveryUrl": "http://127.0.0.1:9000/.well-known/openid-configuration"}', '{"discoveryUrl": OP + "/.well-known/openid-configuration"}')
s = s.replace('.replace("student@mail.ustc.edu.cn", user))', '.replace("student@mail.ustc.edu.cn", user).replace("http://127.0.0.1:9000", OP))')
s = s.replace('    i = "http://127.0.0.1:9000"\n', '    i = OP\n')
open(p, 'w').write(s)
p = 'register-clients.sh'
s = open(p).read()
s = s.replace('ISSUER=${ISSUER:-http://127.0.0.1:9000}', 'ISSUER=${OP:-${ISSUER:-http://127.0.0.1:9000}}')
s = s.replace('curl -sf', 'curl -skf').replace('curl -s -o', 'curl -sk -o')
# The suite's clients send PKCE only in the PKCE module: they are registered with the legacy exception every
# confidential client can be given (off by default; docs/admin-api.md), never by weakening the default.
s = s.replace(r'\"scopes\": [\"openid\", \"profile\", \"email\"] $extra}',
              r'\"scopes\": [\"openid\", \"profile\", \"email\"], \"withoutPkce\": true $extra}')
open(p, 'w').write(s)
p = 'start-suite.sh'
s = open(p).read()
s = s.replace('$J25 -Xmx2g', '$J25 -Xmx2g ${OP_TRUST:+-Djavax.net.ssl.trustStore=$OP_TRUST -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12}')
open(p, 'w').write(s)
PY
grep -q 'OP = os.environ' make-config.py && grep -q 'OP_TRUST' start-suite.sh && grep -q 'ISSUER=${OP' register-clients.sh \
  && grep -q 'withoutPkce' register-clients.sh \
  || { echo "the shared scripts changed: adapt prepare.sh" >&2; exit 1; }
chmod +x ./*.sh ./*.py
echo "ready: $OUT"
