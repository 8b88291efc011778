#!/bin/bash
# The Dynamic OP plan (oidcc-dynamic-certification-test-plan, response_type=code) against $OP: the suite registers its
# own clients at the registration endpoint (private_key_jwt, jwks by value or at a jwks_uri it serves, sector URIs)
# with an initial access token this script has an administrator issue through the admin API (client admin-cli of the
# local run): owner demo-admin, approved at once and with the legacy no-PKCE exception (the suite sends PKCE only in
# its PKCE module), valid 4 hours, audited. Run from the prepared copy (prepare.sh) with the suite and the OP started
# (start-op.sh trusts the suite's certificate for jwks_uri and sector_identifier_uri when SUITE_TRUST=1).
# The same token goes to the suite's second client (client2), which oidcc-refresh-token registers to check that a
# refresh token is bound to its client: the suite sends each client's own initial_access_token from the config.
# usage: [OP=https://127.0.0.1:9000] [OP_DB=oidf_auth] [ALIAS=icourse-dynamic (the suite routes by alias: one per OP)]
#    [RUNS=/tmp/oidf/runs] [MODULES=a,b] [SIGNIN=oidf-9] [TAG=x] ./run-dynamic.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
export OP=${OP:-https://127.0.0.1:9000}
OUT=${RUNS:-/tmp/oidf/runs}; mkdir -p $OUT
name=dynamic${TAG:+-$TAG}
ADMIN=$(curl -skf -u admin-cli:admin-cli-local-secret -d grant_type=client_credentials -d scope=icourse.admin \
  $OP/oauth2/token | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])')
OWNER=$(mysql -h 127.0.0.1 -u root -N ${OP_DB:-oidf_auth} -e "SELECT subject FROM account WHERE username = '${OWNER_NAME:-demo-admin}'")
INITIAL=$(curl -skf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' $OP/api/admin/registration-tokens \
  -d "{\"ownerSubject\": \"$OWNER\", \"validForHours\": 4, \"approveAtOnce\": true, \"withoutPkce\": true,
       \"note\": \"OIDF conformance, dynamic plan $name\"}" | python3 -c 'import json,sys;print(json.load(sys.stdin)["value"])')
"$HERE/make-config.py" ${ALIAS:-icourse-dynamic} $OUT/$name-config.json ${BROWSER:+--browser $BROWSER} ${SIGNIN:+--user $SIGNIN}
python3 - "$OUT/$name-config.json" "$INITIAL" <<'PY'
import json, sys
p, token = sys.argv[1], sys.argv[2]
cfg = json.load(open(p))
cfg["client"] = {"client_name": "OIDF conformance (dynamic)", "initial_access_token": token}
cfg["client2"] = {"client_name": "OIDF conformance (dynamic, second client)", "initial_access_token": token}
cfg.pop("client_secret_post", None)
json.dump(cfg, open(p, "w"), indent=2)
PY
plan="oidcc-dynamic-certification-test-plan[response_type=code]${MODULES:+:$MODULES}"
mkdir -p $OUT/$name-export
cd /tmp/oidf/suite/scripts
CONFORMANCE_DEV_MODE=1 CONFORMANCE_SERVER=https://127.0.0.1:8443/ \
  nice -n 19 /tmp/oidf/venv/bin/python run-test-plan.py --no-parallel --verbose --export-dir $OUT/$name-export \
  "$plan" $OUT/$name-config.json 2>&1 | tee $OUT/$name-run.log
