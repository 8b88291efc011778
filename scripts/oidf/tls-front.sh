#!/bin/bash
# A TLS front for the suite, as the suite's own nginx is: https://127.0.0.1:8082 -> https://127.0.0.1:8443, adding
# X-Ssl-Protocol and X-Ssl-Cipher, from which the suite judges the TLS of the back-channel logout POST it receives
# (EnsureIncomingTls13 and EnsureIncomingTls12WithSecureCipherOrTls13 warn without them). Uses the suite's own key
# (/tmp/oidf/suite-tls.p12), which an OP started with SUITE_TRUST=1 trusts. Then: BCL=1 BCL_BASE=https://127.0.0.1:8082
set -euo pipefail
D=/tmp/oidf/nginx; mkdir -p $D
openssl pkcs12 -in /tmp/oidf/suite-tls.p12 -passin pass:changeit -nokeys -out $D/cert.pem
openssl pkcs12 -in /tmp/oidf/suite-tls.p12 -passin pass:changeit -nocerts -nodes -out $D/key.pem
cat > $D/nginx.conf <<CONF
daemon off;
pid $D/nginx.pid;
error_log $D/error.log;
events { worker_connections 64; }
http {
  access_log $D/access.log;
  client_body_temp_path $D/body; proxy_temp_path $D/proxy;
  fastcgi_temp_path $D/fcgi; uwsgi_temp_path $D/uwsgi; scgi_temp_path $D/scgi;
  server {
    listen 127.0.0.1:8082 ssl;
    ssl_certificate $D/cert.pem;
    ssl_certificate_key $D/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    location / {
      proxy_pass https://127.0.0.1:8443;
      proxy_ssl_verify off;
      proxy_set_header Host 127.0.0.1:8443;
      proxy_set_header X-Ssl-Protocol \$ssl_protocol;
      proxy_set_header X-Ssl-Cipher \$ssl_cipher;
    }
  }
}
CONF
nohup nginx -c $D/nginx.conf > $D/out.log 2>&1 &
echo $! > /tmp/oidf/nginx.pid
sleep 1; curl -skf -o /dev/null https://127.0.0.1:8082/api/runner/available && echo "TLS front up at https://127.0.0.1:8082"
