#!/bin/bash
# More sign-in names for conformance runs (the sign-in limit counts per account: 10 per 15 min), never a weaker
# limit: confirmed accounts oidf-1 .. oidf-N <oidf-N@mail.ustc.edu.cn>, password that of demo-student (icourse-demo).
set -euo pipefail
N=${1:-12}
OP_DB=${OP_DB:-oidf_auth}
for i in $(seq 1 $N); do
  subject=$(python3 -c 'import secrets,string;print("".join(secrets.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(26)))')
  mysql -h 127.0.0.1 -u root $OP_DB -e "INSERT IGNORE INTO account (subject, username, username_key, email, school,
    affiliation, password_hash, locale, created_at, email_confirmed_at, password_changed_at)
    SELECT '$subject', 'oidf-$i', 'oidf-$i', 'oidf-$i@mail.ustc.edu.cn', school, affiliation, password_hash, locale,
      NOW(6), NOW(6), NOW(6) FROM account WHERE username = 'demo-student'"
done
mysql -h 127.0.0.1 -u root $OP_DB -e "SELECT username, email FROM account WHERE username LIKE 'oidf-%'"
