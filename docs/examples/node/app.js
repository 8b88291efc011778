// "Sign in with iCourse ID" and one API call, with openid-client (docs/developers.md).
import http from 'node:http';
import crypto from 'node:crypto';
import * as client from 'openid-client';

const issuer = new URL(process.env.ISSUER ?? 'http://127.0.0.1:9000');
const api = process.env.API ?? 'http://127.0.0.1:8080/api';
const port = Number(process.env.PORT ?? 3000);
const redirectUri = `http://127.0.0.1:${port}/callback`;

// http:// is only for the local run; a real issuer is https and needs no such option.
const config = await client.discovery(issuer, process.env.CLIENT_ID, process.env.CLIENT_SECRET, undefined,
  issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined);

const pending = new Map(); // browser cookie -> { verifier, state }; a real app keeps this in its session store

http.createServer(async (req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${port}`);
  const cookie = /sid=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
  try {
    if (url.pathname === '/') {
      const sid = crypto.randomUUID();
      const checks = { verifier: client.randomPKCECodeVerifier(), state: client.randomState() };
      pending.set(sid, checks);
      const to = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri, scope: 'openid profile reviews.read', state: checks.state,
        code_challenge: await client.calculatePKCECodeChallenge(checks.verifier), code_challenge_method: 'S256',
      });
      res.writeHead(302, { location: to.href, 'set-cookie': `sid=${sid}; HttpOnly; SameSite=Lax; Path=/` }).end();
    } else if (url.pathname === '/callback' && pending.has(cookie)) {
      const { verifier, state } = pending.get(cookie);
      pending.delete(cookie);
      const tokens = await client.authorizationCodeGrant(config, url,
        { pkceCodeVerifier: verifier, expectedState: state });
      const reviews = await client.fetchProtectedResource(config, tokens.access_token,
        new URL(`${api}/me/reviews`), 'GET');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ claims: tokens.claims(), reviews: await reviews.json() }, null, 2));
    } else {
      res.writeHead(404).end();
    }
  } catch (e) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(`Sign-in failed: ${e.message}\n`);
  }
}).listen(port, '127.0.0.1', () => console.log(`open http://127.0.0.1:${port}/`));
