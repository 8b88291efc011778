#!/bin/bash
# Every plan of docs/conformance.md against $OP, each chunk signing in as its own account (oidf-N from
# add-accounts.sh, N from FIRST, default 1): the sign-in limit (10 per account per 15 min) holds; a rerun within 15
# minutes takes FIRST=12 (with ./add-accounts.sh 22), never a weaker limit. DYNAMIC=0 leaves out the Dynamic OP plan.
# The chunks run one after another: two sign-ins at the same moment from one address can deadlock in the rate-limit
# buckets (a 503 for one of them). Run from the prepared copy (prepare.sh), with the suite and the OP started.
# Prints the plan ids; ./summarize.py ID... gives the results.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
export OP=${OP:-https://127.0.0.1:9000}
F=${FIRST:-1}
acct() { echo "oidf-$((F + $1 - 1))"; }
LOG=/tmp/oidf/runs; mkdir -p $LOG
run() { # TAG SIGNIN KIND [MODULES]
  local tag=$1 user=$2 kind=$3 modules=${4:-}
  MODULES=$modules SIGNIN=$user TAG=$tag "$HERE/run-plan.sh" $kind > $LOG/$kind-$tag.out 2>&1
  echo "$kind $tag: $(grep -o 'plan-detail.html?plan=[A-Za-z0-9]*' $LOG/$kind-$tag.out | head -1 | cut -d= -f2)"
}
run all $(acct 1) config
run c1 $(acct 2) rp-logout "oidcc-rp-initiated-logout-discovery-endpoint-verification,oidcc-rp-initiated-logout,oidcc-rp-initiated-logout-bad-post-logout-redirect-uri,oidcc-rp-initiated-logout-modified-id-token-hint,oidcc-rp-initiated-logout-no-id-token-hint,oidcc-rp-initiated-logout-no-params"
run c2 $(acct 3) rp-logout "oidcc-rp-initiated-logout-no-post-logout-redirect-uri,oidcc-rp-initiated-logout-no-state,oidcc-rp-initiated-logout-only-state,oidcc-rp-initiated-logout-query-added-to-post-logout-redirect-uri,oidcc-rp-initiated-logout-bad-id-token-hint"
BCL=1 run all $(acct 4) bc-logout
run c1 $(acct 5) basic "oidcc-server,oidcc-response-type-missing,oidcc-userinfo-get,oidcc-userinfo-post-header,oidcc-userinfo-post-body,oidcc-ensure-request-without-nonce-succeeds-for-code-flow,oidcc-scope-profile,oidcc-scope-email,oidcc-scope-address"
run c2 $(acct 6) basic "oidcc-scope-phone,oidcc-scope-all,oidcc-alternate-happy-flow,oidcc-display-page,oidcc-display-popup,oidcc-prompt-login,oidcc-prompt-none-not-logged-in,oidcc-prompt-none-logged-in"
run c3 $(acct 7) basic "oidcc-max-age-1,oidcc-max-age-10000,oidcc-ensure-request-with-unknown-parameter-succeeds,oidcc-id-token-hint,oidcc-login-hint,oidcc-ui-locales,oidcc-claims-locales,oidcc-ensure-request-with-acr-values-succeeds"
run c4 $(acct 8) basic "oidcc-codereuse,oidcc-codereuse-30seconds,oidcc-ensure-registered-redirect-uri,oidcc-ensure-post-request-succeeds,oidcc-server-client-secret-post,oidcc-unsigned-request-object-supported-correctly-or-rejected-as-unsupported,oidcc-claims-essential,oidcc-ensure-request-object-with-redirect-uri,oidcc-refresh-token,oidcc-ensure-request-with-valid-pkce-succeeds"
[ "${DYNAMIC:-1}" = 1 ] || exit 0
# Dynamic OP plan (run-dynamic.sh), in three chunks; oidcc-server-rotate-keys waits for a person to rotate the OP's
# keys and is left out (docs/conformance.md).
dyn() { # TAG SIGNIN MODULES
  MODULES=$3 SIGNIN=$2 TAG=$1 "$HERE/run-dynamic.sh" > $LOG/dynamic-$1.out 2>&1
  echo "dynamic $1: $(grep -o 'plan-detail.html?plan=[A-Za-z0-9]*' $LOG/dynamic-$1.out | head -1 | cut -d= -f2)"
}
dyn c1 $(acct 9) "oidcc-idtoken-rs256,oidcc-idtoken-unsigned,oidcc-userinfo-rs256,oidcc-ensure-redirect-uri-in-authorization-request,oidcc-redirect-uri-query-OK,oidcc-redirect-uri-query-mismatch,oidcc-redirect-uri-query-added,oidcc-redirect-uri-regfrag,oidcc-discovery-endpoint-verification"
dyn c2 $(acct 10) "oidcc-server,oidcc-registration-logo-uri,oidcc-registration-policy-uri,oidcc-registration-tos-uri,oidcc-registration-jwks-uri,oidcc-registration-sector-uri,oidcc-registration-sector-bad"
dyn c3 $(acct 11) "oidcc-refresh-token-rp-key-rotation,oidcc-request-uri-unsigned,oidcc-request-uri-signed-rs256,oidcc-ensure-request-object-with-redirect-uri,oidcc-refresh-token,oidcc-ensure-client-assertion-with-iss-aud-succeeds"
